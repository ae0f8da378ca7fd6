import * as l10n from '@vscode/l10n';
import type { HostnameCertificate } from '../cloudflare/types';
import type { CertificateInfo } from '../x509/certificateInfo';
import { loadX509 } from '../x509/lazy';
import { findPemBlocks } from '../x509/pemBlocks';

/** Parsed once per certificate object Cloudflare returned: the tree, the status bar and hovers share it. */
const parsed = new WeakMap<HostnameCertificate, CertificateInfo | null>();
/**
 * And once per certificate across reloads (by id and serial): every refresh returns new objects for
 * the same certificates, and parsing each again on every scan (the workspace view compares names with
 * all of them) cost memory and time for nothing. Bounded: the oldest entries go first.
 */
const byIdentity = new Map<string, CertificateInfo | null>();
const MAX_REMEMBERED = 2_000;

/** Subject, SANs and key of a client certificate, from the PEM Cloudflare returned; undefined when unreadable. */
export function clientCertificateInfo(certificate: HostnameCertificate): CertificateInfo | undefined {
  let info = parsed.get(certificate);
  const identity = `${certificate.id}/${certificate.serial_number ?? ''}`;
  if (info === undefined && certificate.serial_number) {
    info = byIdentity.get(identity) ?? undefined;
  }
  if (info === undefined) {
    info = null;
    const der = findPemBlocks(certificate.certificate ?? '').find((block) => block.label === 'CERTIFICATE')?.der;
    if (der) {
      try {
        info = loadX509().inspectCertificate(der);
      } catch {
        info = null;
      }
    }
    if (certificate.serial_number && info) {
      byIdentity.set(identity, info);
      if (byIdentity.size > MAX_REMEMBERED) {
        byIdentity.delete(byIdentity.keys().next().value as string);
      }
    }
  }
  parsed.set(certificate, info);
  return info ?? undefined;
}

/** The name the tree shows for a client certificate: its CN or first SAN, else a short id. */
export function clientCertificateName(certificate: HostnameCertificate): string {
  const info = clientCertificateInfo(certificate);
  return info ? loadX509().displayName(info) : l10n.t('Certificate {0}', certificate.id.slice(0, 8));
}
