import * as vscode from 'vscode';
import { AuthError } from '../cloudflare/errors';
import type { Zone } from '../cloudflare/types';
import { ErrorNode } from './errorNode';
import { MessageNode } from './messageNode';
import type { TreeContext, TreeNode } from './treeNode';
import { ZoneNode } from './zoneNode';

/** Stands for the whole account, so a failed zone list has a parent to retry. Never shown. */
class AccountRoot implements TreeNode {
  readonly id = 'account';
  readonly parent = undefined;

  constructor(private readonly context: Omit<TreeContext, 'changed'>) {}

  getTreeItem(): vscode.TreeItem {
    return new vscode.TreeItem('Cloudflare');
  }

  getChildren(): TreeNode[] {
    return [];
  }

  invalidate(): void {
    this.context.data.invalidate();
  }
}

/**
 * The Certificates view. It delegates to the nodes, remembers the node objects it handed out (VS Code
 * tracks elements by identity, and operations find nodes by id), and keeps zone nodes across reloads.
 */
export class CertificateTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly zoneNodes = new Map<string, ZoneNode>();
  private readonly nodesById = new Map<string, TreeNode>();
  private readonly root: AccountRoot;
  private readonly context: TreeContext;
  private readonly scanned = new vscode.EventEmitter<void>();
  /** Fires when every zone's data has been loaded (or failed) after a load of the zone list. */
  readonly onDidScan = this.scanned.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private rejected = false;

  constructor(
    context: Omit<TreeContext, 'changed'>,
    private readonly hasToken: () => Promise<boolean>,
    /** Told when Cloudflare rejects the token (true) or accepts it again (false). */
    private readonly tokenRejected: (rejected: boolean) => void = () => undefined,
  ) {
    this.context = { ...context, changed: (node) => this.changeEmitter.fire(node && this.current(node)) };
    this.root = new AccountRoot(context);
    this.subscriptions.push(
      context.activity.onDidChange((id) => {
        const node = this.nodesById.get(id);
        if (node) {
          this.changeEmitter.fire(node);
        }
      }),
    );
  }

  getTreeItem(node: TreeNode): vscode.TreeItem | Promise<vscode.TreeItem> {
    return node.getTreeItem();
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

  private setRejected(rejected: boolean): void {
    this.rejected = rejected;
    this.tokenRejected(rejected);
  }

  /** The node with this id as last handed to the view, if any. */
  find(id: string): TreeNode | undefined {
    return this.nodesById.get(id);
  }

  /** Reload a node's data (or everything) and re-render it. */
  refresh(node?: TreeNode): void {
    if (!node || node === this.root) {
      this.root.invalidate();
      this.nodesById.clear();
      this.changeEmitter.fire(undefined);
      return;
    }
    node.invalidate?.();
    this.changeEmitter.fire(this.current(node));
  }

  private current(node: TreeNode): TreeNode | undefined {
    return node === this.root ? undefined : (this.nodesById.get(node.id) ?? node);
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

  /** Loads every zone in the background (the limiter keeps it polite) for counts and the status bar. */
  private scanZones(nodes: readonly ZoneNode[]): void {
    const loads = nodes.map((node) =>
      // A refresh makes this scan moot (the new roots start their own), so it does not follow one.
      Promise.allSettled([this.context.data.aop(node.zone.id, false), this.context.data.customHostnames(node.zone.id, false)]).then(() =>
        this.changeEmitter.fire(this.current(node)),
      ),
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
