import * as l10n from '@vscode/l10n';
/** CN, else the first SAN, else the whole subject: what a person calls a certificate. */
export function displayName(info: { readonly commonName?: string; readonly sans: readonly string[]; readonly subject: string }): string {
  return info.commonName || info.sans[0] || info.subject || l10n.t('Certificate');
}
