import * as vscode from 'vscode';
import type { HostnameAssociation } from '../cloudflare/types';
import { AOP_STATUS, appearanceOf } from '../format/statusAppearance';
import type { AopCertificateNode } from './aopCertificateNode';
import { ContextValue } from './contextValues';
import type { TreeNode } from './treeNode';
import { NodeIds } from '../model/nodeIds';

/** A hostname that uses a client certificate for Authenticated Origin Pulls. */
export class AssociationNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly parent: AopCertificateNode,
    readonly association: HostnameAssociation,
  ) {
    this.id = NodeIds.association(parent.zoneId, parent.certificate.id, association.hostname);
  }

  get enabled(): boolean {
    return this.association.enabled === true;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.association.hostname ?? '(no hostname)', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.enabled ? ContextValue.associationEnabled : ContextValue.associationDisabled;
    const status = appearanceOf(AOP_STATUS, this.association.cert_status ?? this.association.status);
    item.iconPath = this.enabled
      ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
      : new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    item.description = `${this.enabled ? 'enabled' : 'disabled'} · ${status.label.toLowerCase()}`;
    item.tooltip = `${this.association.hostname}\nAuthenticated Origin Pulls ${this.enabled ? 'enabled' : 'disabled'} for this hostname\nCertificate status: ${status.label}`;
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
