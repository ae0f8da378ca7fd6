import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import type { TreeNode } from '../tree/treeNode';

export async function openInDashboard(services: Pick<ExtensionServices, 'prompts'>, node: TreeNode | undefined): Promise<void> {
  const url = node?.dashboardUrl?.();
  if (!url) {
    void services.prompts.info(
      vscode.l10n.t('Choose a zone, certificate or custom hostname in the Cloudflare Certificates view to open it in the dashboard.'),
    );
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url));
}
