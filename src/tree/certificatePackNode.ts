import * as vscode from 'vscode';
import { packCertificates } from '../cloudflare/types';
import type { CustomHostnameRecord } from '../model/customHostnameRecord';
import { appearanceOf, SSL_STATUS } from '../format/statusAppearance';
import { NodeIds } from '../model/nodeIds';
import { packKeyTypes, soonestPackExpiry } from '../model/packExpiry';
import { ContextValue } from './contextValues';
import type { CustomHostnameNode } from './customHostnameNode';
import { MessageNode } from './messageNode';
import { PackCertificateNode } from './packCertificateNode';
import { iconFor } from './themeIcons';
import type { TreeContext, TreeNode } from './treeNode';
import { rowLabel } from '../format/accessibleLabel';

/** The certificate pack of a custom hostname: up to one RSA and one ECDSA certificate. */
export class CertificatePackNode implements TreeNode {
  readonly id: string;

  constructor(
    private readonly context: TreeContext,
    readonly parent: CustomHostnameNode,
    readonly hostname: CustomHostnameRecord,
  ) {
    this.id = NodeIds.certificatePack(parent.zoneId, hostname.id, hostname.ssl?.id);
  }

  get packId(): string {
    return this.hostname.ssl?.id ?? '';
  }

  get zoneId(): string {
    return this.parent.zoneId;
  }

  expiresOn(): Date | undefined {
    return soonestPackExpiry(this.hostname);
  }

  getTreeItem(): vscode.TreeItem {
    const ssl = this.hostname.ssl;
    // Named by what it holds: a bare UUID tells a person nothing; the id is in the tooltip.
    const label = [vscode.l10n.t('Certificate pack'), packKeyTypes(this.hostname), ssl?.bundle_method].filter(Boolean).join(' · ');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.contextValue = ContextValue.certificatePack;
    const status = appearanceOf(SSL_STATUS, ssl?.status);
    item.iconPath = iconFor(status);
    item.description = [ssl?.certificate_authority, status.label.toLowerCase()].filter(Boolean).join(' · ');
    item.accessibilityInformation = { label: rowLabel({ name: label, details: item.description }) };
    item.tooltip = vscode.l10n.t(
      'Certificate pack of {0}\nHolds: {1}\nBundle method: {2}\nCertificate authority: {3}\nStatus: {4}\nID: {5}',
      this.hostname.hostname,
      packKeyTypes(this.hostname),
      ssl?.bundle_method ?? 'unknown',
      ssl?.certificate_authority ?? 'custom',
      status.label,
      this.packId,
    );
    return item;
  }

  get cloudflareId(): string {
    return this.packId;
  }

  getChildren(): TreeNode[] {
    const certificates = packCertificates(this.hostname);
    if (certificates.length === 0) {
      return [new MessageNode(this, vscode.l10n.t('No certificates'))];
    }
    return certificates.map((certificate) => new PackCertificateNode(this.context, this, certificate, certificates.length === 1));
  }
}
