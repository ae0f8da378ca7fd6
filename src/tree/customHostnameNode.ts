import * as vscode from 'vscode';
import type { CustomHostname } from '../cloudflare/types';
import { escapeMarkdown } from '../format/markdownEscape';
import { appearanceOf, HOSTNAME_STATUS, SSL_STATUS } from '../format/statusAppearance';
import { CertificatePackNode } from './certificatePackNode';
import { ContextValue } from './contextValues';
import type { CustomHostnamesGroupNode } from './customHostnamesGroupNode';
import { iconFor } from './themeIcons';
import type { TreeContext, TreeNode } from './treeNode';

/** A SaaS custom hostname: its icon is the SSL status, its description both statuses. */
export class CustomHostnameNode implements TreeNode {
  readonly id: string;

  constructor(
    private readonly context: TreeContext,
    readonly parent: CustomHostnamesGroupNode,
    readonly hostname: CustomHostname,
  ) {
    this.id = `${parent.id}/${hostname.id}`;
  }

  get zoneId(): string {
    return this.parent.zoneId;
  }

  getTreeItem(): vscode.TreeItem {
    const hasPack = Boolean(this.hostname.ssl?.id);
    const item = new vscode.TreeItem(this.hostname.hostname, hasPack ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = ContextValue.customHostname;
    const ssl = appearanceOf(SSL_STATUS, this.hostname.ssl?.status);
    const host = appearanceOf(HOSTNAME_STATUS, this.hostname.status);
    const busy = this.context.activity.of(this.id);
    item.iconPath = busy ? new vscode.ThemeIcon('loading~spin') : iconFor(ssl);
    item.description = busy ?? `SSL ${ssl.label.toLowerCase()} · hostname ${host.label.toLowerCase()}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(this.hostname.hostname)}**\n\n`);
    tooltip.appendMarkdown(`Hostname status: ${escapeMarkdown(host.label)}  \nSSL status: ${escapeMarkdown(ssl.label)}  \n`);
    for (const problem of this.hostname.ssl?.validation_errors ?? []) {
      tooltip.appendMarkdown(`Validation: ${escapeMarkdown(problem.message ?? '')}  \n`);
    }
    for (const problem of this.hostname.verification_errors ?? []) {
      tooltip.appendMarkdown(`Verification: ${escapeMarkdown(problem)}  \n`);
    }
    tooltip.appendMarkdown(`ID: ${escapeMarkdown(this.hostname.id)}`);
    item.tooltip = tooltip;
    return item;
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
