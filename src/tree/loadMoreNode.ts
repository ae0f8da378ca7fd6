import * as vscode from 'vscode';
import { ContextValue } from './contextValues';
import type { TreeNode } from './treeNode';
import { CommandId } from '../commandIds';
import { rowLabel } from '../format/accessibleLabel';

export const LOAD_MORE_COMMAND = CommandId.loadMore;

/**
 * Shown at the end of a long list; its parent decides what "more" means (the view then re-renders it,
 * every row of it, which is why a long list is split into ranges instead: hostnameRanges.ts).
 */
export interface Pageable extends TreeNode {
  showMore(): void;
}

export class LoadMoreNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: Pageable,
    private readonly shown: number,
    /** Unknown when Cloudflare did not count the list. */
    private readonly total: number | undefined,
  ) {
    this.id = `${parent.id}/loadMore`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description =
      this.total === undefined ? vscode.l10n.t('{0} shown', this.shown) : vscode.l10n.t('{0} of {1} shown', this.shown, this.total);
    item.accessibilityInformation = {
      label: rowLabel({ name: vscode.l10n.t('Load more'), details: item.description }),
    };
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = ContextValue.loadMore;
    item.command = { command: LOAD_MORE_COMMAND, title: vscode.l10n.t('Load more'), arguments: [this.parent] };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
