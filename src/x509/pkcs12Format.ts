import * as l10n from '@vscode/l10n';
/**
 * Recognising a PKCS#12 bundle without loading pkijs: the extension decides where a file goes on
 * activation-cheap code, and only reading the bundle loads the parser bundle.
 */

/** The command that always works, for bundles the extension cannot open. */
export function pkcs12ConvertAdvice(): string {
  // A function, not a constant: worded when said, after activation has given @vscode/l10n its bundle.
  return l10n.t('Convert it with "openssl pkcs12 -in bundle.p12 -nodes -out bundle.pem" and upload the PEM');
}

export function isPkcs12FileName(name: string): boolean {
  return /\.(p12|pfx)$/i.test(name);
}

/** Whether bytes look like a PKCS#12 PFX: SEQUENCE { INTEGER 3, … } (a certificate's DER starts SEQUENCE { SEQUENCE … }). */
export function looksLikePkcs12(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || bytes[0] !== 0x30) {
    return false;
  }
  const lengthBytes = bytes[1] & 0x80 ? bytes[1] & 0x7f : 0;
  const at = 2 + lengthBytes;
  return bytes[at] === 0x02 && bytes[at + 1] === 0x01 && bytes[at + 2] === 0x03;
}
