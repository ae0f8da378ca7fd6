import * as l10n from '@vscode/l10n';
import { packCertificates } from '../cloudflare/types';
import type { AccountData } from './accountData';
import type { AccountModel } from './accountModel';

/** One place Cloudflare holds a certificate. */
export interface HeldPlace {
  readonly zoneId: string;
  readonly zoneName: string;
  readonly kind: 'aop' | 'pack';
  readonly certificateId: string;
  /** The custom hostname, for a pack certificate. */
  readonly hostname?: string;
}

/**
 * Where Cloudflare holds a certificate, from what the account model has loaded (no request): matched
 * by serial number, or by SHA-256 fingerprint where Cloudflare reports one.
 */
export function findHeld(data: AccountData, serialNumber: string, sha256: string): HeldPlace[] {
  const loaded = data.loaded();
  const zoneNames = new Map(loaded.zones.map((zone) => [zone.id, zone.name]));
  const serial = serialNumber.toLowerCase();
  const places: HeldPlace[] = [];
  for (const [zoneId, aop] of loaded.aop) {
    for (const certificate of aop.certificates) {
      if (certificate.serial_number?.toLowerCase() === serial) {
        places.push({ zoneId, zoneName: zoneNames.get(zoneId) ?? zoneId, kind: 'aop', certificateId: certificate.id });
      }
    }
  }
  for (const [zoneId, list] of loaded.customHostnames) {
    for (const hostname of list.items) {
      for (const certificate of packCertificates(hostname)) {
        const fingerprint = certificate.fingerprint_sha256?.toLowerCase().replace(/:/g, '');
        if (certificate.serial_number?.toLowerCase() === serial || (fingerprint !== undefined && fingerprint === sha256)) {
          const zoneName = zoneNames.get(zoneId) ?? zoneId;
          places.push({ zoneId, zoneName, kind: 'pack', certificateId: certificate.id, hostname: hostname.hostname });
        }
      }
    }
  }
  return places;
}

/** The hover's "Held by Cloudflare" answer, honest about what the account model does not know yet. */
export function heldByCloudflare(account: AccountModel, serialNumber: string, sha256: string): string {
  const places = findHeld(account.data, serialNumber, sha256);
  if (places.length > 0) {
    const named = places.map((place) =>
      place.kind === 'aop'
        ? l10n.t('client certificate in {0}', place.zoneName)
        : l10n.t('pack certificate of {0} ({1})', place.hostname ?? '', place.zoneName),
    );
    const shown = named.slice(0, 3).join('; ');
    return named.length > 3 ? l10n.t('yes: {0}; and {1} more', shown, named.length - 3) : l10n.t('yes: {0}', shown);
  }
  switch (account.status) {
    case 'noToken':
    case 'changedElsewhere':
      return account.stillLoading ? l10n.t('unknown (still loading what Cloudflare holds)') : l10n.t('unknown (no API token is set)');
    case 'storageUnavailable':
      return l10n.t('unknown (the API token cannot be read)');
    case 'tokenRejected':
      return l10n.t('unknown (Cloudflare rejected the API token)');
    default:
      break;
  }
  if (account.stillLoading) {
    return l10n.t('not among what has loaded so far (still loading what Cloudflare holds)');
  }
  const { failed } = account.scan;
  return failed > 0
    ? failed === 1
      ? l10n.t('no (not among the certificates loaded; {0} zone could not be loaded)', failed)
      : l10n.t('no (not among the certificates loaded; {0} zones could not be loaded)', failed)
    : l10n.t('no (not among the certificates Cloudflare holds)');
}
