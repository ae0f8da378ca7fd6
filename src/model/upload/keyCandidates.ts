import { findPemBlocks } from '../../x509/pemBlocks';
import { isPrivateKeyBlock } from '../../x509/privateKey';
import type { UploadCheck } from '../../x509/uploadMaterial';
import type { UploadIo, UploadSource } from './uploadIo';
import { readSource } from './uploadSources';

/**
 * Where the key of a certificate that came without one may be, most likely first: other open
 * editors holding a private key, then files beside the certificate with the same stem
 * (api.crt → api.key, api.key.pem, api-key.pem; certbot's cert.pem → privkey.pem).
 */
export async function keyCandidates(io: Pick<UploadIo, 'files' | 'documents'>, source: UploadSource): Promise<UploadSource[]> {
  const candidates: UploadSource[] = [];
  for (const document of io.documents.all()) {
    if (document.location === source.location) {
      continue;
    }
    const text = document.text;
    if (text.includes('PRIVATE KEY-----') && findPemBlocks(text).some(isPrivateKeyBlock)) {
      candidates.push({ text, location: document.location, name: io.files.nameOf(document.location) });
    }
  }
  if (source.location) {
    for (const fileName of siblingNames(io.files.nameOf(source.location))) {
      const sibling = io.files.beside(source.location, fileName);
      if (candidates.some((candidate) => candidate.location === sibling)) {
        continue;
      }
      const found = await readSource(io, sibling).catch(() => undefined);
      if (found && findPemBlocks(found.text).some(isPrivateKeyBlock)) {
        candidates.push({ ...found, sibling: true });
      }
    }
  }
  return candidates;
}

function siblingNames(file: string): string[] {
  const stem = file.replace(/\.(pem|crt|cer|cert)$/i, '');
  const names = [`${stem}.key`, `${stem}.key.pem`, `${stem}-key.pem`, `${stem}_key.pem`];
  if (!/\.pem$/i.test(file)) {
    names.push(`${stem}.pem`);
  }
  if (/^(cert|fullchain|chain)\.pem$/i.test(file)) {
    names.push('privkey.pem');
  }
  return names.filter((name) => name !== file);
}

/**
 * The key to use among those found without asking: one that passes every check; else one that
 * belongs to the certificate although another check fails (its real error is then said, rather than
 * asking for a file first); else the file beside the certificate, whose mismatch is then said. Only
 * when none of these exists does the person get a file picker.
 */
export function bestKeyCandidate(
  candidates: readonly UploadSource[],
  trial: (candidate: UploadSource) => UploadCheck,
): UploadSource | undefined {
  const results = candidates.map((candidate) => ({ candidate, result: trial(candidate) }));
  const passes = results.find(({ result }) => result.ok || result.code === 'encrypted-key');
  const belongs = results.find(
    ({ result }) => !result.ok && result.code !== 'key-mismatch' && result.code !== 'multiple-keys' && result.code !== 'no-key',
  );
  const beside = results.find(({ candidate }) => candidate.sibling);
  return (passes ?? belongs ?? beside)?.candidate;
}
