import type { Prompts } from '../../ui/prompts';
import { loadX509 } from '../../x509/lazy';
import type { UploadCheck, UploadInput, UploadMaterial } from '../../x509/uploadMaterial';
import { UserError } from '../userError';
import { keyCandidates, pickKeyFile } from './privateKeyLookup';
import type { PemSource } from './pemSource';

const MAX_PASSPHRASE_TRIES = 3;

/** Checked material, and the document its key came from when that was not the certificate's own. */
export type CheckedMaterial = UploadMaterial & { readonly keyFrom?: string };

/**
 * Runs the local checks until the material is ready or the user stops: finds the key when the
 * certificate came alone, asks for the passphrase of an encrypted key (decrypted in memory only),
 * and lets the user accept warnings. Nothing is sent from here; failures are UserErrors in words.
 */
export async function checkedMaterial(
  prompts: Prompts,
  source: PemSource,
  options: Pick<UploadInput, 'purpose' | 'requiredKeyType'>,
): Promise<CheckedMaterial | undefined> {
  const { prepareUpload, displayName } = loadX509();
  let keySource: PemSource | undefined;
  let passphrase: string | undefined;
  let passphraseTries = 0;
  let candidates: PemSource[] | undefined;
  for (;;) {
    const result = prepareUpload({ certificateText: source.text, keyText: keySource?.text, passphrase, ...options });
    if (result.ok) {
      const accepted = await acceptWarnings(prompts, result.material, displayName(result.material.leaf));
      return accepted ? { ...result.material, keyFrom: keySource?.name } : undefined;
    }
    if (result.code === 'no-key' && !keySource) {
      candidates ??= await keyCandidates(source);
      keySource =
        bestKeyCandidate(candidates, (candidate) => prepareUpload({ certificateText: source.text, keyText: candidate.text, ...options })) ??
        (await pickKeyFile(prompts, source.name));
      if (!keySource) {
        return undefined;
      }
      continue;
    }
    if ((result.code === 'encrypted-key' || result.code === 'wrong-passphrase') && passphraseTries < MAX_PASSPHRASE_TRIES) {
      passphraseTries += 1;
      passphrase = await prompts.inputBox({
        title: 'Passphrase of the private key',
        prompt:
          result.code === 'wrong-passphrase'
            ? 'That passphrase does not decrypt the key. Try again.'
            : `The private key${keySource ? ` in ${keySource.name}` : ''} is encrypted. The key is decrypted in memory only.`,
        password: true,
        ignoreFocusOut: true,
      });
      if (passphrase === undefined) {
        return undefined;
      }
      continue;
    }
    throw new UserError(result.message);
  }
}

/**
 * The key to use among those found without asking: one that passes every check; else one that
 * belongs to the certificate although another check fails (its real error is then said, rather than
 * asking for a file first); else the file beside the certificate, whose mismatch is then said. Only
 * when none of these exists does the person get a file picker.
 */
function bestKeyCandidate(candidates: readonly PemSource[], trial: (candidate: PemSource) => UploadCheck): PemSource | undefined {
  const results = candidates.map((candidate) => ({ candidate, result: trial(candidate) }));
  const passes = results.find(({ result }) => result.ok || result.code === 'encrypted-key');
  const belongs = results.find(
    ({ result }) => !result.ok && result.code !== 'key-mismatch' && result.code !== 'multiple-keys' && result.code !== 'no-key',
  );
  const beside = results.find(({ candidate }) => candidate.sibling);
  return (passes ?? belongs ?? beside)?.candidate;
}

/** Expired, not yet valid, or an EC PARAMETERS block to strip: the user decides in a modal. */
async function acceptWarnings(prompts: Prompts, material: UploadMaterial, name: string): Promise<boolean> {
  const validity = material.warnings.filter((warning) => warning.code === 'expired' || warning.code === 'not-yet-valid');
  if (validity.length > 0) {
    const detail = `Cloudflare accepts it, but "${name}" will not work for TLS while it is outside its validity period.`;
    if (!(await prompts.confirmRisky(validity.map((warning) => warning.message).join(' '), detail, 'Upload Anyway', "Don't Upload"))) {
      return false;
    }
  }
  if (material.warnings.some((warning) => warning.code === 'ec-parameters-stripped')) {
    const strip = 'Remove and Upload';
    const answer = await prompts.confirm(
      'The private key comes with an EC PARAMETERS block, which Cloudflare refuses.',
      'Only the key itself is uploaded; your file is not changed.',
      strip,
    );
    if (answer !== strip) {
      return false;
    }
  }
  return true;
}
