import * as vscode from 'vscode';
import { packCertificates, type CustomHostname } from '../cloudflare/types';
import { appearanceOf, SSL_STATUS } from '../format/statusAppearance';
import { ContextValue } from './contextValues';
import type { CustomHostnameNode } from './customHostnameNode';
import { MessageNode } from './messageNode';
import { PackCertificateNode } from './packCertificateNode';
import { iconFor } from './themeIcons';
import type { TreeContext, TreeNode } from './treeNode';

/** The certificate pack of a custom hostname: up to one RSA and one ECDSA certificate. */
export class CertificatePackNode implements TreeNode {
  readonly id: string;

  constructor(
    private readonly context: TreeContext,
    readonly parent: CustomHostnameNode,
    readonly hostname: CustomHostname,
  ) {
    this.id = `${parent.id}/pack/${hostname.ssl?.id ?? 'none'}`;
  }

  get packId(): string {
    return this.hostname.ssl?.id ?? '';
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`Certificate pack ${this.packId}`, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.contextValue = ContextValue.certificatePack;
    const ssl = this.hostname.ssl;
    const status = appearanceOf(SSL_STATUS, ssl?.status);
    item.iconPath = iconFor(status);
    item.description = [ssl?.bundle_method, ssl?.certificate_authority, status.label.toLowerCase()].filter(Boolean).join(' · ');
    item.tooltip = `Certificate pack ${this.packId}\nBundle method: ${ssl?.bundle_method ?? 'unknown'}\nCertificate authority: ${ssl?.certificate_authority ?? 'custom'}\nStatus: ${status.label}`;
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
