import * as vscode from 'vscode';
import { AuthError } from '../cloudflare/errors';
import type { Zone } from '../cloudflare/types';
import type { DataChange } from '../model/dataChange';
import { NodeIds } from '../model/nodeIds';
import { decorate } from './nodeDecoration';
import { ErrorNode } from './errorNode';
import { MessageNode } from './messageNode';
import type { TreeContext, TreeNode } from './treeNode';
import { ZoneNode } from './zoneNode';

/** Stands for the whole account, so a failed zone list has a parent to retry. Never shown. */
class AccountRoot implements TreeNode {
  readonly id = 'account';
  readonly parent = undefined;

  constructor(private readonly context: TreeContext) {}

  getTreeItem(): vscode.TreeItem {
    return new vscode.TreeItem('Cloudflare');
  }

  getChildren(): TreeNode[] {
    return [];
  }

  reload(): void {
    this.context.data.reloadAll();
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
  private readonly scanned = new vscode.EventEmitter<void>();
  /** Fires when every zone's data has been loaded (or failed) after a load of the zone list. */
  readonly onDidScan = this.scanned.event;
  private readonly subscriptions: { dispose(): void }[] = [];
  private rejected = false;

  constructor(
    private readonly context: TreeContext,
    private readonly hasToken: () => Promise<boolean>,
    /** Told when Cloudflare rejects the token (true) or accepts it again (false). */
    private readonly tokenRejected: (rejected: boolean) => void = () => undefined,
  ) {
    this.root = new AccountRoot(context);
    this.subscriptions.push(
      context.activity.onDidChange((id) => this.fireIfShown(id)),
      context.data.onDidChange((change) => this.onDataChange(change)),
    );
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

  /** Whether Cloudflare rejected the token at the last load of the zones. */
  get isTokenRejected(): boolean {
    return this.rejected;
  }

  /** The node with this id as last handed to the view, if any. */
  find(id: string): TreeNode | undefined {
    return this.nodesById.get(id);
  }

  /** Reload everything: the view's Refresh, a new token, another API URL. */
  reloadAll(): void {
    this.context.data.reloadAll();
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

  private setRejected(rejected: boolean): void {
    this.rejected = rejected;
    this.tokenRejected(rejected);
  }

  private async roots(): Promise<TreeNode[]> {
    if (!(await this.hasToken())) {
      // An empty root shows the welcome view with its "Set API Token" button.
      return [];
    }
    let zones: readonly Zone[];
    try {
      zones = await this.context.data.zones();
      this.setRejected(false);
    } catch (error) {
      if (error instanceof AuthError) {
        // An empty tree shows the welcome view that says the token was rejected, with its buttons;
        // nothing retries by itself, so a revoked token cannot loop.
        this.setRejected(true);
        return [];
      }
      return [new ErrorNode(this.root, error, 'Could not load zones: ')];
    }
    if (zones.length === 0) {
      return [new MessageNode(this.root, 'No zones: this token can see no zones', 'circle-slash')];
    }
    const nodes = zones.map((zone) => {
      let node = this.zoneNodes.get(zone.id);
      if (!node || node.zone !== zone) {
        node = new ZoneNode(this.context, zone);
        this.zoneNodes.set(zone.id, node);
      }
      return node;
    });
    this.scanZones(nodes);
    return nodes;
  }

  /**
   * Loads every zone in the background (the limiter keeps it polite) for counts, the zone-level AOP
   * switch and the status bar; each load that settles announces itself, and the zone's row follows.
   */
  private scanZones(nodes: readonly ZoneNode[]): void {
    const { data } = this.context;
    // A refresh makes this scan moot (the new roots start their own), so it does not follow one.
    const loads = nodes.map((node) =>
      Promise.allSettled([data.aop(node.zone.id, false), data.customHostnames(node.zone.id, false), data.aopSettings(node.zone.id, false)]),
    );
    void Promise.all(loads).then(() => this.scanned.fire());
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.scanned.dispose();
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }
}
