import * as vscode from 'vscode';
import { TokenStore } from './auth/tokenStore';
import { clearToken } from './commands/clearToken';
import { copyId } from './commands/copyId';
import { copyPem } from './commands/copyPem';
import { saveCertificateAs } from './commands/saveCertificateAs';
import { deleteCertificate } from './commands/deleteCertificate';
import { addHostname, disableForHostname, enableForHostname, removeHostname } from './commands/hostnameAssociation';
import { rotateCertificate } from './commands/rotateCertificate';
import { finishRotation, undoRotation } from './commands/rotationSteps';
import { replacePackCertificate } from './commands/replacePackCertificate';
import { uploadFromEditor, uploadFromFile } from './commands/uploadCertificate';
import { openInDashboard } from './commands/openInDashboard';
import { refreshNode } from './tree/refreshNode';
import { runCommand } from './commands/runCommand';
import { setToken } from './commands/setToken';
import { disableZoneAop, enableZoneAop } from './commands/zoneAop';
import { showDetails } from './commands/showDetails';
import { showExpiring } from './commands/showExpiring';
import { SECTION, expiryWindow } from './config/settings';
import { CertificateDetailsDocuments, DETAILS_SCHEME } from './editor/certificateDetailsDocuments';
import { registerPemEditorFeatures } from './editor/pemEditorFeatures';
import type { ExtensionServices } from './extensionServices';
import { Logger } from './logging/logger';
import { AccountData } from './model/accountData';
import { ActivityTracker } from './model/activityTracker';
import { CertificateOperations } from './model/certificateOperations';
import { ClientFactory } from './auth/clientFactory';
import { ExpiryStatusBar, SHOW_EXPIRING_COMMAND } from './statusBar/expiryStatusBar';
import { CertificateTreeProvider } from './tree/certificateTreeProvider';
import { showBudgetWaits } from './tree/budgetWaitMessage';
import { RETRY_COMMAND } from './tree/errorNode';
import { LOAD_MORE_COMMAND, type Pageable } from './tree/loadMoreNode';
import type { TreeNode } from './tree/treeNode';
import { windowPrompts } from './ui/prompts';

const VIEW_ID = 'cloudflareCertificates.explorer';

/**
 * What activate() returns in the extension-test host only: the integration tests drive the extension
 * through it. In production activate() returns nothing, because anything in `exports` is readable by
 * every other extension (`vscode.extensions.getExtension(…).exports`), and these services hold the
 * token store and authenticated clients.
 */
export type CloudflareCertificatesApi = ExtensionServices;

export function activate(context: vscode.ExtensionContext): CloudflareCertificatesApi | undefined {
  const log = new Logger('Cloudflare Certificates');
  const tokens = new TokenStore(context.secrets, context.globalState);
  const clients = new ClientFactory(tokens, log);
  const data = new AccountData(() => clients.client());
  const activity = new ActivityTracker();
  const pollTiming = { initialDelayMs: 1000, maxDelayMs: 5000, timeoutMs: 120_000 };
  const operations = new CertificateOperations(
    () => clients.client(),
    data,
    activity,
    () => services.pollTiming,
    (line) => log.info(line),
  );
  const tree = new CertificateTreeProvider(
    { data, activity, expiry: expiryWindow, now: () => new Date() },
    async () => Boolean(await tokens.get()),
    (rejected) => void vscode.commands.executeCommand('setContext', 'cloudflareCertificates.tokenRejected', rejected),
  );
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const statusBar = new ExpiryStatusBar(data, expiryWindow);
  const documents = new CertificateDetailsDocuments();
  context.subscriptions.push(log, tokens, data, activity, tree, treeView, statusBar, documents);
  const services: ExtensionServices = {
    tokens,
    clients,
    data,
    operations,
    tree,
    treeView,
    activity,
    statusBar,
    log,
    prompts: windowPrompts,
    pollTiming,
  };

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, documents),
    showBudgetWaits(clients.limiter, treeView, log),
    tokens.onDidChange(() => void onTokenChanged(services)),
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
    'cloudflareCertificates.setToken': () => setToken(services),
    'cloudflareCertificates.clearToken': () => clearToken(services),
    // The title-bar Refresh always reloads everything: VS Code hands it the selection, which must not narrow it.
    'cloudflareCertificates.refresh': () => tree.reloadAll(),
    'cloudflareCertificates.refreshNode': (node?: TreeNode) => refreshNode(services, node),
    'cloudflareCertificates.showDetails': (node?: TreeNode) => showDetails(services, documents, node),
    'cloudflareCertificates.copyId': (node?: TreeNode) => copyId(services, node ?? treeView.selection[0]),
    'cloudflareCertificates.copyPem': (node?: TreeNode) => copyPem(services, node ?? treeView.selection[0]),
    'cloudflareCertificates.saveCertificateAs': (node?: TreeNode) => saveCertificateAs(services, node ?? treeView.selection[0]),
    'cloudflareCertificates.openInDashboard': (node?: TreeNode) => openInDashboard(services, node ?? treeView.selection[0]),
    'cloudflareCertificates.uploadFromEditor': (target?: vscode.Uri | TreeNode, offset?: number) =>
      uploadFromEditor(services, target, offset),
    'cloudflareCertificates.uploadFromFile': (target?: vscode.Uri | TreeNode) => uploadFromFile(services, target),
    'cloudflareCertificates.replacePackCertificate': (node?: TreeNode) => replacePackCertificate(services, node),
    'cloudflareCertificates.deleteCertificate': (node?: TreeNode) => deleteCertificate(services, node),
    'cloudflareCertificates.enableForHostname': (node?: TreeNode) => enableForHostname(services, node),
    'cloudflareCertificates.disableForHostname': (node?: TreeNode) => disableForHostname(services, node),
    'cloudflareCertificates.addHostname': (node?: TreeNode) => addHostname(services, node),
    'cloudflareCertificates.removeHostname': (node?: TreeNode) => removeHostname(services, node),
    'cloudflareCertificates.rotateCertificate': (node?: TreeNode) => rotateCertificate(services, node),
    'cloudflareCertificates.finishRotation': (node?: TreeNode) => finishRotation(services, node),
    'cloudflareCertificates.undoRotation': (node?: TreeNode) => undoRotation(services, node),
    'cloudflareCertificates.enableZoneAop': (node?: TreeNode) => enableZoneAop(services, node),
    'cloudflareCertificates.disableZoneAop': (node?: TreeNode) => disableZoneAop(services, node),
    [SHOW_EXPIRING_COMMAND]: () => showExpiring(services),
    [RETRY_COMMAND]: (node?: TreeNode) => (node ? tree.reload(node) : tree.reloadAll()),
    [LOAD_MORE_COMMAND]: (node: Pageable) => {
      node.showMore();
      tree.rerender(node);
    },
  };
  for (const [id, handler] of Object.entries(commands)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, runCommand(services, id, handler)));
  }

  registerPemEditorFeatures(context, services);
  void onTokenChanged(services);
  return context.extensionMode === vscode.ExtensionMode.Test ? services : undefined;
}

/** Keeps the welcome view, the tree, the log's redaction and the status bar in step with the token. */
async function onTokenChanged(services: ExtensionServices): Promise<void> {
  const token = await services.tokens.get();
  services.log.setKnownSecrets([token]);
  await vscode.commands.executeCommand('setContext', 'cloudflareCertificates.hasToken', Boolean(token));
  await vscode.commands.executeCommand('setContext', 'cloudflareCertificates.tokenRejected', false);
  await vscode.commands.executeCommand('setContext', 'cloudflareCertificates.secretStorageUnavailable', services.tokens.storageUnavailable);
  await vscode.commands.executeCommand(
    'setContext',
    'cloudflareCertificates.tokenChangedElsewhere',
    services.tokens.changedInAnotherWindow,
  );
  if (!token) {
    services.statusBar.hide();
  }
  services.tree.reloadAll();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
