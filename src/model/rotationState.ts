import type { HostnameAssociation, HostnameCertificate } from '../cloudflare/types';
import type { ZoneAopData } from './accountData';
import { clientCertificateInfo, clientCertificateName } from './clientCertificateInfo';

/**
 * A rotation as Cloudflare's own state shows it, so it survives a closed window or a crash: an old
 * certificate and its replacement (same name, later expiry, active) with the old one's hostnames
 * partly or wholly moved to the replacement, or the old one left behind unused.
 */
export interface RotationState {
  readonly oldCertificate: HostnameCertificate;
  readonly newCertificate: HostnameCertificate;
  /** Hostnames already on the replacement. */
  readonly moved: readonly string[];
  /** Hostnames still on the old certificate. */
  readonly remaining: readonly string[];
}

const LEAVING = new Set(['deleted', 'pending_deletion', 'deletion_timed_out']);

/** The hostnames whose (live) association is on this certificate. */
export function hostnamesOn(associations: readonly HostnameAssociation[], certificateId: string): string[] {
  return associations.filter((association) => association.cert_id === certificateId && association.enabled !== null && association.hostname).map((association) => association.hostname);
}

/** Whether two certificates are for the same names: equal display names, or a SAN in common. */
export function sameNames(a: HostnameCertificate, b: HostnameCertificate): boolean {
  if (clientCertificateName(a) === clientCertificateName(b)) {
    return true;
  }
  const sansA = new Set(clientCertificateInfo(a)?.sans ?? []);
  return (clientCertificateInfo(b)?.sans ?? []).some((san) => sansA.has(san));
}

function expiry(certificate: HostnameCertificate): number {
  return certificate.expires_on ? new Date(certificate.expires_on).getTime() : (clientCertificateInfo(certificate)?.notAfter.getTime() ?? 0);
}

/**
 * Every unfinished rotation in a zone, keyed by the old certificate's id. An old certificate with
 * hostnames left and a replacement already serving some, or none left at all while its replacement
 * serves them, is a rotation to finish (or undo while the old one exists).
 */
export function findRotations(aop: ZoneAopData): Map<string, RotationState> {
  const found = new Map<string, RotationState>();
  const live = aop.certificates.filter((certificate) => !LEAVING.has(certificate.status ?? ''));
  for (const oldCertificate of live) {
    const replacement = live
      .filter((candidate) => candidate.id !== oldCertificate.id && candidate.status === 'active' && expiry(candidate) > expiry(oldCertificate) && sameNames(candidate, oldCertificate))
      .sort((a, b) => expiry(b) - expiry(a))[0];
    if (!replacement) {
      continue;
    }
    const moved = hostnamesOn(aop.associations, replacement.id);
    const remaining = hostnamesOn(aop.associations, oldCertificate.id);
    if (moved.length > 0) {
      found.set(oldCertificate.id, { oldCertificate, newCertificate: replacement, moved, remaining });
    }
  }
  return found;
}
