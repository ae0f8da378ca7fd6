import { loadX509 } from '../../x509/lazy';
import type { UploadInput, UploadMaterial } from '../../x509/uploadMaterial';
import { RefusedError } from '../operations/operationContext';
import { bestKeyCandidate, keyCandidates } from './keyCandidates';
import type { UploadIo, UploadQuestions, UploadSource } from './uploadIo';
import { readSource, sourceFromFile, withinYamlDocument } from './uploadSources';

const MAX_PASSPHRASE_TRIES = 3;

/**
 * Where a certificate to upload starts: a file (PEM, or a PKCS#12 bundle by its name or bytes), or a
 * document from an editor, given as its text or its location, narrowed to the YAML document at
 * `offset` when there is one.
 */
export type UploadStart = { readonly file: string } | { readonly document: UploadSource | string; readonly offset?: number };

/** `now` is the checks' clock (commands leave it to the real one; tests pass theirs). */
export type UploadOptions = Pick<UploadInput, 'purpose' | 'requiredKeyType' | 'now'>;

/** Checked material, and the document its key came from when that was not the certificate's own. */
export type CheckedMaterial = UploadMaterial & { readonly keyFrom?: string };

/** What an upload sends, and the document the certificate came from (for the confirmation). */
export interface UploadPlan {
  readonly source: UploadSource;
  readonly material: CheckedMaterial;
}

/**
 * The upload's pre-flight, from where the certificate is to material ready to send: reads the
 * certificate, finds its key when it came alone, asks for passphrases (decrypted in memory only) and
 * lets the person accept warnings. Nothing is sent from here. Resolves to undefined when the person
 * cancels a question; a problem is a RefusedError in words.
 */
export async function planUpload(io: UploadIo, start: UploadStart, options: UploadOptions): Promise<UploadPlan | undefined> {
  const source = await sourceOf(io, start);
  if (!source) {
    return undefined;
  }
  const material = await checkedMaterial(io, source, options);
  return material && { source, material };
}

async function sourceOf(io: UploadIo, start: UploadStart): Promise<UploadSource | undefined> {
  if ('file' in start) {
    return sourceFromFile(io, start.file);
  }
  const source = typeof start.document === 'string' ? await readSource(io, start.document) : start.document;
  return withinYamlDocument(source, start.offset);
}

/** Runs the local checks until the material is ready or the person stops. */
export async function checkedMaterial(io: UploadIo, source: UploadSource, options: UploadOptions): Promise<CheckedMaterial | undefined> {
  const { prepareUpload, displayName } = loadX509();
  let keySource: UploadSource | undefined;
  let passphrase: string | undefined;
  let passphraseTries = 0;
  let candidates: UploadSource[] | undefined;
  for (;;) {
    const result = prepareUpload({ certificateText: source.text, keyText: keySource?.text, passphrase, ...options });
    if (result.ok) {
      const accepted = await acceptWarnings(io.questions, result.material, displayName(result.material.leaf));
      return accepted ? { ...result.material, keyFrom: keySource?.name } : undefined;
    }
    if (result.code === 'no-key' && !keySource) {
      candidates ??= await keyCandidates(io, source);
      keySource =
        bestKeyCandidate(candidates, (candidate) => prepareUpload({ certificateText: source.text, keyText: candidate.text, ...options })) ??
        (await pickKeyFile(io, source.name));
      if (!keySource) {
        return undefined;
      }
      continue;
    }
    if ((result.code === 'encrypted-key' || result.code === 'wrong-passphrase') && passphraseTries < MAX_PASSPHRASE_TRIES) {
      passphraseTries += 1;
      passphrase = await io.questions.askPassphrase({ of: 'key', keyName: keySource?.name, retry: result.code === 'wrong-passphrase' });
      if (passphrase === undefined) {
        return undefined;
      }
      continue;
    }
    throw new RefusedError(result.message);
  }
}

/** The last resort: ask for the key file. */
async function pickKeyFile(io: UploadIo, certificateName: string): Promise<UploadSource | undefined> {
  const picked = await io.questions.pickKeyFile(certificateName);
  return picked === undefined ? undefined : readSource(io, picked);
}

/** Expired, not yet valid, or an EC PARAMETERS block to strip: the person decides. */
async function acceptWarnings(questions: UploadQuestions, material: UploadMaterial, name: string): Promise<boolean> {
  const validity = material.warnings.filter((warning) => warning.code === 'expired' || warning.code === 'not-yet-valid');
  if (validity.length > 0 && !(await questions.acceptOutsideValidity(validity.map((warning) => warning.message).join(' '), name))) {
    return false;
  }
  if (material.warnings.some((warning) => warning.code === 'ec-parameters-stripped')) {
    return questions.acceptEcParametersStripped();
  }
  return true;
}
