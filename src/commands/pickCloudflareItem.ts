import * as vscode from 'vscode';
import type { TreeNode } from '../tree/treeNode';
import { searchForPack } from './pickPackCertificate';
import { clientCertificates, pickNode, type PaletteServices } from './pickTreeNode';

/**
 * For Copy ID and Open in Cloudflare Dashboard from the palette: the selected row when it has what
 * the action needs, then every zone and client certificate, and (for the ids) a custom hostname's
 * certificate through the hostname search.
 */
export async function pickCloudflareItem(
  services: PaletteServices,
  title: string,
  fits: (node: TreeNode) => boolean,
  packCertificates = false,
): Promise<TreeNode | undefined> {
  const zones = await services.tree.shownZones();
  const candidates = [...zones, ...(await clientCertificates(services))].filter(fits);
  return pickNode<TreeNode>(services, candidates, {
    title,
    placeHolder: vscode.l10n.t('Choose a zone or certificate'),
    none: vscode.l10n.t('The Cloudflare Certificates view shows no zone yet.'),
    fromSelection: (node) => (fits(node) ? node : undefined),
    further: packCertificates ? [searchForPack(services, title)] : [],
  });
}
