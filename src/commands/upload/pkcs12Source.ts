import * as vscode from 'vscode';
import type { Prompts } from '../../ui/prompts';
import { loadPkcs12 } from '../../x509/lazy';
import { UserError } from '../userError';
import type { PemSource } from './pemSource';

const MAX_PASSPHRASE_TRIES = 3;
/** A bundle is a few kilobytes; a file this big is not one. */
const MAX_BYTES = 1024 * 1024;

/**
 * A PKCS#12 bundle (.p12/.pfx) opened with its passphrase, as PEM text the upload checks read. The
 * passphrase is asked in a password box and lives only in this function's local variables.
 */
export async function sourceFromPkcs12(prompts: Prompts, uri: vscode.Uri): Promise<PemSource | undefined> {
  const name = uri.path.split('/').pop() ?? uri.toString();
  let bytes: Uint8Array;
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > MAX_BYTES) {
      throw new UserError(`${name} is too large to be a PKCS#12 bundle.`);
    }
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    throw error instanceof UserError ? error : new UserError(`${name} cannot be read: it does not exist or is not accessible.`);
  }
  const { openPkcs12 } = loadPkcs12();
  for (let tries = 0; tries < MAX_PASSPHRASE_TRIES; tries += 1) {
    const passphrase = await prompts.inputBox({
      title: `Passphrase of ${name}`,
      prompt:
        tries > 0
          ? 'That passphrase does not open the bundle. Try again.'
          : 'The PKCS#12 bundle is opened in memory only; the passphrase is not kept.',
      password: true,
      ignoreFocusOut: true,
    });
    if (passphrase === undefined) {
      return undefined;
    }
    const result = await openPkcs12(bytes, passphrase);
    if (result.ok) {
      return { text: result.contents.pem, uri, name };
    }
    if (result.code !== 'wrong-passphrase') {
      throw new UserError(`${name}: ${result.message}`);
    }
  }
  throw new UserError(`The passphrase does not open ${name}.`);
}
