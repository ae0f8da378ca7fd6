import * as vscode from 'vscode';
import type { HostnameAssociation, HostnameCertificate } from '../cloudflare/types';
import { certificateMarkdown, type CertificateDetails } from '../format/certificateMarkdown';
import { AOP_STATUS, appearanceOf } from '../format/statusAppearance';
import type { CertificateInfo } from '../x509/certificateInfo';
import { expiryBand, expiryPhrase } from '../x509/certificateSummary';
import { loadX509 } from '../x509/lazy';
import { findPemBlocks } from '../x509/pemBlocks';
import type { AopGroupNode } from './aopGroupNode';
import { AssociationNode } from './associationNode';
import { ContextValue } from './contextValues';
import { expiryIcon, iconFor } from './themeIcons';
import type { TreeContext, TreeNode } from './treeNode';

/** One per-hostname client certificate; its children are the hostnames that use it. */
export class AopCertificateNode implements TreeNode {
  readonly id: string;
  private info: CertificateInfo | undefined;

  constructor(
    private readonly context: TreeContext,
    readonly parent: AopGroupNode,
    readonly certificate: HostnameCertificate,
    readonly associations: readonly HostnameAssociation[],
  ) {
    this.id = `${parent.id}/${certificate.id}`;
  }

  get zoneId(): string {
    return this.parent.zoneId;
  }

  /** Parses the PEM the API returned (subject, SANs, key type); the tree shows less when it cannot. */
  async prepare(): Promise<void> {
    const der = findPemBlocks(this.certificate.certificate ?? '').find((block) => block.label === 'CERTIFICATE')?.der;
    if (der) {
      try {
        this.info = loadX509().inspectCertificate(der);
      } catch {
        this.info = undefined;
      }
    }
  }

  get label(): string {
    return this.info ? loadX509().displayName(this.info) : `Certificate ${this.certificate.id.slice(0, 8)}`;
  }

  getTreeItem(): vscode.TreeItem {
    const collapsible = this.associations.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(this.label, collapsible);
    item.id = this.id;
    item.contextValue = ContextValue.aopCertificate;
    const now = this.context.now();
    const status = appearanceOf(AOP_STATUS, this.certificate.status);
    const notAfter = this.certificate.expires_on ? new Date(this.certificate.expires_on) : this.info?.notAfter;
    const busy = this.context.activity.of(this.id);
    if (busy) {
      item.iconPath = new vscode.ThemeIcon('loading~spin');
      item.description = busy;
    } else {
      const { warningDays, criticalDays } = this.context.expiry();
      const band = notAfter ? expiryBand(notAfter, now, warningDays, criticalDays) : 'ok';
      item.iconPath = expiryIcon(band, iconFor(status));
      const parts = [notAfter ? expiryPhrase(notAfter, now) : undefined, this.certificate.status === 'active' ? undefined : status.label.toLowerCase()];
      item.description = parts.filter(Boolean).join(' · ');
    }
    item.tooltip = new vscode.MarkdownString(certificateMarkdown(this.details(), now));
    return item;
  }

  get pem(): string | undefined {
    return this.certificate.certificate;
  }

  get cloudflareId(): string {
    return this.certificate.id;
  }

  dashboardUrl(): string {
    return this.parent.dashboardUrl();
  }

  getChildren(): TreeNode[] {
    return this.associations.map((association) => new AssociationNode(this, association));
  }

  details(): CertificateDetails {
    const info = this.info;
    const status = appearanceOf(AOP_STATUS, this.certificate.status);
    return {
      title: this.label,
      subject: info?.subject,
      sans: info?.sans,
      issuer: this.certificate.issuer ?? info?.issuer,
      serialNumber: this.certificate.serial_number ?? info?.serialNumber,
      signature: this.certificate.signature ?? info?.signatureAlgorithm,
      keyType: info ? keyDescription(info) : undefined,
      notBefore: info?.notBefore,
      notAfter: this.certificate.expires_on ? new Date(this.certificate.expires_on) : info?.notAfter,
      status: status.label,
      uploadedOn: this.certificate.uploaded_on ? new Date(this.certificate.uploaded_on) : undefined,
      id: this.certificate.id,
      sha256Fingerprint: info?.sha256Fingerprint,
    };
  }
}

export function keyDescription(info: CertificateInfo): string {
  if (info.keyType === 'RSA' && info.keySize) {
    return `RSA ${info.keySize} bits`;
  }
  if (info.keyType === 'ECDSA' && info.curve) {
    return `ECDSA ${info.curve}`;
  }
  return info.keyType;
}
