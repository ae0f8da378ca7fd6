import * as vscode from 'vscode';
import { pickCloudflareItem } from './pickCloudflareItem';
import type { PaletteServices } from './pickTreeNode';
import type { TreeNode } from '../tree/treeNode';

/** "Copy ID": the Cloudflare id of a row; from the palette, of a zone or certificate the person picks. */
export async function copyId(services: PaletteServices, node: TreeNode | undefined): Promise<void> {
  const target =
    node ?? (await pickCloudflareItem(services, vscode.l10n.t('Copy the ID of…'), (row) => row.cloudflareId !== undefined, true));
  if (!target) {
    return;
  }
  const id = target.cloudflareId;
  if (!id) {
    void services.prompts.info(
      vscode.l10n.t('Choose a zone, certificate, custom hostname or pack in the Cloudflare Certificates view to copy its ID.'),
    );
    return;
  }
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied ID {0}', id), 3000);
}
