import * as vscode from 'vscode';
import { TokenStore } from './auth/tokenStore';
import { focusFirstRowOnOpen } from './tree/firstRowFocus';
import { clearToken } from './commands/clearToken';
import { copyId } from './commands/copyId';
import { pickCertificate } from './commands/pickCertificate';
import { FIND_CUSTOM_HOSTNAME_COMMAND, findCustomHostname } from './commands/findCustomHostname';
import { FIND_ZONE_COMMAND, findZone } from './commands/findZone';
import {
  CLEAR_CUSTOM_HOSTNAME_FILTER_COMMAND,
  clearCustomHostnameFilter,
  FILTER_CUSTOM_HOSTNAMES_COMMAND,
  filterCustomHostnames,
} from './commands/filterCustomHostnames';
import { copyPem } from './commands/copyPem';
import { saveCertificateAs } from './commands/saveCertificateAs';
import { deleteCertificate } from './commands/deleteCertificate';
import { addHostname, disableForHostname, enableForHostname, removeHostname } from './commands/hostnameAssociation';
import { rotateCertificate } from './commands/rotateCertificate';
import { finishRotation, undoRotation } from './commands/rotationSteps';
import { replacePackCertificate } from './commands/replacePackCertificate';
import { uploadFromEditor, uploadFromFile } from './commands/uploadCertificate';
import { rotateOnCloudflare, type RotationTarget } from './commands/rotateOnCloudflare';
import { openInDashboard } from './commands/openInDashboard';
import { refreshPart } from './commands/refreshPart';
import { runCommand } from './commands/runCommand';
import { setToken } from './commands/setToken';
import { disableZoneAop, enableZoneAop } from './commands/zoneAop';
import { showDetails } from './commands/showDetails';
import { showExpiring } from './commands/showExpiring';
import { SECTION, expiryCheckIntervalHours, expiryWindow, groupZonesByAccount } from './config/settings';
import { ExpiryWatch } from './model/expiryWatch';
import { notifiedStore, showExpiryNotification } from './watch/expiryNotifications';
import { CertificateDetailsDocuments, DETAILS_SCHEME } from './editor/certificateDetailsDocuments';
import { registerPemEditorFeatures } from './editor/pemEditorFeatures';
import { registerTools } from './tools/registerTools';
import { compareWorkspace, revealInWorkspace } from './workspace/workspaceCommands';
import { WorkspaceScanner } from './workspace/workspaceScanner';
import { WorkspaceTreeProvider, type WorkspaceNode } from './workspace/workspaceTreeProvider';
import { REVEAL_CERTIFICATE_COMMAND } from './editor/pemCodeLensProvider';
import { revealNode } from './tree/revealNode';
import type { ExtensionServices } from './extensionServices';
import { Logger } from './logging/logger';
import { AccountData } from './model/accountData';
import { AccountModel, type AccountStatus } from './model/accountModel';
import { ActivityTracker } from './model/activityTracker';
import { certificateOperations } from './model/certificateOperations';
import { ClientFactory } from './auth/clientFactory';
import { ExpiryStatusBar, SHOW_EXPIRING_COMMAND } from './statusBar/expiryStatusBar';
import { ScanStatusBar } from './statusBar/scanStatusBar';
import { ScanNotice } from './model/scanNotice';
import { CertificateTreeProvider } from './tree/certificateTreeProvider';
import { showBudgetWaits } from './tree/budgetWaitMessage';
import { RETRY_COMMAND } from './tree/errorNode';
import { LOAD_MORE_COMMAND, type Pageable } from './tree/loadMoreNode';
import type { TreeNode } from './tree/treeNode';
import { windowPrompts } from './ui/prompts';
import { CommandId } from './commandIds';
import { ContextKey } from './contextKeys';
import { shareTranslations } from './ui/translations';

const VIEW_ID = 'cloudflareCertificates.explorer';

/**
 * What activate() returns in the extension-test host only: the integration tests drive the extension
 * through it. In production activate() returns nothing, because anything in `exports` is readable by
 * every other extension (`vscode.extensions.getExtension(…).exports`), and these services hold the
 * token store and authenticated clients.
 */
export type CloudflareCertificatesApi = ExtensionServices;

export function activate(context: vscode.ExtensionContext): CloudflareCertificatesApi | undefined {
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
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const firstRowFocus = focusFirstRowOnOpen(treeView, {
    roots: () => tree.getChildren(),
    roundTrip: () => vscode.commands.getCommands(),
    elsewhere: [
      vscode.window.onDidChangeActiveTextEditor,
      vscode.window.onDidChangeTextEditorSelection,
      vscode.window.onDidChangeActiveTerminal,
    ],
    rowsGone: (listener) => account.onDidChangeStatus((status) => status !== 'loading' && status !== 'ready' && listener()),
  });
  const scanNotice = new ScanNotice(data.hostnameCount, clients.limiter);
  const statusBar = new ExpiryStatusBar(
    data,
    expiryWindow,
    () => new Date(),
    () => scanNotice.state !== undefined,
  );
  const scanStatusBar = new ScanStatusBar(scanNotice);
  const documents = new CertificateDetailsDocuments();
  context.subscriptions.push(
    log,
    tokens,
    data,
    account,
    activity,
    tree,
    treeView,
    firstRowFocus,
    statusBar,
    scanNotice,
    scanStatusBar,
    documents,
  );
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
    activity,
    statusBar,
    log,
    prompts: windowPrompts,
    pollTiming,
    watch,
    workspace: { scanner: workspaceScanner, tree: workspaceTree },
  };

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, documents),
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

  const commands: Record<string, (...args: never[]) => unknown> = {
    [CommandId.setToken]: () => setToken(services),
    [CommandId.clearToken]: () => clearToken(services),
    // The title-bar Refresh always reloads everything: VS Code hands it the selection, which must not narrow it.
    [CommandId.refresh]: () => tree.reloadAll(),
    [CommandId.refreshNode]: (node?: TreeNode) => refreshPart(services, node),
    [CommandId.showDetails]: (node?: TreeNode) => showDetails(services, documents, node),
    [CommandId.copyId]: (node?: TreeNode) => copyId(services, node),
    [CommandId.copyPem]: (node?: TreeNode) => copyPem(services, node),
    [CommandId.saveCertificateAs]: (node?: TreeNode) => saveCertificateAs(services, node),
    [CommandId.openInDashboard]: (node?: TreeNode) => openInDashboard(services, node),
    [CommandId.uploadFromEditor]: (target?: vscode.Uri | TreeNode, offset?: number) => uploadFromEditor(services, target, offset),
    [CommandId.uploadFromFile]: (target?: vscode.Uri | TreeNode) => uploadFromFile(services, target),
    [CommandId.replacePackCertificate]: (node?: TreeNode) => replacePackCertificate(services, node),
    [CommandId.deleteCertificate]: (node?: TreeNode) => deleteCertificate(services, node),
    [CommandId.enableForHostname]: (node?: TreeNode) => enableForHostname(services, node),
    [CommandId.disableForHostname]: (node?: TreeNode) => disableForHostname(services, node),
    [CommandId.addHostname]: (node?: TreeNode) => addHostname(services, node),
    [CommandId.removeHostname]: (node?: TreeNode) => removeHostname(services, node),
    [CommandId.rotateCertificate]: (node?: TreeNode) => rotateCertificate(services, node),
    [CommandId.rotateOnCloudflare]: (from?: vscode.Uri | WorkspaceNode, offset?: number, target?: RotationTarget) =>
      rotateOnCloudflare(services, from, offset, target),
    [CommandId.finishRotation]: (node?: TreeNode) => finishRotation(services, node),
    [CommandId.undoRotation]: (node?: TreeNode) => undoRotation(services, node),
    [CommandId.enableZoneAop]: (node?: TreeNode) => enableZoneAop(services, node),
    [CommandId.disableZoneAop]: (node?: TreeNode) => disableZoneAop(services, node),
    [SHOW_EXPIRING_COMMAND]: () => showExpiring(services),
    [REVEAL_CERTIFICATE_COMMAND]: (nodeId: string) => revealNode(services, nodeId),
    [FIND_CUSTOM_HOSTNAME_COMMAND]: (node?: TreeNode) => findCustomHostname(services, node),
    [FIND_ZONE_COMMAND]: () => findZone(services),
    [FILTER_CUSTOM_HOSTNAMES_COMMAND]: (node?: TreeNode) => filterCustomHostnames(services, node),
    [CLEAR_CUSTOM_HOSTNAME_FILTER_COMMAND]: (node?: TreeNode) => clearCustomHostnameFilter(services, node),
    [RETRY_COMMAND]: (node?: TreeNode) => (node ? tree.reload(node) : tree.reloadAll()),
    [LOAD_MORE_COMMAND]: (node: Pageable) => {
      node.showMore();
      tree.rerender(node);
    },
  };
  for (const [id, handler] of Object.entries(commands)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, runCommand(services, id, handler)));
  }

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

  context.subscriptions.push(...registerTools(services));
  const workspaceView = vscode.window.createTreeView('cloudflareCertificates.workspace', { treeDataProvider: workspaceTree });
  workspaceViewVisible = () => workspaceView.visible;
  context.subscriptions.push(
    workspaceScanner,
    workspaceTree,
    workspaceView,
    workspaceView.onDidChangeVisibility((event) => event.visible && workspaceTree.refresh()),
    vscode.commands.registerCommand(
      CommandId.compareWorkspace,
      runCommand(services, CommandId.compareWorkspace, () => compareWorkspace(workspaceScanner, account)),
    ),
    vscode.commands.registerCommand(
      CommandId.revealInWorkspace,
      runCommand(services, CommandId.revealInWorkspace, async (node?: TreeNode) => {
        const target = node ?? (await pickCertificate(services, vscode.l10n.t('Reveal which certificate in the workspace?')));
        if (target) {
          await revealInWorkspace(workspaceScanner, target, (message) => void services.prompts.info(message));
        }
      }),
    ),
    vscode.commands.registerCommand(
      CommandId.refreshWorkspace,
      runCommand(services, CommandId.refreshWorkspace, () => workspaceScanner.rescan()),
    ),
  );
  registerPemEditorFeatures(context, services);
  // The account loads after activation returns, never inside it: activation stays a few milliseconds.
  const start = setTimeout(() => void onTokenChanged(services), 0);
  context.subscriptions.push(new vscode.Disposable(() => clearTimeout(start)));
  return context.extensionMode === vscode.ExtensionMode.Test ? services : undefined;
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
