import type * as vscode from 'vscode';
import { hasPemBlock } from '../x509/pemMarkers';

/** The part of `vscode.workspace` the gate reads: the open documents and their open and change events. */
export interface DocumentSource {
  readonly textDocuments: readonly vscode.TextDocument[];
  readonly onDidOpenTextDocument: vscode.Event<vscode.TextDocument>;
  readonly onDidChangeTextDocument: vscode.Event<vscode.TextDocumentChangeEvent>;
}

/**
 * Calls `start` once, as soon as any document holds PEM ("-----BEGIN " or its base64): one open when
 * this is called, one opened later, or one edited until it does. Until then only two listeners exist,
 * so a window without PEM pays nothing for the editor features (three providers registered with the
 * workbench, a diagnostic collection, a context key) at activation.
 *
 * Every feature answers only for a document whose text passes hasPemBlock, so starting on the first
 * such document gives the same hovers, lenses and diagnostics as registering them at activation.
 */
export function whenFirstPemDocument(workspace: DocumentSource, start: () => void): vscode.Disposable {
  let subscriptions: vscode.Disposable[] = [];
  const dispose = () => {
    subscriptions.forEach((subscription) => subscription.dispose());
    subscriptions = [];
  };
  if (workspace.textDocuments.some((document) => hasPemBlock(document.getText()))) {
    start();
    return { dispose };
  }
  const startOnce = () => {
    dispose();
    start();
  };
  subscriptions = [
    workspace.onDidOpenTextDocument((document) => hasPemBlock(document.getText()) && startOnce()),
    workspace.onDidChangeTextDocument((event) => changeMayAddPem(event) && startOnce()),
  ];
  return { dispose };
}

/**
 * Whether an edit can have made the document hold PEM. The markers never span lines, so a marker the
 * edit made lies on a line it touched: for one change, only those lines are read, not the whole
 * document on every keystroke. Several changes at once (multi-cursor) move each other's lines, so
 * the whole text is read then.
 */
export function changeMayAddPem(event: Pick<vscode.TextDocumentChangeEvent, 'document' | 'contentChanges'>): boolean {
  const { document, contentChanges } = event;
  if (contentChanges.length === 0) {
    return false;
  }
  if (contentChanges.length > 1) {
    return hasPemBlock(document.getText());
  }
  const [change] = contentChanges;
  const first = change.range.start.line;
  const last = Math.min(document.lineCount - 1, first + newlines(change.text));
  for (let line = first; line <= last; line += 1) {
    if (hasPemBlock(document.lineAt(line).text)) {
      return true;
    }
  }
  return false;
}

/** Line breaks as VS Code's documents count them: \r\n, \r or \n. */
function newlines(text: string): number {
  return text.split(/\r\n|\r|\n/).length - 1;
}
