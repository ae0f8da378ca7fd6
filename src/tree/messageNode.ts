import * as vscode from 'vscode';
import { ContextValue } from './contextValues';
import type { TreeNode } from './treeNode';
import { rowLabel } from '../format/accessibleLabel';

/** A leaf that says something about its parent's state, e.g. "No certificates". */
export class MessageNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode,
    private readonly text: string,
    private readonly icon = 'info',
  ) {
    this.id = `${parent.id}/message`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.accessibilityInformation = { label: rowLabel({ name: this.text }) };
    item.contextValue = ContextValue.message;
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
