import * as vscode from 'vscode';
import { TokenStore } from './auth/tokenStore';
import { SECTION, expiryCheckIntervalHours, expiryWindow, groupZonesByAccount } from './config/settings';
import { ExpiryWatch } from './model/expiryWatch';
import { notifiedStore, showExpiryNotification } from './watch/expiryNotifications';
import { CertificateDetailsDocuments } from './editor/certificateDetailsDocuments';
import type { Core, Shell } from './activation/coreContract';
import { registerPemEditorFeatures } from './editor/pemEditorFeatures';
import { languageModelTools } from './tools/languageModelTools';
import { WorkspaceScanner } from './workspace/workspaceScanner';
import { WorkspaceTreeProvider } from './workspace/workspaceTreeProvider';
import { commandHandlers } from './commandHandlers';
import type { ExtensionServices } from './extensionServices';
import { Logger } from './logging/logger';
import { AccountData } from './model/accountData';
import { AccountModel, type AccountStatus } from './model/accountModel';
import { ActivityTracker } from './model/activityTracker';
import { certificateOperations } from './model/certificateOperations';
import { ClientFactory } from './auth/clientFactory';
import { ExpiryStatusBar } from './statusBar/expiryStatusBar';
import { ScanStatusBar } from './statusBar/scanStatusBar';
import { ScanNotice } from './model/scanNotice';
import { CertificateTreeProvider } from './tree/certificateTreeProvider';
import { showBudgetWaits } from './tree/budgetWaitMessage';
import { windowPrompts } from './ui/prompts';
import { ContextKey } from './contextKeys';
import { shareTranslations } from './ui/translations';

/**
 * What activate() returns in the extension-test host only: the integration tests drive the extension
 * through it. In production activate() returns nothing, because anything in `exports` is readable by
 * every other extension (`vscode.extensions.getExtension(…).exports`), and these services hold the
 * token store and authenticated clients.
 */
export type CloudflareCertificatesApi = ExtensionServices;

/**
 * The account's code (dist/bundle.js): loaded when something first needs it (src/main.ts), it builds
 * the model, the views' providers, the status bar, the watch and every command and tool, and starts
 * loading the account. Activation has already registered what VS Code asks for by name.
 */
export function activate(context: vscode.ExtensionContext, shell: Shell): Core {
  const { treeView, firstRowFocus } = shell;
  shareTranslations();
  const log = new Logger('Cloudflare Certificates');
  const tokens = new TokenStore(context.secrets, context.globalState);
  const clients = new ClientFactory(tokens, log);
  const data = new AccountData(() => clients.client());
  const activity = new ActivityTracker();
  const pollTiming = { initialDelayMs: 1000, maxDelayMs: 5000, timeoutMs: 120_000 };
  const operations = certificateOperations(
    () => clients.client(),
    data,
    activity,
    () => services.pollTiming,
    (line) => log.info(line),
  );
  const account = new AccountModel(data, tokens);
  const tree = new CertificateTreeProvider({ data, activity, expiry: expiryWindow, now: () => new Date(), groupZonesByAccount }, account);
  const rowsGone = account.onDidChangeStatus((status) => status !== 'loading' && status !== 'ready' && shell.rowsGone.fire());
  const scanNotice = new ScanNotice(data.hostnameCount, clients.limiter);
  const statusBar = new ExpiryStatusBar(
    data,
    expiryWindow,
    () => new Date(),
    () => scanNotice.state !== undefined,
  );
  const scanStatusBar = new ScanStatusBar(scanNotice);
  const documents = new CertificateDetailsDocuments();
  context.subscriptions.push(log, tokens, data, account, activity, tree, rowsGone, statusBar, scanNotice, scanStatusBar, documents);
  const workspaceScanner = new WorkspaceScanner();
  let workspaceViewVisible = () => false;
  const workspaceTree = new WorkspaceTreeProvider(workspaceScanner, account, expiryWindow, () => workspaceViewVisible());
  // Its notification goes through services.prompts, read when it notifies (after activation).
  const watch = new ExpiryWatch(account, notifiedStore(context.globalState), {
    window: expiryWindow,
    intervalHours: expiryCheckIntervalHours,
    now: () => new Date(),
    notify: (crossings) => void showExpiryNotification(services, crossings),
  });
  const services: ExtensionServices = {
    tokens,
    clients,
    account,
    data,
    operations,
    tree,
    treeView,
    firstRowFocus,
    activity,
    statusBar,
    log,
    prompts: windowPrompts,
    pollTiming,
    watch,
    workspace: { scanner: workspaceScanner, tree: workspaceTree },
  };

  context.subscriptions.push(
    showBudgetWaits(clients.limiter, treeView, log),
    tokens.onDidChange(() => void onTokenChanged(services)),
    account.onDidChangeStatus((status) => void showStatus(services, status)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.apiBaseUrl`)) {
        tree.reloadAll();
      } else if (event.affectsConfiguration(SECTION)) {
        // Appearance only (the expiry windows): re-render from what has loaded, with no request.
        statusBar.update();
        tree.rerender();
      }
    }),
  );

  context.subscriptions.push(
    watch,
    vscode.window.onDidChangeWindowState((state) => state.focused && watch.onFocus()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.expiryCheckIntervalHours`)) {
        watch.schedule();
        // Turned on (or shortened): what the account holds now is checked at once.
        void watch.check();
      }
    }),
  );

  const { workspaceView } = shell;
  workspaceViewVisible = () => workspaceView.visible;
  context.subscriptions.push(
    workspaceScanner,
    workspaceTree,
    workspaceView.onDidChangeVisibility((event) => event.visible && workspaceTree.refresh()),
  );
  void onTokenChanged(services);
  return {
    tree,
    workspaceTree,
    details: documents,
    commands: commandHandlers(services, documents),
    tools: languageModelTools(services),
    startEditorFeatures: () => registerPemEditorFeatures(context, services),
    services,
  };
}

/** The log's redaction follows the token; the account model reloads everything for the new one. */
async function onTokenChanged(services: ExtensionServices): Promise<void> {
  services.log.setKnownSecrets([await services.tokens.get()]);
  await services.account.refresh();
}

/** The account's status drives the welcome views (through context keys) and the status bar. */
async function showStatus(services: ExtensionServices, status: AccountStatus): Promise<void> {
  const hasToken = status === 'loading' || status === 'ready' || status === 'tokenRejected';
  if (!hasToken) {
    services.statusBar.hide();
  }
  const keys: Record<string, boolean> = {
    [ContextKey.hasToken]: hasToken,
    [ContextKey.tokenRejected]: status === 'tokenRejected',
    [ContextKey.secretStorageUnavailable]: status === 'storageUnavailable',
    [ContextKey.tokenChangedElsewhere]: status === 'changedElsewhere',
  };
  for (const [key, value] of Object.entries(keys)) {
    await vscode.commands.executeCommand('setContext', key, value);
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
