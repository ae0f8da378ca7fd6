import * as vscode from 'vscode';
import type { HostnameAssociation, HostnameCertificate } from '../cloudflare/types';
import { certificateMarkdown, type CertificateDetails } from '../format/certificateMarkdown';
import { AOP_STATUS, appearanceOf } from '../format/statusAppearance';
import { keyDescription } from '../format/wording';
import { clientCertificateInfo, clientCertificateName } from '../model/clientCertificateInfo';
import { NodeIds } from '../model/nodeIds';
import type { RotationState } from '../model/rotationState';
import type { CertificateInfo } from '../x509/certificateInfo';
import type { AopGroupNode } from './aopGroupNode';
import { AssociationNode } from './associationNode';
import { ContextValue } from './contextValues';
import { iconFor } from './themeIcons';
import type { TreeContext, TreeNode } from './treeNode';
import { CommandId } from '../commandIds';
import { rowLabel } from '../format/accessibleLabel';

export const SHOW_DETAILS_COMMAND = CommandId.showDetails;

/** One per-hostname client certificate; its children are the hostnames that use it. */
export class AopCertificateNode implements TreeNode {
  readonly id: string;
  private info: CertificateInfo | undefined;

  constructor(
    private readonly context: TreeContext,
    readonly parent: AopGroupNode,
    readonly certificate: HostnameCertificate,
    readonly associations: readonly HostnameAssociation[],
    /** Set when Cloudflare's state shows this certificate's hostnames partly or wholly moved to a replacement. */
    readonly rotation?: RotationState,
  ) {
    this.id = NodeIds.aopCertificate(parent.zoneId, certificate.id);
  }

  get zoneId(): string {
    return this.parent.zoneId;
  }

  /** Parses the PEM the API returned (subject, SANs, key type); the tree shows less when it cannot. */
  prepare(): void {
    this.info = clientCertificateInfo(this.certificate);
  }

  get label(): string {
    return clientCertificateName(this.certificate);
  }

  expiresOn(): Date | undefined {
    return this.certificate.expires_on ? new Date(this.certificate.expires_on) : this.info?.notAfter;
  }

  getTreeItem(): vscode.TreeItem {
    const collapsible = this.associations.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(this.label, collapsible);
    item.id = this.id;
    // Nothing moved yet (the replacement is only uploaded): Finish applies, Undo has nothing to undo.
    item.contextValue = !this.rotation
      ? ContextValue.aopCertificate
      : this.rotation.moved.length > 0
        ? ContextValue.aopCertificateRotating
        : ContextValue.aopCertificateReplacementReady;
    const status = appearanceOf(AOP_STATUS, this.certificate.status);
    item.iconPath = this.rotation ? new vscode.ThemeIcon('sync', new vscode.ThemeColor('list.warningForeground')) : iconFor(status);
    item.description =
      [this.certificate.status === 'active' ? undefined : status.label.toLowerCase(), this.rotationWords()].filter(Boolean).join(' · ') ||
      undefined;
    item.accessibilityInformation = {
      label: rowLabel({ name: this.label, kind: vscode.l10n.t('client certificate'), status: status.label, details: this.rotationWords() }),
    };
    item.tooltip = new vscode.MarkdownString(certificateMarkdown(this.details(), this.context.now()));
    // Clicking a certificate (or Enter on it) opens its details, as a file opens from the Explorer.
    item.command = { command: SHOW_DETAILS_COMMAND, title: vscode.l10n.t('Show Certificate Details'), arguments: [this] };
    return item;
  }

  /** "rotation incomplete: 3 of 5 hostnames on new.example.com", the old one left unused, or none moved yet. */
  private rotationWords(): string | undefined {
    if (!this.rotation) {
      return undefined;
    }
    const { moved, remaining, newCertificate } = this.rotation;
    const bare = clientCertificateName(newCertificate);
    // Old and new often share a name (a renewal): the new one's expiry tells the rows apart.
    const expires = newCertificate.expires_on?.slice(0, 10);
    const name = bare === clientCertificateName(this.certificate) && expires ? vscode.l10n.t('{0} (expires {1})', bare, expires) : bare;
    if (moved.length === 0) {
      const how = newCertificate.status === 'active' ? 'uploaded' : 'deploying';
      return vscode.l10n.t('replacement {0}: 0 of {1} hostnames on {2}', how, remaining.length, name);
    }
    return remaining.length > 0
      ? vscode.l10n.t('rotation incomplete: {0} of {1} hostnames on {2}', moved.length, moved.length + remaining.length, name)
      : vscode.l10n.t('rotation incomplete: replaced by {0}, no hostname uses it', name);
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
    return this.associations.map((association) => new AssociationNode(this.context, this, association));
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
      notAfter: this.expiresOn(),
      status: status.label,
      uploadedOn: this.certificate.uploaded_on ? new Date(this.certificate.uploaded_on) : undefined,
      id: this.certificate.id,
      sha256Fingerprint: info?.sha256Fingerprint,
    };
  }
}
