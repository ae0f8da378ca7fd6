import type { HostnameAssociation, HostnameCertificate } from '../cloudflare/types';
import type { ZoneAopData } from './accountData';
import { clientCertificateInfo, clientCertificateName } from './clientCertificateInfo';

/**
 * A rotation as Cloudflare's own state shows it, so it survives a closed window or a crash: an old
 * certificate and its replacement (same name, later expiry) with the old one's hostnames partly or
 * wholly moved to the replacement, or the old one left behind unused, or none moved yet (a rotation
 * cut off right after its upload, or a renewal uploaded and not put to use: the same work is left).
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
/** A replacement still deploying can take hostnames once it is active; Finish Rotation waits for that. */
const ARRIVING = new Set(['initializing', 'pending_deployment']);

/** The hostnames whose (live) association is on this certificate. */
export function hostnamesOn(associations: readonly HostnameAssociation[], certificateId: string): string[] {
  return associations
    .filter((association) => association.cert_id === certificateId && association.enabled !== null && association.hostname)
    .map((association) => association.hostname);
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
  return certificate.expires_on
    ? new Date(certificate.expires_on).getTime()
    : (clientCertificateInfo(certificate)?.notAfter.getTime() ?? 0);
}

/**
 * Every unfinished rotation in a zone, keyed by the old certificate's id. An old certificate with
 * hostnames left and an active replacement already serving some, or none left at all while its
 * replacement serves them, is a rotation to finish (or undo while the old one exists). One with all
 * its hostnames and a later copy for the same names that serves none (active or still deploying)
 * has its replacement ready: Finish Rotation moves them all.
 */
export function findRotations(aop: ZoneAopData): Map<string, RotationState> {
  const found = new Map<string, RotationState>();
  const live = aop.certificates.filter((certificate) => !LEAVING.has(certificate.status ?? ''));
  for (const oldCertificate of live) {
    const candidates = live
      .filter(
        (candidate) =>
          candidate.id !== oldCertificate.id && expiry(candidate) > expiry(oldCertificate) && sameNames(candidate, oldCertificate),
      )
      .sort((a, b) => expiry(b) - expiry(a));
    const remaining = hostnamesOn(aop.associations, oldCertificate.id);
    const withMoved = candidates.map((candidate) => ({ candidate, moved: hostnamesOn(aop.associations, candidate.id) }));
    const started = withMoved.find(({ candidate, moved }) => candidate.status === 'active' && moved.length > 0);
    if (started) {
      found.set(oldCertificate.id, { oldCertificate, newCertificate: started.candidate, moved: started.moved, remaining });
      continue;
    }
    const ready = candidates.find((candidate) => candidate.status === 'active' || ARRIVING.has(candidate.status ?? ''));
    if (ready && remaining.length > 0) {
      found.set(oldCertificate.id, { oldCertificate, newCertificate: ready, moved: [], remaining });
    }
  }
  return found;
}
