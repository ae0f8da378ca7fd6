import { packCertificates } from '../cloudflare/types';
import type { AccountData } from './accountData';

/**
 * Whether Cloudflare holds a certificate, from what the tree has loaded (no request): matched by
 * serial number, or by SHA-256 fingerprint where Cloudflare reports one.
 */
export function heldByCloudflare(data: AccountData, zoneNames: ReadonlyMap<string, string>, serialNumber: string, sha256: string): string {
  const loaded = data.loaded();
  if (loaded.aop.size === 0 && loaded.customHostnames.size === 0) {
    return 'unknown (open the Cloudflare Certificates view to load what Cloudflare holds)';
  }
  const serial = serialNumber.toLowerCase();
  const places: string[] = [];
  for (const [zoneId, aop] of loaded.aop) {
    if (aop.certificates.some((certificate) => certificate.serial_number?.toLowerCase() === serial)) {
      places.push(`client certificate in ${zoneNames.get(zoneId) ?? zoneId}`);
    }
  }
  for (const [zoneId, list] of loaded.customHostnames) {
    for (const hostname of list.items) {
      const match = packCertificates(hostname).some(
        (certificate) =>
          certificate.serial_number?.toLowerCase() === serial || certificate.fingerprint_sha256?.toLowerCase().replace(/:/g, '') === sha256,
      );
      if (match) {
        places.push(`pack certificate of ${hostname.hostname} (${zoneNames.get(zoneId) ?? zoneId})`);
      }
    }
  }
  if (places.length === 0) {
    return 'no (not among the certificates loaded from Cloudflare)';
  }
  return `yes: ${places.slice(0, 3).join('; ')}${places.length > 3 ? `; and ${places.length - 3} more` : ''}`;
}
