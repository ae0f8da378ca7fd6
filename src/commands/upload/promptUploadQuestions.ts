import type { PassphraseRequest, UploadQuestions } from '../../model/upload/uploadIo';
import type { Prompts } from '../../ui/prompts';

const PEM_FILTERS = { 'PEM certificates and keys': ['pem', 'crt', 'cer', 'key'], 'All files': ['*'] };

/** The upload planner's questions as VS Code asks them: password boxes, modals and a file dialog. */
export function promptUploadQuestions(prompts: Prompts): UploadQuestions {
  return {
    pickKeyFile: async (certificateName) => {
      const picked = await prompts.openDialog({
        title: `Choose the private key of ${certificateName}`,
        canSelectMany: false,
        filters: PEM_FILTERS,
        openLabel: 'Use This Key',
      });
      return picked?.[0]?.toString();
    },
    askPassphrase: async (request) => prompts.inputBox({ ...passphraseWording(request), password: true, ignoreFocusOut: true }),
    acceptOutsideValidity: async (problems, certificateName) =>
      prompts.confirmRisky(
        problems,
        `Cloudflare accepts it, but "${certificateName}" will not work for TLS while it is outside its validity period.`,
        'Upload Anyway',
        "Don't Upload",
      ),
    acceptEcParametersStripped: async () => {
      const strip = 'Remove and Upload';
      const answer = await prompts.confirm(
        'The private key comes with an EC PARAMETERS block, which Cloudflare refuses.',
        'Only the key itself is uploaded; your file is not changed.',
        strip,
      );
      return answer === strip;
    },
  };
}

function passphraseWording(request: PassphraseRequest): { title: string; prompt: string } {
  if (request.of === 'bundle') {
    return {
      title: `Passphrase of ${request.bundleName}`,
      prompt: request.retry
        ? 'That passphrase does not open the bundle. Try again.'
        : 'The PKCS#12 bundle is opened in memory only; the passphrase is not kept.',
    };
  }
  return {
    title: 'Passphrase of the private key',
    prompt: request.retry
      ? 'That passphrase does not decrypt the key. Try again.'
      : `The private key${request.keyName ? ` in ${request.keyName}` : ''} is encrypted. The key is decrypted in memory only.`,
  };
}
