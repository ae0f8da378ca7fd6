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
    /** The row's sentence around the problem's words, so it is translated whole. */
    private readonly sentence: (problem: string) => string = (problem) => problem,
  ) {
    this.id = `${parent.id}/error`;
  }

  getTreeItem(): vscode.TreeItem {
    const words = this.sentence(describeError(this.error));
    const item = new vscode.TreeItem(words, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    item.accessibilityInformation = {
      label: rowLabel({ name: words, kind: vscode.l10n.t('error'), details: vscode.l10n.t('press Enter to retry') }),
    };
    item.tooltip = vscode.l10n.t('{0}\n\nClick to retry.', words);
    item.description = vscode.l10n.t('click to retry');
    item.contextValue = ContextValue.error;
    item.command = { command: RETRY_COMMAND, title: vscode.l10n.t('Retry'), arguments: [this.parent] };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
