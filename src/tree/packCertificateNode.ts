import * as vscode from 'vscode';
import type { PackCertificate } from '../cloudflare/types';
import { certificateMarkdown, type CertificateDetails } from '../format/certificateMarkdown';
import { appearanceOf, SSL_STATUS } from '../format/statusAppearance';
import { NodeIds } from '../model/nodeIds';
import { packKeyType } from '../model/packExpiry';
import { certificateInPem } from '../x509/certificateInPem';
import { SHOW_DETAILS_COMMAND } from './aopCertificateNode';
import type { CertificatePackNode } from './certificatePackNode';
import { ContextValue } from './contextValues';
import { iconFor } from './themeIcons';
import type { TreeContext, TreeNode } from './treeNode';
import { rowLabel } from '../format/accessibleLabel';

/** One certificate inside a custom hostname's pack. */
export class PackCertificateNode implements TreeNode {
  readonly id: string;

  constructor(
    private readonly context: TreeContext,
    readonly parent: CertificatePackNode,
    readonly certificate: PackCertificate,
    /** Cloudflare refuses to delete the last certificate of a pack. */
    readonly isLast: boolean,
  ) {
    this.id = NodeIds.packCertificate(parent.zoneId, parent.hostname.id, parent.hostname.ssl?.id, certificate.id);
  }

  get keyType(): 'RSA' | 'ECDSA' | undefined {
    return packKeyType(this.certificate.signature);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.keyType ?? vscode.l10n.t('Certificate'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.isLast ? ContextValue.packCertificateLast : ContextValue.packCertificate;
    item.iconPath = iconFor(appearanceOf(SSL_STATUS, this.parent.hostname.ssl?.status));
    item.accessibilityInformation = {
      label: rowLabel({
        name: `${this.keyType ?? 'Certificate'}`,
        kind: vscode.l10n.t('custom certificate of {0}', this.parent.hostname.hostname),
        status: appearanceOf(SSL_STATUS, this.parent.hostname.ssl?.status).label,
      }),
    };
    item.tooltip = new vscode.MarkdownString(certificateMarkdown(this.details(), this.context.now()));
    item.command = { command: SHOW_DETAILS_COMMAND, title: vscode.l10n.t('Show Certificate Details'), arguments: [this] };
    return item;
  }

  expiresOn(): Date | undefined {
    return this.certificate.expires_on ? new Date(this.certificate.expires_on) : undefined;
  }

  get cloudflareId(): string {
    return this.certificate.id;
  }

  /**
   * The API lists pack certificates without PEM; the hostname's custom_certificate is one of them.
   * The loaded records leave it out (it is most of each answer), so it is fetched when asked for.
   */
  async fetchPem(signal?: AbortSignal): Promise<string | undefined> {
    const hostname = this.parent.hostname;
    if (hostname.ssl?.has_custom_certificate === false) {
      return undefined;
    }
    const text = await this.context.data.customHostnamePem(this.parent.zoneId, hostname.id, signal);
    return certificateInPem(text, { sha256: this.certificate.fingerprint_sha256, serialNumber: this.certificate.serial_number });
  }

  getChildren(): TreeNode[] {
    return [];
  }

  details(): CertificateDetails {
    const hostname = this.parent.hostname;
    return {
      title: vscode.l10n.t('{0} certificate of {1}', this.keyType ?? vscode.l10n.t('Certificate'), hostname.hostname),
      sans: hostname.ssl?.hosts,
      issuer: this.certificate.issuer,
      serialNumber: this.certificate.serial_number,
      signature: this.certificate.signature,
      keyType: this.keyType,
      notBefore: this.certificate.issued_on ? new Date(this.certificate.issued_on) : undefined,
      notAfter: this.certificate.expires_on ? new Date(this.certificate.expires_on) : undefined,
      status: appearanceOf(SSL_STATUS, hostname.ssl?.status).label,
      uploadedOn: hostname.ssl?.uploaded_on ? new Date(hostname.ssl.uploaded_on) : undefined,
      id: this.certificate.id,
      sha256Fingerprint: this.certificate.fingerprint_sha256,
    };
  }
}
