import { packCertificates, type HostnameCertificate, type PackCertificate } from '../cloudflare/types';
import type { AccountData } from './accountData';

/** A certificate Cloudflare holds, found by what a person or an agent typed. */
export type FoundCertificate =
  | { readonly kind: 'aop'; readonly zoneId: string; readonly zoneName: string; readonly certificate: HostnameCertificate }
  | {
      readonly kind: 'pack';
      readonly zoneId: string;
      readonly zoneName: string;
      readonly certificate: PackCertificate;
      readonly hostname: string;
    };

/** Serials and fingerprints compare without case, colons or spaces, as people paste them from openssl or the dashboard. */
export function normalizedHex(value: string): string {
  return value.toLowerCase().replace(/[:\s]/g, '');
}

/**
 * Every certificate the query names: its id, its serial, its SHA-256 fingerprint, or a hostname that
 * uses it (an associated hostname for a client certificate, the custom hostname for a pack's). One
 * lookup, so the describe tool, the rotate tool and anything after them agree on what a query means.
 */
export function findCertificates(data: AccountData, query: string): FoundCertificate[] {
  const id = query.trim();
  const hostname = id.toLowerCase();
  const hex = normalizedHex(query);
  const matchesHex = (value: string | undefined) => value !== undefined && hex.length > 0 && normalizedHex(value) === hex;
  const loaded = data.loaded();
  const zoneNames = new Map(loaded.zones.map((zone) => [zone.id, zone.name]));
  const found: FoundCertificate[] = [];
  for (const [zoneId, aop] of loaded.aop) {
    const zoneName = zoneNames.get(zoneId) ?? zoneId;
    // An association whose `enabled` is null is on its way off the certificate: it no longer "uses" it.
    const usedBy = new Set(
      aop.associations.filter((entry) => entry.hostname === hostname && entry.enabled !== null).map((entry) => entry.cert_id),
    );
    for (const certificate of aop.certificates) {
      if (certificate.id === id || matchesHex(certificate.serial_number) || usedBy.has(certificate.id)) {
        found.push({ kind: 'aop', zoneId, zoneName, certificate });
      }
    }
  }
  for (const [zoneId, list] of loaded.customHostnames) {
    const zoneName = zoneNames.get(zoneId) ?? zoneId;
    for (const custom of list.items) {
      for (const certificate of packCertificates(custom)) {
        if (
          certificate.id === id ||
          matchesHex(certificate.serial_number) ||
          matchesHex(certificate.fingerprint_sha256) ||
          custom.hostname === hostname
        ) {
          found.push({ kind: 'pack', zoneId, zoneName, certificate, hostname: custom.hostname });
        }
      }
    }
  }
  return found;
}
