import * as vscode from 'vscode';
import type { AccountZones } from '../model/zoneAccounts';
import { zoneCount } from '../format/wording';
import { rowLabel } from '../format/accessibleLabel';
import { ContextValue } from './contextValues';
import type { TreeNode } from './treeNode';
import type { ZoneNode } from './zoneNode';

/** A Cloudflare account, holding its zones, when the token sees more than one account. */
export class AccountNode implements TreeNode {
  readonly id: string;
  readonly parent = undefined;

  constructor(
    readonly account: AccountZones,
    private readonly zoneNodes: readonly ZoneNode[],
  ) {
    this.id = `account/${account.accountId}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.account.accountName, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.contextValue = ContextValue.account;
    item.iconPath = new vscode.ThemeIcon('organization');
    item.description = zoneCount(this.account.zones.length);
    item.tooltip = [
      vscode.l10n.t('Cloudflare account {0}', this.account.accountName),
      vscode.l10n.t('ID: {0}', this.account.accountId),
    ].join('\n');
    item.accessibilityInformation = { label: rowLabel({ name: this.account.accountName, kind: 'account', details: item.description }) };
    return item;
  }

  get cloudflareId(): string {
    return this.account.accountId;
  }

  getChildren(): TreeNode[] {
    return [...this.zoneNodes];
  }
}
