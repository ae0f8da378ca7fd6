import type { ExtensionServices } from '../extensionServices';
import { CustomHostnameNode } from './customHostnameNode';
import type { TreeNode } from './treeNode';

/**
 * A node's inline Refresh: reloads the data that node shows. A custom hostname asks Cloudflare for
 * that one hostname; a group or zone reloads its part of the zone.
 */
export async function refreshNode(services: Pick<ExtensionServices, 'operations' | 'tree'>, node: TreeNode | undefined): Promise<void> {
  if (node instanceof CustomHostnameNode) {
    await services.operations.refreshCustomHostname(node.zoneId, node.hostname.id);
    return;
  }
  if (node) {
    services.tree.reload(node);
  } else {
    services.tree.reloadAll();
  }
}
