import type * as vscode from 'vscode';
import type { CertificateDetails } from '../format/certificateMarkdown';
import type { AccountData } from '../model/accountData';
import type { ActivityTracker } from '../model/activityTracker';
import type { ExpiryWindow } from '../config/settings';

/** What every node needs from the outside: data, settings, the clock and running operations. */
export interface TreeContext {
  readonly data: AccountData;
  readonly expiry: () => ExpiryWindow;
  readonly now: () => Date;
  readonly activity: ActivityTracker;
  /** Whether zones are grouped under their accounts when the token sees more than one (a setting). */
  readonly groupZonesByAccount?: () => boolean;
}

/**
 * One node of the Certificates tree. Each kind is a small class that holds the API object it shows
 * and answers for its own item and children; the provider only delegates.
 */
export interface TreeNode {
  /** Stable across refreshes (built by NodeIds), so expansion survives. */
  readonly id: string;
  readonly parent: TreeNode | undefined;
  getTreeItem(): vscode.TreeItem | Promise<vscode.TreeItem>;
  getChildren(): TreeNode[] | Promise<TreeNode[]>;
  /** Ask the model to load this node's data again (its inline Refresh, an error's retry). */
  reload?(): void;
  /** The worst expiry this node stands for: the provider colours the icon and leads the description with it. */
  expiresOn?(): Date | undefined;
  /**
   * A tooltip worth a request, built only when the person hovers the row (resolveTreeItem); the node
   * then leaves its tooltip undefined, as VS Code resolves only what getTreeItem left out. It never throws.
   */
  resolveTooltip?(signal: AbortSignal): Promise<vscode.MarkdownString>;
  /** The Cloudflare id this node stands for ("Copy ID"). */
  readonly cloudflareId?: string;
  /** The dashboard page that shows what this node shows ("Open in Cloudflare Dashboard"). */
  dashboardUrl?(): string;
  /** Certificate nodes: what "Show Certificate Details" and the tooltip show. */
  details?(): CertificateDetails;
  /** Certificate nodes whose PEM Cloudflare returned. */
  readonly pem?: string;
  /** Certificate nodes whose PEM is fetched when asked for (one request), not kept in memory. */
  fetchPem?(signal?: AbortSignal): Promise<string | undefined>;
}
