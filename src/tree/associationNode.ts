import * as vscode from 'vscode';
import type { HostnameAssociation } from '../cloudflare/types';
import { formatDate } from '../format/certificateMarkdown';
import { escapeMarkdown } from '../format/markdownEscape';
import { AOP_STATUS, appearanceOf, isTransitional } from '../format/statusAppearance';
import { NodeIds } from '../model/nodeIds';
import { expiryPhrase } from '../x509/certificateSummary';
import type { AopCertificateNode } from './aopCertificateNode';
import { ContextValue } from './contextValues';
import { iconFor } from './themeIcons';
import type { TreeContext, TreeNode } from './treeNode';
import { rowLabel } from '../format/accessibleLabel';

/** A hostname that uses a client certificate for Authenticated Origin Pulls. */
export class AssociationNode implements TreeNode {
  readonly id: string;

  constructor(
    private readonly context: Pick<TreeContext, 'data' | 'now'>,
    readonly parent: AopCertificateNode,
    readonly association: HostnameAssociation,
  ) {
    this.id = NodeIds.association(parent.zoneId, parent.certificate.id, association.hostname);
  }

  get enabled(): boolean {
    return this.association.enabled === true;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.association.hostname ?? vscode.l10n.t('(no hostname)'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.enabled ? ContextValue.associationEnabled : ContextValue.associationDisabled;
    const status = appearanceOf(AOP_STATUS, this.association.status);
    const certificateStatus = appearanceOf(AOP_STATUS, this.association.cert_status ?? this.association.status);
    // A change still deploying shows as such; otherwise the icon says whether the hostname presents it.
    item.iconPath = isTransitional(this.association.status)
      ? iconFor(status)
      : this.enabled
        ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
        : new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    item.description = [
      this.enabled ? 'enabled' : 'disabled',
      status.label.toLowerCase(),
      certificateStatus.label === status.label ? undefined : `certificate ${certificateStatus.label.toLowerCase()}`,
    ]
      .filter(Boolean)
      .join(' · ');
    item.accessibilityInformation = {
      label: rowLabel({
        name: this.association.hostname ?? vscode.l10n.t('(no hostname)'),
        kind: vscode.l10n.t('hostname using this certificate'),
        details: item.description,
      }),
    };
    // No tooltip here: VS Code resolves only properties left undefined, and this one is worth a request.
    return item;
  }

  /** The hostname's own detail, fresh from Cloudflare, once the person hovers it (what loaded, if that fails). */
  async resolveTooltip(signal: AbortSignal): Promise<vscode.MarkdownString> {
    try {
      const detail = await this.context.data.associationDetail(this.parent.zoneId, this.association.hostname, signal);
      return this.tooltip({ ...this.association, ...detail }, true);
    } catch {
      return this.tooltip(this.association);
    }
  }

  private tooltip(association: HostnameAssociation, fresh = false): vscode.MarkdownString {
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(association.hostname)}**\n\n`);
    tooltip.appendMarkdown(
      vscode.l10n.t(
        'Authenticated Origin Pulls: {0} for this hostname  \n',
        association.enabled === true ? vscode.l10n.t('enabled') : vscode.l10n.t('disabled'),
      ),
    );
    tooltip.appendMarkdown(
      vscode.l10n.t('Association status: {0}  \n', escapeMarkdown(appearanceOf(AOP_STATUS, association.status).label)),
    );
    tooltip.appendMarkdown(
      vscode.l10n.t('Certificate status: {0}  \n', escapeMarkdown(appearanceOf(AOP_STATUS, association.cert_status).label)),
    );
    // Dates read as in the certificate's own hover: minutes in UTC, and the days left beside the expiry.
    const expires = association.expires_on ? new Date(association.expires_on) : undefined;
    const expiry =
      expires && !Number.isNaN(expires.getTime())
        ? `${formatDate(expires)} (${expiryPhrase(expires, this.context.now())})`
        : association.expires_on;
    const updated = association.updated_at ? new Date(association.updated_at) : undefined;
    const rows = [
      [(value: string) => vscode.l10n.t('Certificate ID: {0}', value), association.cert_id],
      [(value: string) => vscode.l10n.t('Serial: {0}', value), association.serial_number],
      [(value: string) => vscode.l10n.t('Issuer: {0}', value), association.issuer],
      [(value: string) => vscode.l10n.t('Expires: {0}', value), expiry],
      [
        (value: string) => vscode.l10n.t('Updated: {0}', value),
        updated && !Number.isNaN(updated.getTime()) ? formatDate(updated) : association.updated_at,
      ],
    ] as const;
    for (const [line, value] of rows) {
      if (value) {
        tooltip.appendMarkdown(`${line(escapeMarkdown(String(value)))}  \n`);
      }
    }
    tooltip.appendMarkdown(fresh ? vscode.l10n.t('\n*As Cloudflare has it now.*') : '');
    return tooltip;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
