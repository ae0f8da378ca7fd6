import * as vscode from 'vscode';
import { rowLabel } from '../format/accessibleLabel';
import { isPageRange, pageOf, rangesOf, type HostnameRange } from '../model/hostnameRanges';
import type { HostnamePages } from '../model/hostnamePages';
import { CustomHostnameNode } from './customHostnameNode';
import { ErrorNode } from './errorNode';
import type { TreeContext, TreeNode } from './treeNode';
import { countText } from '../format/countText';

/** What a range needs of its Custom Hostnames group. */
export interface RangeOwner extends TreeNode {
  readonly zoneId: string;
  readonly pages: HostnamePages;
  dashboardUrl(): string;
  /** The hostname a tree id under the group stands for (itself or one of its packs). */
  hostnameIdIn(nodeId: string): string | undefined;
  /** Whether the group lists this hostname itself (revealed, its place unknown), so no range may. */
  listsItself(hostnameId: string): boolean;
}

/**
 * Rows "5,001–5,050" of a long Custom Hostnames group, as the debugger splits a large array: a range
 * of one page is one request when expanded; a larger range holds up to 100 smaller ones and sends
 * nothing. Reaching any row costs the same however deep in the list it lies.
 */
export class HostnameRangeNode implements TreeNode {
  readonly id: string;

  constructor(
    private readonly context: TreeContext,
    private readonly group: RangeOwner,
    readonly parent: TreeNode,
    readonly range: HostnameRange,
    /** The first range of each level opens at once, so opening the group shows its first page. */
    private readonly opensFirst: boolean,
  ) {
    // The start and the span of its level stay put as the list grows; the end of the last range does not.
    this.id = `${group.id}/range/${range.size}/${range.first}`;
  }

  get zoneId(): string {
    return this.group.zoneId;
  }

  getTreeItem(): vscode.TreeItem {
    const number = (value: number) => countText(value, vscode.env.language);
    const label = vscode.l10n.t('{0}–{1}', number(this.range.first + 1), number(this.range.end));
    const item = new vscode.TreeItem(
      label,
      this.opensFirst ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = this.id;
    item.accessibilityInformation = { label: rowLabel({ name: label, kind: vscode.l10n.t('custom hostnames') }) };
    item.tooltip = vscode.l10n.t(
      'Custom hostnames {0} to {1}, in the order Cloudflare lists them',
      number(this.range.first + 1),
      number(this.range.end),
    );
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    if (!isPageRange(this.range)) {
      return rangesOf(this.range.first, this.range.end).map(
        (range, index) => new HostnameRangeNode(this.context, this.group, this, range, this.opensFirst && index === 0),
      );
    }
    let hostnames;
    try {
      hostnames = await this.group.pages.page(pageOf(this.range));
    } catch (error) {
      return [new ErrorNode(this, error, (problem) => vscode.l10n.t('Could not load custom hostnames: {0}', problem))];
    }
    return hostnames
      .filter((hostname) => !this.group.listsItself(hostname.id))
      .map((hostname) => new CustomHostnameNode(this.context, this, hostname));
  }

  /** Whether this range holds the node with that tree id, as far as the loaded pages tell (reveal walks through it). */
  leadsTo(nodeId: string): boolean {
    const hostnameId = this.group.hostnameIdIn(nodeId);
    if (hostnameId === undefined || this.group.listsItself(hostnameId)) {
      return false;
    }
    const index = this.group.pages.find(hostnameId)?.index;
    return index !== undefined && index >= this.range.first && index < this.range.end;
  }

  dashboardUrl(): string {
    return this.group.dashboardUrl();
  }
}
