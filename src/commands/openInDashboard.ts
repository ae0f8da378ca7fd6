import * as vscode from 'vscode';
import { pickCloudflareItem } from './pickCloudflareItem';
import type { PaletteServices } from './pickTreeNode';
import type { TreeNode } from '../tree/treeNode';

/** "Open in Cloudflare Dashboard": the page that shows a row; from the palette, of a zone or certificate the person picks. */
export async function openInDashboard(services: PaletteServices, node: TreeNode | undefined): Promise<void> {
  const target =
    node ??
    (await pickCloudflareItem(services, vscode.l10n.t('Open which in the Cloudflare dashboard?'), (row) => row.dashboardUrl !== undefined));
  if (!target) {
    return;
  }
  const url = target.dashboardUrl?.();
  if (!url) {
    void services.prompts.info(
      vscode.l10n.t('Choose a zone, certificate or custom hostname in the Cloudflare Certificates view to open it in the dashboard.'),
    );
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url));
}
