import * as l10n from '@vscode/l10n';
import type { CertificateInfo } from '../x509/certificateInfo';

/** "1 hostname", "3 hostnames": a counted noun phrase, translated whole for each number. */
export function hostnameCount(count: number): string {
  return count === 1 ? l10n.t('1 hostname') : l10n.t('{0} hostnames', count);
}

export function zoneCount(count: number): string {
  return count === 1 ? l10n.t('1 zone') : l10n.t('{0} zones', count);
}

export function customHostnameCount(count: number): string {
  return count === 1 ? l10n.t('1 custom hostname') : l10n.t('{0} custom hostnames', count);
}

/** "RSA 2048 bits", "ECDSA P-256": a key as the tree, hovers and details describe it. */
export function keyDescription(info: Pick<CertificateInfo, 'keyType' | 'keySize' | 'curve'>): string {
  if (info.keyType === 'RSA' && info.keySize) {
    return l10n.t('RSA {0} bits', info.keySize);
  }
  if (info.keyType === 'ECDSA' && info.curve) {
    return `ECDSA ${info.curve}`;
  }
  return info.keyType;
}

/** "a, b, c, and 2 more": names in a sentence without letting a long list swamp it. */
export function listSome(names: readonly string[], shown = 5): string {
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? l10n.t('{0}, and {1} more', head, names.length - shown) : head;
}
