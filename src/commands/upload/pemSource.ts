import * as vscode from 'vscode';
import type { Prompts } from '../../ui/prompts';
import { isPkcs12FileName, looksLikePkcs12 } from '../../x509/pkcs12Format';
import { certificateDocumentAt } from '../../x509/yamlDocuments';
import { UserError } from '../userError';
import { sourceFromPkcs12 } from './pkcs12Source';

/** The text of a certificate document, and where it came from. */
export interface PemSource {
  readonly text: string;
  readonly uri?: vscode.Uri;
  /** For messages: the file name or "Untitled-1". */
  readonly name: string;
  /** A key file found beside the certificate by its name (api.crt → api.key). */
  readonly sibling?: boolean;
}

export const PEM_FILTERS = { 'PEM certificates and keys': ['pem', 'crt', 'cer', 'key'], 'All files': ['*'] };
/** Where a certificate to upload can come from: PEM, or a PKCS#12 bundle opened with its passphrase. */
const CERTIFICATE_FILTERS = {
  'Certificates (PEM, PKCS#12)': ['pem', 'crt', 'cer', 'key', 'p12', 'pfx'],
  'PKCS#12 bundles': ['p12', 'pfx'],
  'All files': ['*'],
};
/** A certificate file is a few kilobytes; anything this big is not one, and is not read whole. */
const MAX_BYTES = 2 * 1024 * 1024;

/** An open document's text (with unsaved edits) or the file's bytes as UTF-8. */
export async function readSource(uri: vscode.Uri): Promise<PemSource> {
  const name = uri.path.split('/').pop() ?? uri.toString();
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) {
    return { text: open.getText(), uri, name };
  }
  let size: number;
  try {
    size = (await vscode.workspace.fs.stat(uri)).size;
  } catch {
    throw new UserError(`${name} cannot be read: it does not exist or is not accessible.`);
  }
  if (size > MAX_BYTES) {
    throw new UserError(`${name} is ${(size / 1024 / 1024).toFixed(1)} MB: too large to be a certificate file.`);
  }
  const bytes = await vscode.workspace.fs.readFile(uri);
  return { text: new TextDecoder('utf-8').decode(bytes), uri, name };
}

/**
 * The document to upload from: the given file, else the active text editor, else the active tab's
 * file (a PEM open in a custom or binary editor has no text editor).
 */
export async function sourceFromEditor(uri: vscode.Uri | undefined): Promise<PemSource> {
  if (uri) {
    return readSource(uri);
  }
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const document = editor.document;
    return { text: document.getText(), uri: document.uri, name: document.uri.path.split('/').pop() ?? 'the editor' };
  }
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: vscode.Uri } | undefined;
  if (input?.uri instanceof vscode.Uri) {
    return readSource(input.uri);
  }
  throw new UserError('Open the certificate (PEM) in an editor first, or use "Upload Certificate from File…".');
}

export async function sourceFromFile(prompts: Prompts, uri: vscode.Uri | undefined, title: string): Promise<PemSource | undefined> {
  const target =
    uri ??
    (await prompts.openDialog({ title, canSelectMany: false, filters: CERTIFICATE_FILTERS, openLabel: 'Use This Certificate' }))?.[0];
  if (!target) {
    return undefined;
  }
  if (isPkcs12FileName(target.path)) {
    return sourceFromPkcs12(prompts, target);
  }
  const source = await readSource(target);
  return (await isPkcs12Bundle(target, source)) ? sourceFromPkcs12(prompts, target) : source;
}

/** A bundle under another name (.cer, .bin): read as text it is binary, and would be refused as DER. */
async function isPkcs12Bundle(uri: vscode.Uri, source: PemSource): Promise<boolean> {
  if (source.text.charCodeAt(0) !== 0x30) {
    return false;
  }
  const head = await vscode.workspace.fs.readFile(uri).then(
    (bytes) => bytes.slice(0, 16),
    () => new Uint8Array(),
  );
  return looksLikePkcs12(head);
}

/**
 * In a manifest of several YAML documents, only the one at `offset` (else at the editor's cursor),
 * when it holds a certificate and its key: each Kubernetes Secret is uploaded on its own.
 */
export function withinYamlDocument(source: PemSource, offset: number | undefined): PemSource {
  const editor = vscode.window.activeTextEditor;
  const cursor =
    editor && editor.document.uri.toString() === source.uri?.toString() ? editor.document.offsetAt(editor.selection.active) : undefined;
  const at = offset ?? cursor;
  if (at === undefined) {
    return source;
  }
  const part = certificateDocumentAt(source.text, at);
  return part.text === source.text ? source : { ...source, text: part.text };
}
