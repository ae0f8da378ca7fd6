import * as vscode from 'vscode';
import type { CustomHostnameRecord } from '../model/customHostnameRecord';
import { escapeMarkdown } from '../format/markdownEscape';
import { appearanceOf, HOSTNAME_STATUS, SSL_STATUS } from '../format/statusAppearance';
import { CertificatePackNode } from './certificatePackNode';
import { ContextValue } from './contextValues';
import { iconFor } from './themeIcons';
import { NodeIds } from '../model/nodeIds';
import { soonestPackExpiry } from '../model/packExpiry';
import type { TreeContext, TreeNode } from './treeNode';
import { rowLabel } from '../format/accessibleLabel';

/** What lists hostname rows: the Custom Hostnames group, or one of its ranges. */
export interface HostnameRowParent extends TreeNode {
  readonly zoneId: string;
  dashboardUrl(): string;
}

/** A SaaS custom hostname: its icon is the SSL status, its description both statuses. */
export class CustomHostnameNode implements TreeNode {
  readonly id: string;

  constructor(
    private readonly context: TreeContext,
    readonly parent: HostnameRowParent,
    readonly hostname: CustomHostnameRecord,
  ) {
    this.id = NodeIds.customHostname(parent.zoneId, hostname.id);
  }

  get zoneId(): string {
    return this.parent.zoneId;
  }

  getTreeItem(): vscode.TreeItem {
    const hasPack = Boolean(this.hostname.ssl?.id);
    const item = new vscode.TreeItem(
      this.hostname.hostname,
      hasPack ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    item.contextValue = ContextValue.customHostname;
    const ssl = appearanceOf(SSL_STATUS, this.hostname.ssl?.status);
    const host = appearanceOf(HOSTNAME_STATUS, this.hostname.status);
    item.iconPath = iconFor(ssl);
    item.description = vscode.l10n.t('SSL {0} · hostname {1}', ssl.label.toLowerCase(), host.label.toLowerCase());
    item.accessibilityInformation = {
      label: rowLabel({ name: this.hostname.hostname, kind: vscode.l10n.t('custom hostname'), details: item.description }),
    };
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(this.hostname.hostname)}**\n\n`);
    tooltip.appendMarkdown(
      vscode.l10n.t('Hostname status: {0}  \nSSL status: {1}  \n', escapeMarkdown(host.label), escapeMarkdown(ssl.label)),
    );
    for (const problem of this.hostname.ssl?.validation_errors ?? []) {
      tooltip.appendMarkdown(vscode.l10n.t('Validation: {0}  \n', escapeMarkdown(problem.message ?? '')));
    }
    for (const problem of this.hostname.verification_errors ?? []) {
      tooltip.appendMarkdown(vscode.l10n.t('Verification: {0}  \n', escapeMarkdown(problem)));
    }
    const soonest = this.expiresOn();
    if (soonest) {
      tooltip.appendMarkdown(vscode.l10n.t('Soonest certificate expiry: {0}  \n', escapeMarkdown(soonest.toISOString().slice(0, 10))));
    }
    tooltip.appendMarkdown(vscode.l10n.t('ID: {0}', escapeMarkdown(this.hostname.id)));
    item.tooltip = tooltip;
    return item;
  }

  /** The pack's soonest expiry: an expired RSA certificate must not hide under a green "SSL active". */
  expiresOn(): Date | undefined {
    return soonestPackExpiry(this.hostname);
  }

  get cloudflareId(): string {
    return this.hostname.id;
  }

  dashboardUrl(): string {
    return this.parent.dashboardUrl();
  }

  getChildren(): TreeNode[] {
    return this.hostname.ssl?.id ? [new CertificatePackNode(this.context, this, this.hostname)] : [];
  }
}
