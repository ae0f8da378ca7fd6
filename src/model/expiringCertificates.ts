import * as l10n from '@vscode/l10n';
import type { AccountData } from './accountData';
import { packCertificates } from '../cloudflare/types';
import { daysLeft } from '../x509/certificateSummary';
import { clientCertificateName } from './clientCertificateInfo';
import { NodeIds } from './nodeIds';
import { packKeyType } from './packExpiry';

/** A certificate Cloudflare holds that expires within the warning window (or has expired). */
export interface ExpiringCertificate {
  readonly zoneId: string;
  readonly kind: 'aop' | 'pack';
  /** The tree id of the node that shows it. */
  readonly nodeId: string;
  /** As the tree names it: the client certificate's CN or first SAN; the hostname and key type for a pack. */
  readonly label: string;
  readonly notAfter: Date;
  readonly expired: boolean;
  /** Cloudflare's id of the certificate, and its status there. */
  readonly certificateId: string;
  readonly status?: string;
}

/** Statuses of a client certificate that is on its way out: it is not counted. */
const LEAVING = new Set(['deleted', 'pending_deletion']);

/** Pure walk over what has loaded; no request is made. Soonest first. */
export function findExpiring(data: AccountData, now: Date, warningDays: number): ExpiringCertificate[] {
  const found: ExpiringCertificate[] = [];
  // The label is built only for a certificate inside the window: naming a client certificate parses
  // its PEM, and this runs after every load, over every certificate of every zone.
  const add = (entry: Omit<ExpiringCertificate, 'expired' | 'label'>, label: () => string) => {
    if (daysLeft(entry.notAfter, now) <= warningDays) {
      found.push({ ...entry, label: label(), expired: entry.notAfter.getTime() <= now.getTime() });
    }
  };
  const loaded = data.loaded();
  for (const [zoneId, aop] of loaded.aop) {
    for (const certificate of aop.certificates) {
      if (certificate.expires_on && !LEAVING.has(certificate.status ?? '')) {
        add(
          {
            zoneId,
            kind: 'aop',
            nodeId: NodeIds.aopCertificate(zoneId, certificate.id),
            notAfter: new Date(certificate.expires_on),
            certificateId: certificate.id,
            status: certificate.status,
          },
          () => clientCertificateName(certificate),
        );
      }
    }
  }
  for (const [zoneId, list] of loaded.customHostnames) {
    for (const hostname of list.items) {
      for (const certificate of packCertificates(hostname)) {
        if (certificate.expires_on) {
          const nodeId = NodeIds.packCertificate(zoneId, hostname.id, hostname.ssl?.id, certificate.id);
          add(
            {
              zoneId,
              kind: 'pack',
              nodeId,
              notAfter: new Date(certificate.expires_on),
              certificateId: certificate.id,
              status: hostname.ssl?.status,
            },
            () => `${hostname.hostname} (${packKeyType(certificate.signature) ?? l10n.t('certificate')})`,
          );
        }
      }
    }
  }
  return found.sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime());
}

/**
 * "2 expired · 3 expire within 30 days", "1 certificate expires within 30 days": the status bar's words,
 * ending in "so far" while the scan has not loaded every zone. Each part is a whole phrase per count.
 */
export function expiringSummary(expiring: readonly ExpiringCertificate[], warningDays: number, soFar = false): string {
  const expired = expiring.filter((entry) => entry.expired).length;
  const soon = expiring.length - expired;
  const parts: string[] = [];
  if (expired > 0) {
    parts.push(expiredPart(expired, soFar && soon === 0));
  }
  if (soon > 0) {
    parts.push(expired > 0 ? soonPart(soon, warningDays, soFar) : soonCertificatesPart(soon, warningDays, soFar));
  }
  return parts.join(' · ');
}

function expiredPart(count: number, soFar: boolean): string {
  if (count === 1) {
    return soFar ? l10n.t('1 expired so far') : l10n.t('1 expired');
  }
  return soFar ? l10n.t('{0} expired so far', count) : l10n.t('{0} expired', count);
}

/** After the expired part, the noun is understood: "3 expire within 30 days". */
function soonPart(count: number, days: number, soFar: boolean): string {
  if (count === 1) {
    return soFar ? l10n.t('1 expires within {0} days so far', days) : l10n.t('1 expires within {0} days', days);
  }
  return soFar ? l10n.t('{0} expire within {1} days so far', count, days) : l10n.t('{0} expire within {1} days', count, days);
}

function soonCertificatesPart(count: number, days: number, soFar: boolean): string {
  if (count === 1) {
    return soFar ? l10n.t('1 certificate expires within {0} days so far', days) : l10n.t('1 certificate expires within {0} days', days);
  }
  return soFar
    ? l10n.t('{0} certificates expire within {1} days so far', count, days)
    : l10n.t('{0} certificates expire within {1} days', count, days);
}
