import * as vscode from 'vscode';
import { describeFilter, type FilteredHostnames } from '../model/filteredHostnames';
import { CustomHostnameNode } from './customHostnameNode';
import type { CustomHostnamesGroupNode } from './customHostnamesGroupNode';
import { ErrorNode } from './errorNode';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import type { TreeContext, TreeNode } from './treeNode';

/** "filtered: SSL not active · 120 of 3,400": the group's description while a filter is on. */
export function filteredDescription(filtered: FilteredHostnames): string {
  const total = filtered.total;
  const counts = total === undefined ? '' : vscode.l10n.t(' · {0} of {1}', filtered.items.length, total);
  return `filtered: ${describeFilter(filtered.filter)}${counts}`;
}

/**
 * The group's rows while a filter is on: the pages Cloudflare answered for the filter so far, and
 * Load more for the next page of the filtered list (not of the whole list).
 */
export async function filteredRows(
  context: TreeContext,
  group: CustomHostnamesGroupNode,
  filtered: FilteredHostnames,
): Promise<TreeNode[]> {
  try {
    await filtered.ensure();
  } catch (error) {
    return [new ErrorNode(group, error, (problem) => vscode.l10n.t('Could not load the filtered custom hostnames: {0}', problem))];
  }
  if (filtered.items.length === 0 && filtered.complete) {
    return [new MessageNode(group, vscode.l10n.t('No custom hostnames match ({0})', describeFilter(filtered.filter)), 'filter')];
  }
  const nodes: TreeNode[] = filtered.items.map((hostname) => new CustomHostnameNode(context, group, hostname));
  if (!filtered.complete) {
    nodes.push(new LoadMoreNode(group, filtered.items.length, filtered.total ?? filtered.items.length));
  }
  return nodes;
}
