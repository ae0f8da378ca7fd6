import * as vscode from 'vscode';
import { AuthError } from '../cloudflare/errors';
import type { Zone } from '../cloudflare/types';
import type { DataChange } from '../model/dataChange';
import type { AccountModel } from '../model/accountModel';
import { NodeIds } from '../model/nodeIds';
import { decorate } from './nodeDecoration';
import { ErrorNode } from './errorNode';
import { MessageNode } from './messageNode';
import type { TreeContext, TreeNode } from './treeNode';
import { ZoneNode } from './zoneNode';
import { AccountNode } from './accountNode';
import { zonesByAccount } from '../model/zoneAccounts';

/** Stands for the whole account, so a failed zone list has a parent to retry. Never shown. */
class AccountRoot implements TreeNode {
  readonly id = 'account';
  readonly parent = undefined;

  constructor(private readonly refresh: () => void) {}

  getTreeItem(): vscode.TreeItem {
    return new vscode.TreeItem('Cloudflare');
  }

  getChildren(): TreeNode[] {
    return [];
  }

  reload(): void {
    this.refresh();
  }
}

/**
 * The Certificates view. It delegates to the nodes, applies the busy spinner and the expiry colours
 * in one place, remembers the node objects it handed out (VS Code tracks elements by identity), and
 * listens to the model: every change re-renders exactly the nodes that show what changed.
 */
export class CertificateTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly zoneNodes = new Map<string, ZoneNode>();
  private readonly nodesById = new Map<string, TreeNode>();
  private readonly root: AccountRoot;
  private readonly subscriptions: { dispose(): void }[] = [];

  constructor(
    private readonly context: TreeContext,
    /** The account: it loads and scans on its own; this view only shows it. */
    private readonly account: AccountModel,
  ) {
    this.root = new AccountRoot(() => this.reloadAll());
    this.subscriptions.push(
      context.activity.onDidChange((id) => this.fireIfShown(id)),
      context.data.onDidChange((change) => this.onDataChange(change)),
      // A new status (token set, rejected, removed) is a new root: a welcome view or the zones.
      account.onDidChangeStatus(() => this.changeEmitter.fire(undefined)),
    );
  }

  /** Fires when the account model's scan of every zone has settled. */
  get onDidScan(): AccountModel['onDidScan'] {
    return this.account.onDidScan;
  }

  async getTreeItem(node: TreeNode): Promise<vscode.TreeItem> {
    return decorate(node, await node.getTreeItem(), this.context);
  }

  /** Called by VS Code when a row is hovered: the place for a tooltip that needs a request. */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (!node.resolveTooltip) {
      return item;
    }
    const controller = new AbortController();
    const listener = token.onCancellationRequested(() => controller.abort());
    try {
      item.tooltip = await node.resolveTooltip(controller.signal);
    } finally {
      listener.dispose();
    }
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const children = node ? await node.getChildren() : await this.roots();
    for (const child of children) {
      this.nodesById.set(child.id, child);
    }
    return children;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent === this.root ? undefined : node.parent;
  }

  /** Whether Cloudflare rejected the token (the account model's status). */
  get isTokenRejected(): boolean {
    return this.account.status === 'tokenRejected';
  }

  /** The node with this id as last handed to the view, if any. */
  find(id: string): TreeNode | undefined {
    return this.nodesById.get(id);
  }

  /** Every zone node under the roots, whether the zones are grouped by account or not. */
  async shownZones(): Promise<ZoneNode[]> {
    const zones: ZoneNode[] = [];
    for (const root of await this.getChildren()) {
      const members = root instanceof AccountNode ? await this.getChildren(root) : [root];
      zones.push(...members.filter((node): node is ZoneNode => node instanceof ZoneNode));
    }
    return zones;
  }

  /** The zone's node as the view shows it (under its account when grouped). */
  async zoneNode(zoneId: string): Promise<ZoneNode | undefined> {
    return (await this.shownZones()).find((node) => node.zone.id === zoneId);
  }

  /** Reload everything: the view's Refresh, a new token, another API URL. */
  reloadAll(): void {
    void this.account.refresh();
  }

  /** Reload the data a node shows (its inline Refresh, an error node's retry). */
  reload(node: TreeNode): void {
    let current: TreeNode | undefined = node;
    while (current && !current.reload) {
      current = current.parent;
    }
    (current ?? this.root).reload!();
  }

  /** Re-render with what has loaded, sending no request (appearance settings such as the expiry windows). */
  rerender(node?: TreeNode): void {
    this.changeEmitter.fire(node && this.nodesById.get(node.id) === node ? node : undefined);
  }

  private onDataChange(change: DataChange): void {
    if (change.zoneId === undefined) {
      this.nodesById.clear();
      this.changeEmitter.fire(undefined);
      return;
    }
    const zoneId = change.zoneId;
    // The zone's description counts both parts and shows the AOP switch, so it follows every change.
    this.fireIfShown(NodeIds.zone(zoneId));
    if (change.cause === 'load') {
      // A group that is shown awaited this very load in getChildren; only the zone's counts are new.
      return;
    }
    if (change.part === undefined || change.part === 'aop') {
      this.fireIfShown(NodeIds.aopGroup(zoneId));
    }
    if (change.part === undefined || change.part === 'customHostnames') {
      // The group rebuilds its hostname nodes from the new data, so a changed pack shows its new certificates.
      this.fireIfShown(NodeIds.customHostnames(zoneId));
    }
  }

  private fireIfShown(id: string): void {
    const node = this.nodesById.get(id);
    if (node) {
      this.changeEmitter.fire(node);
    }
  }

  private async roots(): Promise<TreeNode[]> {
    await this.account.settled();
    if (this.account.status !== 'ready') {
      // An empty root shows the welcome view for the status: set a token, rejected, unavailable.
      return [];
    }
    let zones: readonly Zone[];
    try {
      zones = await this.account.zones();
    } catch (error) {
      if (error instanceof AuthError) {
        // The welcome view says the token was rejected, with its buttons; nothing retries by itself,
        // so a revoked token cannot loop.
        this.account.tokenRejected();
        return [];
      }
      return [new ErrorNode(this.root, error, (problem) => vscode.l10n.t('Could not load zones: {0}', problem))];
    }
    if (zones.length === 0) {
      return [new MessageNode(this.root, vscode.l10n.t('No zones: this token can see no zones'), 'circle-slash')];
    }
    const zoneNodes = zones.map((zone) => {
      let node = this.zoneNodes.get(zone.id);
      if (!node || node.zone !== zone) {
        node = new ZoneNode(this.context, zone);
        this.zoneNodes.set(zone.id, node);
      }
      return node;
    });
    const accounts = this.context.groupZonesByAccount?.() === false ? undefined : zonesByAccount(zones);
    if (!accounts) {
      zoneNodes.forEach((node) => (node.parent = undefined));
      return zoneNodes;
    }
    return accounts.map((account) => {
      const members = account.zones.map((zone) => this.zoneNodes.get(zone.id)!);
      const node = new AccountNode(account, members);
      // Reveal walks up through getParent, so a zone's parent is its account while they are grouped.
      members.forEach((member) => (member.parent = node));
      this.nodesById.set(node.id, node);
      return node;
    });
  }

  dispose(): void {
    this.changeEmitter.dispose();
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }
}
