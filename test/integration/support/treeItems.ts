import type * as vscode from 'vscode';
import type { CloudflareCertificatesApi } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/treeNode';

export interface Row {
  readonly node: TreeNode;
  readonly item: vscode.TreeItem;
  readonly label: string;
  readonly description: string;
  readonly contextValue: string | undefined;
  readonly icon: string | undefined;
  readonly iconColor: string | undefined;
  readonly tooltip: string;
}

/** The children of a node as the view would render them. */
export async function rows(api: CloudflareCertificatesApi, parent?: TreeNode): Promise<Row[]> {
  const children = await api.tree.getChildren(parent);
  return Promise.all(children.map(async (node) => toRow(node, await api.tree.getTreeItem(node))));
}

export function toRow(node: TreeNode, item: vscode.TreeItem): Row {
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const icon = item.iconPath as { id?: string; color?: { id?: string } } | undefined;
  const tooltip = typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');
  return {
    node,
    item,
    label,
    description: typeof item.description === 'string' ? item.description : '',
    contextValue: item.contextValue,
    icon: icon?.id,
    iconColor: icon?.color?.id,
    tooltip,
  };
}

export async function child(api: CloudflareCertificatesApi, parent: TreeNode | undefined, label: string | RegExp): Promise<Row> {
  const all = await rows(api, parent);
  const found = all.find((row) => (typeof label === 'string' ? row.label === label : label.test(row.label)));
  if (!found) {
    throw new Error(`No row ${String(label)} among: ${all.map((row) => row.label).join(', ')}`);
  }
  return found;
}
