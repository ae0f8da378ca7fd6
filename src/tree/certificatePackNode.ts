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
    const label = ['Certificate pack', packKeyTypes(this.hostname), ssl?.bundle_method].filter(Boolean).join(' · ');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.contextValue = ContextValue.certificatePack;
    const status = appearanceOf(SSL_STATUS, ssl?.status);
    item.iconPath = iconFor(status);
    item.description = [ssl?.certificate_authority, status.label.toLowerCase()].filter(Boolean).join(' · ');
    item.accessibilityInformation = { label: rowLabel({ name: label, details: item.description }) };
    item.tooltip = `Certificate pack of ${this.hostname.hostname}\nHolds: ${packKeyTypes(this.hostname)}\nBundle method: ${ssl?.bundle_method ?? 'unknown'}\nCertificate authority: ${ssl?.certificate_authority ?? 'custom'}\nStatus: ${status.label}\nID: ${this.packId}`;
    return item;
  }

  get cloudflareId(): string {
    return this.packId;
  }

  getChildren(): TreeNode[] {
    const certificates = packCertificates(this.hostname);
    if (certificates.length === 0) {
      return [new MessageNode(this, 'No certificates')];
    }
    return certificates.map((certificate) => new PackCertificateNode(this.context, this, certificate, certificates.length === 1));
  }
}
