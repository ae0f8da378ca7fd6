import * as vscode from 'vscode';
import type { Zone } from '../cloudflare/types';
import { appearanceOf, ZONE_STATUS } from '../format/statusAppearance';
import { NodeIds } from '../model/nodeIds';
import { AopGroupNode } from './aopGroupNode';
import { ContextValue } from './contextValues';
import { CustomHostnamesGroupNode } from './customHostnamesGroupNode';
import { iconFor } from './themeIcons';
import type { TreeContext, TreeNode } from './treeNode';
import { rowLabel } from '../format/accessibleLabel';
import { countText } from '../format/countText';

/** A zone: its two groups, with their counts and the zone's AOP switch in the description once loaded. */
export class ZoneNode implements TreeNode {
  readonly id: string;
  /** Its account's node when zones are grouped by account (set by the provider), else the root. */
  parent: TreeNode | undefined = undefined;
  readonly aopGroup: AopGroupNode;
  readonly customHostnamesGroup: CustomHostnamesGroupNode;

  constructor(
    private readonly context: TreeContext,
    readonly zone: Zone,
  ) {
    this.id = NodeIds.zone(zone.id);
    this.aopGroup = new AopGroupNode(context, this);
    this.customHostnamesGroup = new CustomHostnamesGroupNode(context, this);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.zone.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const settings = this.context.data.loaded().aopSettings.get(this.zone.id);
    item.contextValue = settings === undefined ? ContextValue.zone : settings.enabled ? ContextValue.zoneAopOn : ContextValue.zoneAopOff;
    const status = appearanceOf(ZONE_STATUS, this.zone.status);
    item.iconPath = iconFor(status);
    item.description = this.description(settings);
    const aop =
      settings === undefined
        ? vscode.l10n.t('not loaded yet (expand the zone)')
        : settings.enabled
          ? vscode.l10n.t('on')
          : vscode.l10n.t('off');
    item.accessibilityInformation = {
      label: rowLabel({ name: this.zone.name, kind: 'zone', status: status.label, details: item.description }),
    };
    item.tooltip = vscode.l10n.t(
      '{0}\nZone status: {1}\nAuthenticated Origin Pulls (zone-level): {2}\nZone ID: {3}',
      this.zone.name,
      status.label,
      aop,
      this.zone.id,
    );
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    // Both groups show counts, so load both at once (with the zone's AOP switch): one round trip. The
    // hostnames' count is Cloudflare's, from their first page: never a wait for the whole list. Each
    // part announces what it brings (the count as 'customHostnameCount'), which re-renders this row.
    const { data } = this.context;
    await Promise.allSettled([data.aop(this.zone.id), this.customHostnamesGroup.prepare(), data.aopSettings(this.zone.id)]);
    return [this.aopGroup, this.customHostnamesGroup];
  }

  reload(): void {
    this.context.data.reload(this.zone.id);
  }

  get cloudflareId(): string {
    return this.zone.id;
  }

  /** The zone's page; `section` is a dashboard path below it such as "ssl-tls/origin". */
  dashboardUrl(section?: string): string {
    const base = `https://dash.cloudflare.com/${encodeURIComponent(this.zone.account?.id ?? '')}/${encodeURIComponent(this.zone.name)}`;
    return section ? `${base}/${section}` : base;
  }

  /** "3 client certs · 120 custom hostnames · AOP on" from what has loaded; empty until then. */
  private description(settings: { enabled: boolean } | undefined): string | undefined {
    const loaded = this.context.data.loaded();
    const aop = loaded.aop.get(this.zone.id);
    const hostnames = loaded.customHostnames.get(this.zone.id);
    const parts: string[] = [];
    if (aop) {
      const count = aop.certificates.length;
      parts.push(count === 1 ? vscode.l10n.t('1 client cert') : vscode.l10n.t('{0} client certs', countText(count, vscode.env.language)));
    }
    // Before the scan reaches the zone, Cloudflare's count from the group's first page.
    const count = hostnames?.items.length ?? this.customHostnamesGroup.pages.total;
    if (count !== undefined) {
      parts.push(
        hostnames?.complete === false
          ? vscode.l10n.t('{0}+ custom hostnames', countText(count, vscode.env.language))
          : count === 1
            ? vscode.l10n.t('1 custom hostname')
            : vscode.l10n.t('{0} custom hostnames', countText(count, vscode.env.language)),
      );
    }
    if (settings) {
      parts.push(settings.enabled ? vscode.l10n.t('AOP on') : vscode.l10n.t('AOP off'));
    }
    return parts.length > 0 ? parts.join(' · ') : undefined;
  }
}
