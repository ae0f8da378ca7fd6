import type * as vscode from 'vscode';
import type { TokenStore } from './auth/tokenStore';
import type { Logger } from './logging/logger';
import type { AccountData } from './model/accountData';
import type { ClientFactory } from './model/clientFactory';
import type { ExpiryStatusBar } from './statusBar/expiryStatusBar';
import type { CertificateTreeProvider } from './tree/certificateTreeProvider';
import type { NodeActivity } from './tree/nodeActivity';
import type { TreeNode } from './tree/treeNode';
import type { Prompts } from './ui/prompts';

/** The pieces activate() builds, handed to every command. */
export interface ExtensionServices {
  readonly tokens: TokenStore;
  readonly clients: ClientFactory;
  readonly data: AccountData;
  readonly tree: CertificateTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly activity: NodeActivity;
  readonly statusBar: ExpiryStatusBar;
  readonly log: Logger;
  /** Every question a command asks goes through here (replaced by scripted answers in tests). */
  prompts: Prompts;
  /** How operations poll until Cloudflare settles (tests shorten it). */
  pollTiming: { initialDelayMs: number; maxDelayMs: number; timeoutMs: number };
}
