import * as vscode from 'vscode';
import { expiryWindow, SECTION } from '../config/settings';
import type { ExtensionServices } from '../extensionServices';
import { hasPemBlock } from '../x509/pemBlocks';
import { PemAnalysisCache } from './pemAnalysisCache';
import { PemCodeActions } from './pemCodeActions';
import { PemCodeLensProvider } from './pemCodeLensProvider';
import { PemDiagnostics } from './pemDiagnostics';
import { PemHoverProvider } from './pemHoverProvider';
import { ContextKey } from '../contextKeys';

/** Every document: PEM may be embedded in YAML, JSON, Terraform, .env or plain text. */
const ANY_DOCUMENT: vscode.DocumentSelector = [
  { scheme: 'file' },
  { scheme: 'untitled' },
  { scheme: 'vscode-remote' },
  { scheme: 'vscode-vfs' },
];

type EditorServices = Pick<ExtensionServices, 'data' | 'account'>;

/**
 * Hover, CodeLens, diagnostics and quick fixes for PEM in the editor, and the editor context key.
 * Activation calls this when the first document holding PEM is open (whenFirstPemDocument, at once if
 * one already is): a window without PEM pays for neither these registrations nor their code.
 */
export function registerPemEditorFeatures(context: vscode.ExtensionContext, services: EditorServices): void {
  const cache = new PemAnalysisCache(expiryWindow);
  const codeLenses = new PemCodeLensProvider(cache, services.data);
  const diagnostics = new PemDiagnostics(cache);
  const updateContextKey = (editor: vscode.TextEditor | undefined) =>
    void vscode.commands.executeCommand('setContext', ContextKey.editorHasPem, Boolean(editor && hasPemBlock(editor.document.getText())));
  context.subscriptions.push(
    codeLenses,
    diagnostics,
    vscode.languages.registerHoverProvider(ANY_DOCUMENT, new PemHoverProvider(cache, services.account)),
    vscode.languages.registerCodeLensProvider(ANY_DOCUMENT, codeLenses),
    vscode.languages.registerCodeActionsProvider(ANY_DOCUMENT, new PemCodeActions(cache), {
      providedCodeActionKinds: PemCodeActions.kinds,
    }),
    vscode.window.onDidChangeActiveTextEditor(updateContextKey),
    // "Held by Cloudflare" follows what the account holds: after each scan and each change made to it.
    services.account.onDidScan(() => codeLenses.refresh()),
    services.data.onDidChange((change) => change.cause === 'operation' && codeLenses.refresh()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION)) {
        cache.clear();
        diagnostics.refreshAll();
        codeLenses.refresh();
      }
    }),
  );
  updateContextKey(vscode.window.activeTextEditor);
}
