import type { FirstRowFocus } from './tree/firstRowFocus';
import type * as vscode from 'vscode';
import type { TokenStore } from './auth/tokenStore';
import type { Logger } from './logging/logger';
import type { AccountData } from './model/accountData';
import type { AccountModel } from './model/accountModel';
import type { ExpiryWatch } from './model/expiryWatch';
import type { WorkspaceScanner } from './workspace/workspaceScanner';
import type { WorkspaceTreeProvider } from './workspace/workspaceTreeProvider';
import type { ActivityTracker } from './model/activityTracker';
import type { CertificateOperations } from './model/certificateOperations';
import type { ClientFactory } from './auth/clientFactory';
import type { PollTiming } from './model/operations/operationContext';
import type { ExpiryStatusBar } from './statusBar/expiryStatusBar';
import type { CertificateTreeProvider } from './tree/certificateTreeProvider';
import type { TreeNode } from './tree/treeNode';
import type { Prompts } from './ui/prompts';

/**
 * The pieces activate() builds. Each command and editor feature is handed only the ones it uses (a
 * Pick of this); the whole object reaches only the integration tests, in ExtensionMode.Test.
 */
export interface ExtensionServices {
  readonly tokens: TokenStore;
  readonly clients: ClientFactory;
  /** The account: loads, scans and knows its status whether or not a view is open. */
  readonly account: AccountModel;
  readonly data: AccountData;
  readonly operations: CertificateOperations;
  readonly tree: CertificateTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  /** The first-row focus of the Certificates view, which a reveal of a chosen row claims first. */
  readonly firstRowFocus: FirstRowFocus;
  readonly activity: ActivityTracker;
  readonly statusBar: ExpiryStatusBar;
  readonly log: Logger;
  /** Every question a command asks goes through here (replaced by scripted answers in tests). */
  prompts: Prompts;
  /** The expiry watch: notifies once per certificate per threshold. */
  readonly watch: ExpiryWatch;
  /** The Workspace Certificates view: the certificates found in the workspace, and its tree. */
  readonly workspace: { readonly scanner: WorkspaceScanner; readonly tree: WorkspaceTreeProvider };
  /** How operations poll until Cloudflare settles (tests shorten it). */
  pollTiming: PollTiming;
}

/** What a command that changes Cloudflare needs. */
export type OperationServices = Pick<ExtensionServices, 'operations' | 'prompts' | 'treeView'>;
