import * as vscode from 'vscode';
import type { Prompts } from '../../ui/prompts';
import { findPemBlocks } from '../../x509/pemBlocks';
import { isPrivateKeyBlock } from '../../x509/privateKey';
import { PEM_FILTERS, readSource, type PemSource } from './pemSource';

/**
 * Where the key of a certificate that came without one may be, most likely first: other open
 * editors holding a private key, then files beside the certificate with the same stem
 * (api.crt → api.key, api.key.pem, api-key.pem; certbot's cert.pem → privkey.pem).
 */
export async function keyCandidates(source: PemSource): Promise<PemSource[]> {
  const candidates: PemSource[] = [];
  for (const document of vscode.workspace.textDocuments) {
    if (document.uri.toString() === source.uri?.toString() || document.uri.scheme === 'output') {
      continue;
    }
    const text = document.getText();
    if (text.includes('PRIVATE KEY-----') && findPemBlocks(text).some(isPrivateKeyBlock)) {
      candidates.push({ text, uri: document.uri, name: document.uri.path.split('/').pop() ?? 'an open editor' });
    }
  }
  if (source.uri) {
    for (const sibling of siblingNames(source.uri)) {
      if (candidates.some((candidate) => candidate.uri?.toString() === sibling.toString())) {
        continue;
      }
      const found = await readSource(sibling).catch(() => undefined);
      if (found && findPemBlocks(found.text).some(isPrivateKeyBlock)) {
        candidates.push({ ...found, sibling: true });
      }
    }
  }
  return candidates;
}

function siblingNames(uri: vscode.Uri): vscode.Uri[] {
  const file = uri.path.split('/').pop() ?? '';
  const stem = file.replace(/\.(pem|crt|cer|cert)$/i, '');
  const directory = vscode.Uri.joinPath(uri, '..');
  const names = [`${stem}.key`, `${stem}.key.pem`, `${stem}-key.pem`, `${stem}_key.pem`];
  if (!/\.pem$/i.test(file)) {
    names.push(`${stem}.pem`);
  }
  if (/^(cert|fullchain|chain)\.pem$/i.test(file)) {
    names.push('privkey.pem');
  }
  return names.filter((name) => name !== file).map((name) => vscode.Uri.joinPath(directory, name));
}

/** The last resort: ask for the key file. */
export async function pickKeyFile(prompts: Prompts, certificateName: string): Promise<PemSource | undefined> {
  const picked = await prompts.openDialog({
    title: `Choose the private key of ${certificateName}`,
    canSelectMany: false,
    filters: PEM_FILTERS,
    openLabel: 'Use This Key',
  });
  return picked?.[0] ? readSource(picked[0]) : undefined;
}
