import * as vscode from 'vscode';
import type { PassphraseRequest, UploadQuestions } from '../../model/upload/uploadIo';
import type { Prompts } from '../../ui/prompts';

const pemFilters = () => ({
  [vscode.l10n.t('PEM certificates and keys')]: ['pem', 'crt', 'cer', 'key'],
  [vscode.l10n.t('All files')]: ['*'],
});

/** The upload planner's questions as VS Code asks them: password boxes, modals and a file dialog. */
export function promptUploadQuestions(prompts: Prompts): UploadQuestions {
  return {
    pickKeyFile: async (certificateName) => {
      const picked = await prompts.openDialog({
        title: vscode.l10n.t('Choose the private key of {0}', certificateName),
        canSelectMany: false,
        filters: pemFilters(),
        openLabel: 'Use This Key',
      });
      return picked?.[0]?.toString();
    },
    askPassphrase: async (request) => prompts.inputBox({ ...passphraseWording(request), password: true, ignoreFocusOut: true }),
    acceptOutsideValidity: async (problems, certificateName) =>
      prompts.confirmRisky(
        problems,
        vscode.l10n.t('Cloudflare accepts it, but "{0}" will not work for TLS while it is outside its validity period.', certificateName),
        vscode.l10n.t('Upload Anyway'),
        vscode.l10n.t("Don't Upload"),
      ),
    acceptEcParametersStripped: async () => {
      const strip = vscode.l10n.t('Remove and Upload');
      const answer = await prompts.confirm(
        vscode.l10n.t('The private key comes with an EC PARAMETERS block, which Cloudflare refuses.'),
        vscode.l10n.t('Only the key itself is uploaded; your file is not changed.'),
        strip,
      );
      return answer === strip;
    },
  };
}

function passphraseWording(request: PassphraseRequest): { title: string; prompt: string } {
  if (request.of === 'bundle') {
    return {
      title: vscode.l10n.t('Passphrase of {0}', request.bundleName),
      prompt: request.retry
        ? vscode.l10n.t('That passphrase does not open the bundle. Try again.')
        : vscode.l10n.t('The PKCS#12 bundle is opened in memory only; the passphrase is not kept.'),
    };
  }
  return {
    title: vscode.l10n.t('Passphrase of the private key'),
    prompt: request.retry
      ? vscode.l10n.t('That passphrase does not decrypt the key. Try again.')
      : request.keyName
        ? vscode.l10n.t('The private key in {0} is encrypted. The key is decrypted in memory only.', request.keyName)
        : vscode.l10n.t('The private key is encrypted. The key is decrypted in memory only.'),
  };
}
