import type * as vscode from 'vscode';
import type { CertificateDetails } from '../format/certificateMarkdown';
import type { AccountData } from '../model/accountData';
import type { ExpiryWindow } from '../config/settings';
import type { NodeActivity } from './nodeActivity';

/** What every node needs from the outside: data, settings, the clock and running operations. */
export interface TreeContext {
  readonly data: AccountData;
  readonly expiry: () => ExpiryWindow;
  readonly now: () => Date;
  readonly activity: NodeActivity;
  /** Re-render a node (and its subtree, if expanded); undefined re-renders the roots. */
  readonly changed: (node: TreeNode | undefined) => void;
}

/**
 * One node of the Certificates tree. Each kind is a small class that holds the API object it shows
 * and answers for its own item and children; the provider only delegates.
 */
export interface TreeNode {
  /** Stable across refreshes (e.g. zone/<id>/aop/<certId>), so expansion survives. */
  readonly id: string;
  readonly parent: TreeNode | undefined;
  getTreeItem(): vscode.TreeItem | Promise<vscode.TreeItem>;
  getChildren(): TreeNode[] | Promise<TreeNode[]>;
  /** Forget this node's loaded data so the next getChildren loads it again. */
  invalidate?(): void;
  /** The Cloudflare id this node stands for ("Copy ID"). */
  readonly cloudflareId?: string;
  /** The dashboard page that shows what this node shows ("Open in Cloudflare Dashboard"). */
  dashboardUrl?(): string;
  /** Certificate nodes: what "Show Certificate Details" and the tooltip show. */
  details?(): CertificateDetails;
  /** Certificate nodes whose PEM Cloudflare returned. */
  readonly pem?: string;
}
