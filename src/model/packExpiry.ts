import * as l10n from '@vscode/l10n';
import { packCertificates } from '../cloudflare/types';
import type { CustomHostnameRecord } from './customHostnameRecord';

/** The soonest expiry among a custom hostname's pack certificates: the one that decides its colour. */
export function soonestPackExpiry(hostname: CustomHostnameRecord): Date | undefined {
  let soonest: Date | undefined;
  for (const certificate of packCertificates(hostname)) {
    const notAfter = certificate.expires_on ? new Date(certificate.expires_on) : undefined;
    if (notAfter && !Number.isNaN(notAfter.getTime()) && (!soonest || notAfter < soonest)) {
      soonest = notAfter;
    }
  }
  return soonest;
}

/** "RSA + ECDSA", "RSA": what a pack holds, by the key types Cloudflare reports. */
export function packKeyTypes(hostname: CustomHostnameRecord): string {
  const types = packCertificates(hostname).map((certificate) => packKeyType(certificate.signature) ?? l10n.t('certificate'));
  return types.length > 0 ? types.join(' + ') : l10n.t('empty');
}

/** "RSA" or "ECDSA" from the signature Cloudflare reports ("SHA256WithRSA", "ECDSAWithSHA256"). */
export function packKeyType(signature: string | undefined): 'RSA' | 'ECDSA' | undefined {
  const upper = (signature ?? '').toUpperCase();
  if (upper.includes('ECDSA')) {
    return 'ECDSA';
  }
  return upper.includes('RSA') ? 'RSA' : undefined;
}
