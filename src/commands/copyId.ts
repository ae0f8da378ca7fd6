import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import type { TreeNode } from '../tree/treeNode';

export async function copyId(services: Pick<ExtensionServices, 'prompts'>, node: TreeNode | undefined): Promise<void> {
  const id = node?.cloudflareId;
  if (!id) {
    void services.prompts.info(
      vscode.l10n.t('Choose a zone, certificate, custom hostname or pack in the Cloudflare Certificates view to copy its ID.'),
    );
    return;
  }
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied ID {0}', id), 3000);
}
