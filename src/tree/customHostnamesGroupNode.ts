import * as vscode from 'vscode';
import { ContextValue } from './contextValues';
import { CustomHostnameNode } from './customHostnameNode';
import { ErrorNode } from './errorNode';
import { LoadMoreNode, type Pageable } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { NodeIds } from '../model/nodeIds';
import { RevealedHostnames } from './revealedHostnames';
import type { FilteredHostnames } from '../model/filteredHostnames';
import { filteredDescription, filteredRows } from './filteredHostnameRows';
import type { TreeContext, TreeNode } from './treeNode';
import type { ZoneNode } from './zoneNode';
import { rowLabel } from '../format/accessibleLabel';

/** Rendering thousands of rows at once makes the view sluggish, so the group shows them a page at a time. */
export const HOSTNAMES_PER_PAGE = 50;

/** "Custom Hostnames" (Cloudflare for SaaS) of a zone, shown a page at a time. */
export class CustomHostnamesGroupNode implements TreeNode, Pageable {
  readonly id: string;
  private shown = HOSTNAMES_PER_PAGE;
  /** Hostnames Find Custom Hostname revealed: listed after the page even when not (yet) loaded. */
  readonly revealed = new RevealedHostnames();
  /** Set by Filter Custom Hostnames…: the group then lists Cloudflare's filtered pages (filteredHostnameRows.ts). */
  filtered: FilteredHostnames | undefined;

  constructor(
    private readonly context: TreeContext,
    readonly parent: ZoneNode,
  ) {
    this.id = NodeIds.customHostnames(parent.zone.id);
  }

  get zoneId(): string {
    return this.parent.zone.id;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Custom Hostnames'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = ContextValue.customHostnames;
    item.iconPath = new vscode.ThemeIcon('globe');
    const loaded = this.context.data.loaded().customHostnames.get(this.zoneId);
    if (loaded) {
      item.description = loaded.complete
        ? `${loaded.items.length}`
        : vscode.l10n.t('{0} of {1} loaded', loaded.items.length, loaded.expected ?? '?');
    }
    item.accessibilityInformation = {
      label: rowLabel({ name: vscode.l10n.t('Custom Hostnames'), kind: vscode.l10n.t('group'), details: item.description }),
    };
    item.tooltip = vscode.l10n.t('Cloudflare for SaaS custom hostnames and their certificate packs.');
    if (this.filtered) {
      item.description = filteredDescription(this.filtered);
      item.contextValue = ContextValue.customHostnamesFiltered;
    }
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    if (this.filtered) {
      return filteredRows(this.context, this, this.filtered);
    }
    let list;
    try {
      list = await this.context.data.customHostnames(this.zoneId);
    } catch (error) {
      return [new ErrorNode(this, error, (problem) => vscode.l10n.t('Could not load custom hostnames: {0}', problem))];
    }
    const nodes: TreeNode[] = [];
    if (!list.complete) {
      const { expected, items } = list;
      nodes.push(
        new ErrorNode(this, list.error, (problem) =>
          expected !== undefined
            ? vscode.l10n.t('Only {0} of {1} custom hostnames loaded: {2}', items.length, expected, problem)
            : vscode.l10n.t('Only {0} custom hostnames loaded: {1}', items.length, problem),
        ),
      );
    }
    if (list.items.length === 0 && list.complete) {
      return [new MessageNode(this, vscode.l10n.t('No custom hostnames'))];
    }
    const visible = list.items.slice(0, this.shown);
    nodes.push(...visible.map((hostname) => new CustomHostnameNode(this.context, this, hostname)));
    // After the page and before "Load more": a revealed row must not wait for the rows before it.
    const revealed = this.revealed.beyond(visible, list.items, list.complete);
    nodes.push(...revealed.map((hostname) => new CustomHostnameNode(this.context, this, hostname)));
    if (list.items.length > visible.length) {
      nodes.push(new LoadMoreNode(this, visible.length, list.items.length));
    }
    return nodes;
  }

  showMore(): void {
    if (this.filtered) {
      this.filtered.wantMore();
      return;
    }
    this.shown += HOSTNAMES_PER_PAGE;
  }

  dashboardUrl(): string {
    return this.parent.dashboardUrl('ssl-tls/custom-hostnames');
  }

  reload(): void {
    this.filtered = this.filtered?.fresh();
    this.context.data.reload(this.zoneId, 'customHostnames');
  }
}
