import * as vscode from 'vscode';
import type { CustomHostnameRecord } from '../model/customHostnameRecord';
import { escapeMarkdown } from '../format/markdownEscape';
import { appearanceOf, HOSTNAME_STATUS, SSL_STATUS } from '../format/statusAppearance';
import { CertificatePackNode } from './certificatePackNode';
import { ContextValue } from './contextValues';
import type { CustomHostnamesGroupNode } from './customHostnamesGroupNode';
import { iconFor } from './themeIcons';
import { NodeIds } from '../model/nodeIds';
import { soonestPackExpiry } from '../model/packExpiry';
import type { TreeContext, TreeNode } from './treeNode';
import { rowLabel } from '../format/accessibleLabel';

/** A SaaS custom hostname: its icon is the SSL status, its description both statuses. */
export class CustomHostnameNode implements TreeNode {
  readonly id: string;

  constructor(
    private readonly context: TreeContext,
    readonly parent: CustomHostnamesGroupNode,
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
    item.description = `SSL ${ssl.label.toLowerCase()} · hostname ${host.label.toLowerCase()}`;
    item.accessibilityInformation = {
      label: rowLabel({ name: this.hostname.hostname, kind: 'custom hostname', details: item.description }),
    };
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(this.hostname.hostname)}**\n\n`);
    tooltip.appendMarkdown(`Hostname status: ${escapeMarkdown(host.label)}  \nSSL status: ${escapeMarkdown(ssl.label)}  \n`);
    for (const problem of this.hostname.ssl?.validation_errors ?? []) {
      tooltip.appendMarkdown(`Validation: ${escapeMarkdown(problem.message ?? '')}  \n`);
    }
    for (const problem of this.hostname.verification_errors ?? []) {
      tooltip.appendMarkdown(`Verification: ${escapeMarkdown(problem)}  \n`);
    }
    const soonest = this.expiresOn();
    if (soonest) {
      tooltip.appendMarkdown(`Soonest certificate expiry: ${escapeMarkdown(soonest.toISOString().slice(0, 10))}  \n`);
    }
    tooltip.appendMarkdown(`ID: ${escapeMarkdown(this.hostname.id)}`);
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
