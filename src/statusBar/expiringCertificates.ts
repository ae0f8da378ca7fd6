import type { AccountData } from '../model/accountData';
import { packCertificates } from '../cloudflare/types';
import { daysLeft } from '../x509/certificateSummary';

/** A certificate Cloudflare holds that expires within the warning window. */
export interface ExpiringCertificate {
  readonly zoneId: string;
  readonly kind: 'aop' | 'pack';
  /** The tree id of the node that shows it. */
  readonly nodeId: string;
  readonly label: string;
  readonly notAfter: Date;
}

/** Pure walk over what has loaded; no request is made. Soonest first. */
export function findExpiring(data: AccountData, now: Date, warningDays: number): ExpiringCertificate[] {
  const found: ExpiringCertificate[] = [];
  const loaded = data.loaded();
  for (const [zoneId, aop] of loaded.aop) {
    for (const certificate of aop.certificates) {
      const notAfter = certificate.expires_on ? new Date(certificate.expires_on) : undefined;
      if (notAfter && daysLeft(notAfter, now) <= warningDays) {
        found.push({ zoneId, kind: 'aop', nodeId: `zone/${zoneId}/aop/${certificate.id}`, label: certificate.serial_number ?? certificate.id, notAfter });
      }
    }
  }
  for (const [zoneId, list] of loaded.customHostnames) {
    for (const hostname of list.items) {
      for (const certificate of packCertificates(hostname)) {
        const notAfter = certificate.expires_on ? new Date(certificate.expires_on) : undefined;
        if (notAfter && daysLeft(notAfter, now) <= warningDays) {
          const nodeId = `zone/${zoneId}/customHostnames/${hostname.id}/pack/${hostname.ssl?.id}/${certificate.id}`;
          found.push({ zoneId, kind: 'pack', nodeId, label: hostname.hostname, notAfter });
        }
      }
    }
  }
  return found.sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime());
}
