import * as vscode from 'vscode';
import { ContextValue } from './contextValues';
import { CustomHostnameNode } from './customHostnameNode';
import { ErrorNode } from './errorNode';
import { LoadMoreNode, type Pageable } from './loadMoreNode';
import { HostnameRangeNode, type RangeOwner } from './hostnameRangeNode';
import { HOSTNAME_PAGE_SIZE, type HostnamePages } from '../model/hostnamePages';
import { MOST_ROWS_WITH_LOAD_MORE, rangesOf } from '../model/hostnameRanges';
import { MessageNode } from './messageNode';
import { NodeIds } from '../model/nodeIds';
import { RevealedHostnames } from './revealedHostnames';
import type { FilteredHostnames } from '../model/filteredHostnames';
import { filteredDescription, filteredRows } from './filteredHostnameRows';
import type { TreeContext, TreeNode } from './treeNode';
import type { ZoneNode } from './zoneNode';
import { rowLabel } from '../format/accessibleLabel';
import { countText } from '../format/countText';

/**
 * "Custom Hostnames" (Cloudflare for SaaS) of a zone, loaded a page at a time as a person asks: up to
 * a thousand as rows with Load more, a longer list in ranges (hostnameRangeNode.ts), so neither the
 * whole list nor thousands of rows are waited for or re-sent at once.
 */
export class CustomHostnamesGroupNode implements TreeNode, Pageable, RangeOwner {
  readonly id: string;
  private shownPages = 1;
  /** Hostnames Find Custom Hostname revealed: listed by the group even when not (yet) loaded. */
  readonly revealed = new RevealedHostnames();
  /** The revealed hostnames this group lists itself, as of its last listing: its ranges leave them out. */
  private listedItself = new Set<string>();
  /** The same, as of the listing before: those rows keep their place (see ranges()). */
  private listedBefore = new Set<string>();
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
    const total = this.pages.total;
    const loaded = this.context.data.loaded().customHostnames.get(this.zoneId);
    if (total !== undefined) {
      item.description = countText(total, vscode.env.language);
    } else if (loaded) {
      item.description = vscode.l10n.t(
        '{0} of {1} loaded',
        countText(loaded.items.length, vscode.env.language),
        loaded.expected === undefined ? '?' : countText(loaded.expected, vscode.env.language),
      );
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

  /** The zone's custom hostnames a page at a time (the model keeps them; this group only shows them). */
  get pages(): HostnamePages {
    return this.context.data.hostnamePages(this.zoneId);
  }

  /** What the group's row shows, loaded without waiting for the whole list: the count, with page 1. */
  async prepare(): Promise<void> {
    if (!this.filtered) {
      await this.pages.count();
    }
  }

  async getChildren(): Promise<TreeNode[]> {
    this.listedBefore = this.listedItself;
    this.listedItself = new Set();
    if (this.filtered) {
      return filteredRows(this.context, this, this.filtered);
    }
    this.followWholeList();
    let total;
    try {
      total = await this.pages.count();
    } catch (error) {
      return [new ErrorNode(this, error, (problem) => vscode.l10n.t('Could not load custom hostnames: {0}', problem))];
    }
    if (total === 0) {
      return [new MessageNode(this, vscode.l10n.t('No custom hostnames'))];
    }
    if (total !== undefined && total > MOST_ROWS_WITH_LOAD_MORE) {
      return [...this.partialWarning(), ...this.ranges(total)];
    }
    return this.pagedRows(total);
  }

  /** Up to MOST_ROWS_WITH_LOAD_MORE: rows, a page at a time, each Load more one more page. */
  private async pagedRows(total: number | undefined): Promise<TreeNode[]> {
    const count = total === undefined ? this.shownPages : Math.min(this.shownPages, Math.ceil(total / HOSTNAME_PAGE_SIZE));
    let pages;
    try {
      pages = await Promise.all(Array.from({ length: count }, (_, index) => this.pages.page(index + 1)));
    } catch (error) {
      return [new ErrorNode(this, error, (problem) => vscode.l10n.t('Could not load custom hostnames: {0}', problem))];
    }
    const visible = pages.flat();
    const nodes: TreeNode[] = [...this.partialWarning()];
    nodes.push(...visible.map((hostname) => new CustomHostnameNode(this.context, this, hostname)));
    // After the page and before "Load more": a revealed row must not wait for the rows before it.
    const shown = new Set(visible.map((hostname) => hostname.id));
    nodes.push(...this.revealedRows((id) => shown.has(id)));
    const more = total === undefined ? pages.at(-1)?.length === HOSTNAME_PAGE_SIZE : visible.length < total;
    if (more) {
      nodes.push(new LoadMoreNode(this, visible.length, total));
    }
    return nodes;
  }

  /** Beyond MOST_ROWS_WITH_LOAD_MORE: ranges, led by the revealed hostnames whose range is not known. */
  private ranges(total: number): TreeNode[] {
    // A row the group already lists itself stays where it is when its range becomes known (the scan's
    // list arrived): moved into a collapsed range, the row the person went to would vanish, selection and all.
    const revealed = this.revealedRows((id) => !this.listedBefore.has(id) && this.pages.find(id) !== undefined);
    this.listedItself = new Set(revealed.map((node) => node.hostname.id));
    return [...revealed, ...rangesOf(0, total).map((range, index) => new HostnameRangeNode(this.context, this, this, range, index === 0))];
  }

  private revealedRows(listed: (hostnameId: string) => boolean): CustomHostnameNode[] {
    const pages = this.pages;
    return this.revealed
      .beyond(listed, (id) => pages.find(id)?.hostname, pages.wholeListLoaded)
      .map((hostname) => new CustomHostnameNode(this.context, this, hostname));
  }

  /** The scan's list of the zone settled with pages missing: the status bar and hovers lack some hostnames. */
  private partialWarning(): TreeNode[] {
    const list = this.context.data.loaded().customHostnames.get(this.zoneId);
    if (!list || list.complete) {
      return [];
    }
    const { expected, items } = list;
    return [
      new ErrorNode(this, list.error, (problem) =>
        expected !== undefined
          ? vscode.l10n.t('Only {0} of {1} custom hostnames loaded: {2}', items.length, expected, problem)
          : vscode.l10n.t('Only {0} custom hostnames loaded: {1}', items.length, problem),
      ),
    ];
  }

  /**
   * The status bar, hovers and the watch read the zone's whole list, which a reload of this group
   * forgets: load it again in the background lane, which the pages a person waits for overtake.
   */
  private followWholeList(): void {
    this.context.data.customHostnames(this.zoneId, false).catch(() => undefined);
  }

  hostnameIdIn(nodeId: string): string | undefined {
    const prefix = `${this.id}/`;
    return nodeId.startsWith(prefix) ? nodeId.slice(prefix.length).split('/')[0] : undefined;
  }

  listsItself(hostnameId: string): boolean {
    return this.listedItself.has(hostnameId);
  }

  showMore(): void {
    if (this.filtered) {
      this.filtered.wantMore();
      return;
    }
    this.shownPages += 1;
  }

  dashboardUrl(): string {
    return this.parent.dashboardUrl('ssl-tls/custom-hostnames');
  }

  reload(): void {
    this.filtered = this.filtered?.fresh();
    this.context.data.reload(this.zoneId, 'customHostnames');
  }
}
