import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { AccountNode } from './accountNode';
import type { TreeNode } from './treeNode';

/**
 * Reveals the node with a tree id such as zone/<z>/aop/<cert>: walks down from the roots, loading
 * each level through the provider (so the view knows every element on the way, and only those: in a
 * long list, the one range and page that hold it), then selects it.
 */
export async function revealNode(
  services: Pick<ExtensionServices, 'tree' | 'treeView' | 'prompts' | 'firstRowFocus'>,
  nodeId: string,
): Promise<boolean> {
  const found = await findNode(services, nodeId);
  if (!found) {
    void services.prompts.warning(vscode.l10n.t('That certificate is no longer in the tree; refresh and try again.'));
    return false;
  }
  // The view this opens is for the chosen row: the first row must not take the keyboard meanwhile.
  services.firstRowFocus.claim();
  await vscode.commands.executeCommand('cloudflareCertificates.explorer.focus');
  await services.treeView.reveal(found, { select: true, focus: true, expand: false });
  return true;
}

/** A node whose id is no prefix of those below it (a range of custom hostnames) says whether it leads to one. */
function leadsTo(node: TreeNode, nodeId: string): boolean {
  const path = node as TreeNode & { leadsTo?(nodeId: string): boolean };
  return path.leadsTo?.(nodeId) ?? false;
}

/** The node with a tree id, loading each level on the way down through the provider. */
export async function findNode(services: Pick<ExtensionServices, 'tree'>, nodeId: string): Promise<TreeNode | undefined> {
  let children = await services.tree.getChildren();
  for (;;) {
    const found =
      children.find((child) => nodeId === child.id || nodeId.startsWith(`${child.id}/`)) ??
      children.find((child) => leadsTo(child, nodeId));
    const accounts = children.filter((child) => child instanceof AccountNode);
    if (!found && accounts.length > 0) {
      // Zones grouped under their accounts: an account's id is no prefix of its zones' ids.
      children = (await Promise.all(accounts.map((account) => services.tree.getChildren(account)))).flat();
      continue;
    }
    if (!found || found.id === nodeId) {
      return found;
    }
    children = await services.tree.getChildren(found);
  }
}
