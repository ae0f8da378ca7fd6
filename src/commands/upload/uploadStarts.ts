import * as vscode from 'vscode';
import type { UploadSource } from '../../model/upload/uploadIo';
import type { UploadStart } from '../../model/upload/uploadPlanner';
import type { Prompts } from '../../ui/prompts';
import { hasPemBlock } from '../../x509/pemBlocks';
import { isPkcs12FileName } from '../../x509/pkcs12Format';
import { UserError } from '../userError';

/** Where a certificate to upload can come from: PEM, or a PKCS#12 bundle opened with its passphrase. */
const certificateFilters = () => ({
  [vscode.l10n.t('Certificates (PEM, PKCS#12)')]: ['pem', 'crt', 'cer', 'key', 'p12', 'pfx'],
  [vscode.l10n.t('PKCS#12 bundles')]: ['p12', 'pfx'],
  [vscode.l10n.t('All files')]: ['*'],
});

/**
 * "Upload Certificate from Editor…": the given file, else the active text editor, else the active
 * tab's file (a PEM open in a custom or binary editor has no text editor). In a manifest of several
 * YAML documents only the one at `offset` (a CodeLens's block), else at the editor's cursor, is taken.
 */
export function startFromEditor(uri: vscode.Uri | undefined, offset: number | undefined): UploadStart {
  // A bundle has no text to take from an editor: it is opened with its passphrase, as from a file.
  if (uri && isPkcs12FileName(uri.path)) {
    return { file: uri.toString() };
  }
  const editor = vscode.window.activeTextEditor;
  if (uri) {
    return { document: uri.toString(), offset: offset ?? cursorIn(uri) };
  }
  if (editor) {
    return { document: editorSource(editor.document), offset: offset ?? cursorIn(editor.document.uri) };
  }
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: vscode.Uri } | undefined;
  if (input?.uri instanceof vscode.Uri) {
    return { document: input.uri.toString(), offset };
  }
  throw new UserError(vscode.l10n.t('Open the certificate (PEM) in an editor first, or use "Upload Certificate from File…".'));
}

/** An editor's text with its unsaved edits. */
function editorSource(document: vscode.TextDocument): UploadSource {
  return { text: document.getText(), location: document.uri.toString(), name: document.uri.path.split('/').pop() ?? 'the editor' };
}

function cursorIn(uri: vscode.Uri): number | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && editor.document.uri.toString() === uri.toString() ? editor.document.offsetAt(editor.selection.active) : undefined;
}

/** The given file, else one picked in a dialog (undefined when the dialog is closed). */
export async function startFromFile(prompts: Prompts, uri: vscode.Uri | undefined, title: string): Promise<UploadStart | undefined> {
  const target =
    uri ??
    (await prompts.openDialog({ title, canSelectMany: false, filters: certificateFilters(), openLabel: 'Use This Certificate' }))?.[0];
  return target && { file: target.toString() };
}

/** Where the new certificate of a rotation or replace is: the PEM in the editor (when there is one), or a file. */
export async function chooseStart(prompts: Prompts, title: string): Promise<UploadStart | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor && hasPemBlock(editor.document.getText())) {
    const fromEditor = vscode.l10n.t('From the editor: {0}', editor.document.uri.path.split('/').pop() ?? '');
    const picked = await prompts.quickPick([{ label: fromEditor }, { label: vscode.l10n.t('From a file…') }], {
      title,
      placeHolder: vscode.l10n.t('Where is the new certificate?'),
    });
    if (!picked) {
      return undefined;
    }
    if (picked.label === fromEditor) {
      return { document: editorSource(editor.document) };
    }
  }
  return startFromFile(prompts, undefined, title);
}
