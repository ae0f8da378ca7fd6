import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { AopGroupNode } from '../tree/aopGroupNode';
import { CustomHostnameNode } from '../tree/customHostnameNode';
import { CustomHostnamesGroupNode } from '../tree/customHostnamesGroupNode';
import { refreshNode } from '../tree/refreshNode';
import type { TreeNode } from '../tree/treeNode';
import { ZoneNode } from '../tree/zoneNode';
import { pickNode, type PickServices } from './pickTreeNode';

/** The rows with a Refresh of their own: a zone, one of its two groups, a custom hostname. */
function refreshable(node: TreeNode): TreeNode | undefined {
  const fits = [ZoneNode, AopGroupNode, CustomHostnamesGroupNode, CustomHostnameNode].some((kind) => node instanceof kind);
  return fits ? node : undefined;
}

/**
 * A row's Refresh; from the palette, a zone or one of its groups the person picks (the selected row
 * first when it has a Refresh), so one part reloads rather than the whole account.
 */
export async function refreshPart(
  services: PickServices & Pick<ExtensionServices, 'operations'>,
  node: TreeNode | undefined,
): Promise<void> {
  const target =
    node ??
    (await pickNode<TreeNode>(
      services,
      (await services.tree.shownZones()).flatMap((zone) => [zone, zone.aopGroup, zone.customHostnamesGroup]),
      {
        title: vscode.l10n.t('Refresh which zone or list?'),
        placeHolder: vscode.l10n.t('Choose what to load again from Cloudflare'),
        none: vscode.l10n.t('The Cloudflare Certificates view shows no zone yet.'),
        fromSelection: refreshable,
      },
    ));
  if (target) {
    await refreshNode(services, target);
  }
}
