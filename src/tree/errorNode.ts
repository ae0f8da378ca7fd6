import * as vscode from 'vscode';
import { describeError } from '../format/describeError';
import { ContextValue } from './contextValues';
import type { TreeNode } from './treeNode';
import { CommandId } from '../commandIds';
import { rowLabel } from '../format/accessibleLabel';

export const RETRY_COMMAND = CommandId.retryNode;

/** A failed load, in words; clicking it retries the load of its parent. */
export class ErrorNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: TreeNode,
    private readonly error: unknown,
    private readonly prefix = '',
  ) {
    this.id = `${parent.id}/error`;
  }

  getTreeItem(): vscode.TreeItem {
    const words = `${this.prefix}${describeError(this.error)}`;
    const item = new vscode.TreeItem(words, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    item.accessibilityInformation = { label: rowLabel({ name: words, kind: 'error', details: 'press Enter to retry' }) };
    item.tooltip = `${words}\n\nClick to retry.`;
    item.description = 'click to retry';
    item.contextValue = ContextValue.error;
    item.command = { command: RETRY_COMMAND, title: 'Retry', arguments: [this.parent] };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
