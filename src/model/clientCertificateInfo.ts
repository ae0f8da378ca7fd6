import type { HostnameCertificate } from '../cloudflare/types';
import type { CertificateInfo } from '../x509/certificateInfo';
import { loadX509 } from '../x509/lazy';
import { findPemBlocks } from '../x509/pemBlocks';

/** Parsed once per certificate object Cloudflare returned: the tree, the status bar and hovers share it. */
const parsed = new WeakMap<HostnameCertificate, CertificateInfo | null>();

/** Subject, SANs and key of a client certificate, from the PEM Cloudflare returned; undefined when unreadable. */
export function clientCertificateInfo(certificate: HostnameCertificate): CertificateInfo | undefined {
  let info = parsed.get(certificate);
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
    parsed.set(certificate, info);
  }
  return info ?? undefined;
}

/** The name the tree shows for a client certificate: its CN or first SAN, else a short id. */
export function clientCertificateName(certificate: HostnameCertificate): string {
  const info = clientCertificateInfo(certificate);
  return info ? loadX509().displayName(info) : `Certificate ${certificate.id.slice(0, 8)}`;
}
