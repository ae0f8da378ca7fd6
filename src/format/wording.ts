import type { CertificateInfo } from '../x509/certificateInfo';

/** "1 client cert", "3 client certs": one rule for every count the extension shows. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** "RSA 2048 bits", "ECDSA P-256": a key as the tree, hovers and details describe it. */
export function keyDescription(info: Pick<CertificateInfo, 'keyType' | 'keySize' | 'curve'>): string {
  if (info.keyType === 'RSA' && info.keySize) {
    return `RSA ${info.keySize} bits`;
  }
  if (info.keyType === 'ECDSA' && info.curve) {
    return `ECDSA ${info.curve}`;
  }
  return info.keyType;
}

/** "a, b, c, and 2 more": names in a sentence without letting a long list swamp it. */
export function listSome(names: readonly string[], shown = 5): string {
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head}, and ${names.length - shown} more` : head;
}
