import * as l10n from '@vscode/l10n';
import { loadPkcs12 } from '../../x509/lazy';
import { isPkcs12FileName, looksLikePkcs12 } from '../../x509/pkcs12Format';
import { certificateDocumentAt } from '../../x509/yamlDocuments';
import { RefusedError } from '../operations/operationContext';
import type { FileReader, UploadIo, UploadSource } from './uploadIo';

/** A certificate file is a few kilobytes; anything this big is not one, and is not read whole. */
const MAX_TEXT_BYTES = 2 * 1024 * 1024;
/** A bundle is a few kilobytes; a file this big is not one. */
const MAX_BUNDLE_BYTES = 1024 * 1024;
const MAX_PASSPHRASE_TRIES = 3;

/** An open document's text (with unsaved edits) or the file's bytes as UTF-8. */
export async function readSource(io: Pick<UploadIo, 'files' | 'documents'>, location: string): Promise<UploadSource> {
  const name = io.files.nameOf(location);
  const open = io.documents.textAt(location);
  if (open !== undefined) {
    return { text: open, location, name };
  }
  let size: number;
  try {
    size = await io.files.size(location);
  } catch {
    throw new RefusedError(l10n.t('{0} cannot be read: it does not exist or is not accessible.', name));
  }
  if (size > MAX_TEXT_BYTES) {
    throw new RefusedError(l10n.t('{0} is {1} MB: too large to be a certificate file.', name, (size / 1024 / 1024).toFixed(1)));
  }
  const bytes = await io.files.read(location);
  return { text: new TextDecoder('utf-8').decode(bytes), location, name };
}

/** A file to upload from: PEM text, or a PKCS#12 bundle (by its name or its bytes) opened with its passphrase. */
export async function sourceFromFile(io: UploadIo, location: string): Promise<UploadSource | undefined> {
  if (isPkcs12FileName(io.files.nameOf(location))) {
    return openBundle(io, location);
  }
  const source = await readSource(io, location);
  return (await isPkcs12Bundle(io.files, source, location)) ? openBundle(io, location) : source;
}

/** A bundle under another name (.cer, .bin): read as text it is binary, and would be refused as DER. */
async function isPkcs12Bundle(files: FileReader, source: UploadSource, location: string): Promise<boolean> {
  if (source.text.charCodeAt(0) !== 0x30) {
    return false;
  }
  const head = await files.read(location).then(
    (bytes) => bytes.slice(0, 16),
    () => new Uint8Array(),
  );
  return looksLikePkcs12(head);
}

/**
 * A PKCS#12 bundle (.p12/.pfx) opened with its passphrase, as PEM text the upload checks read. The
 * passphrase lives only in this function's local variables.
 */
async function openBundle(io: UploadIo, location: string): Promise<UploadSource | undefined> {
  const name = io.files.nameOf(location);
  let bytes: Uint8Array;
  try {
    if ((await io.files.size(location)) > MAX_BUNDLE_BYTES) {
      throw new RefusedError(l10n.t('{0} is too large to be a PKCS#12 bundle.', name));
    }
    bytes = await io.files.read(location);
  } catch (error) {
    throw error instanceof RefusedError
      ? error
      : new RefusedError(l10n.t('{0} cannot be read: it does not exist or is not accessible.', name));
  }
  const { openPkcs12 } = loadPkcs12();
  for (let tries = 0; tries < MAX_PASSPHRASE_TRIES; tries += 1) {
    const passphrase = await io.questions.askPassphrase({ of: 'bundle', bundleName: name, retry: tries > 0 });
    if (passphrase === undefined) {
      return undefined;
    }
    const result = await openPkcs12(bytes, passphrase);
    if (result.ok) {
      return { text: result.contents.pem, location, name };
    }
    if (result.code !== 'wrong-passphrase') {
      throw new RefusedError(`${name}: ${result.message}`);
    }
  }
  throw new RefusedError(l10n.t('The passphrase does not open {0}.', name));
}

/**
 * In a manifest of several YAML documents, only the one at `offset`, when it holds a certificate and
 * its key: each Kubernetes Secret is uploaded on its own.
 */
export function withinYamlDocument(source: UploadSource, offset: number | undefined): UploadSource {
  if (offset === undefined) {
    return source;
  }
  const part = certificateDocumentAt(source.text, offset);
  return part.text === source.text ? source : { ...source, text: part.text };
}
