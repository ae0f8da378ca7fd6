import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { AccountNode } from './accountNode';
import type { TreeNode } from './treeNode';

/**
 * Reveals the node with a tree id such as zone/<z>/aop/<cert>: walks down from the roots, loading
 * each level through the provider (so the view knows every element on the way), then selects it.
 */
export async function revealNode(services: Pick<ExtensionServices, 'tree' | 'treeView' | 'prompts'>, nodeId: string): Promise<boolean> {
  let children = await services.tree.getChildren();
  let found: TreeNode | undefined;
  for (;;) {
    found = children.find((child) => nodeId === child.id || nodeId.startsWith(`${child.id}/`));
    const accounts = children.filter((child) => child instanceof AccountNode);
    if (!found && accounts.length > 0) {
      // Zones grouped under their accounts: an account's id is no prefix of its zones' ids.
      children = (await Promise.all(accounts.map((account) => services.tree.getChildren(account)))).flat();
      continue;
    }
    if (!found || found.id === nodeId) {
      break;
    }
    children = await services.tree.getChildren(found);
  }
  if (!found) {
    void services.prompts.warning('That certificate is no longer in the tree; refresh and try again.');
    return false;
  }
  await vscode.commands.executeCommand('cloudflareCertificates.explorer.focus');
  await services.treeView.reveal(found, { select: true, focus: true, expand: false });
  return true;
}
