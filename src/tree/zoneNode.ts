import * as vscode from 'vscode';
import type { Zone } from '../cloudflare/types';
import { appearanceOf, ZONE_STATUS } from '../format/statusAppearance';
import { AopGroupNode } from './aopGroupNode';
import { ContextValue } from './contextValues';
import { CustomHostnamesGroupNode } from './customHostnamesGroupNode';
import { iconFor } from './themeIcons';
import type { TreeContext, TreeNode } from './treeNode';

/** A zone: its two groups, with their counts in the description once they have loaded. */
export class ZoneNode implements TreeNode {
  readonly id: string;
  readonly parent = undefined;
  readonly aopGroup: AopGroupNode;
  readonly customHostnamesGroup: CustomHostnamesGroupNode;

  constructor(
    private readonly context: TreeContext,
    readonly zone: Zone,
  ) {
    this.id = `zone/${zone.id}`;
    this.aopGroup = new AopGroupNode(context, this);
    this.customHostnamesGroup = new CustomHostnamesGroupNode(context, this);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.zone.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = ContextValue.zone;
    const status = appearanceOf(ZONE_STATUS, this.zone.status);
    item.iconPath = iconFor(status);
    item.description = this.countsDescription();
    item.tooltip = `${this.zone.name}\nZone status: ${status.label}\nZone ID: ${this.zone.id}`;
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    // Both groups show counts, so load both at once: expanding a zone costs one round trip.
    await Promise.allSettled([this.context.data.aop(this.zone.id), this.context.data.customHostnames(this.zone.id)]);
    return [this.aopGroup, this.customHostnamesGroup];
  }

  invalidate(): void {
    this.context.data.invalidate(this.zone.id);
  }

  get cloudflareId(): string {
    return this.zone.id;
  }

  /** The zone's page; `section` is a dashboard path below it such as "ssl-tls/origin". */
  dashboardUrl(section?: string): string {
    const base = `https://dash.cloudflare.com/${encodeURIComponent(this.zone.account?.id ?? '')}/${encodeURIComponent(this.zone.name)}`;
    return section ? `${base}/${section}` : base;
  }

  /** "3 client certs · 120 custom hostnames" from what has loaded; empty until then. */
  private countsDescription(): string | undefined {
    const loaded = this.context.data.loaded();
    const aop = loaded.aop.get(this.zone.id);
    const hostnames = loaded.customHostnames.get(this.zone.id);
    const parts: string[] = [];
    if (aop) {
      parts.push(plural(aop.certificates.length, 'client cert'));
    }
    if (hostnames) {
      const count = hostnames.complete ? `${hostnames.items.length}` : `${hostnames.items.length}+`;
      parts.push(`${count} custom hostname${hostnames.items.length === 1 && hostnames.complete ? '' : 's'}`);
    }
    return parts.length > 0 ? parts.join(' · ') : undefined;
  }
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
