import * as l10n from '@vscode/l10n';
import type { ExpiringCertificate } from '../model/expiringCertificates';
import { expiryPhrase, type ExpiryBand } from '../x509/certificateSummary';

/**
 * What a screen reader says for a row or the status bar. The tree shows status by an icon's shape and
 * colour and separates facts with "·"; these sentences say the same in words, so nothing is told by
 * colour alone. Pure, so every wording is unit-tested.
 */
export interface RowWords {
  /** The row's own label ("api.example.com"). */
  readonly name: string;
  /** What kind of thing it is ("client certificate"); left out for plain messages. */
  readonly kind?: string;
  /** The status the icon shows ("Pending deployment"). */
  readonly status?: string;
  /** What else the row's description says ("3 client certs · AOP on"); a TreeItem's boolean description has none. */
  readonly details?: string | boolean;
}

// Written as an escape: one non-ASCII character makes the whole bundle a two-byte string, slower to read at activation.
const SEPARATOR = /\s+\u00b7\s+/g;

export function rowLabel(row: RowWords): string {
  return [row.name, row.kind, row.status?.toLowerCase(), typeof row.details === 'string' ? row.details.replace(SEPARATOR, ', ') : undefined]
    .filter(Boolean)
    .join(', ');
}

/** How urgent an expiry is, in the words the settings use; an expired one says so in its phrase. */
const URGENCY: Record<ExpiryBand, string> = {
  expired: '',
  critical: ', critical',
  warning: ', warning',
  ok: '',
};

/** A row's label with its expiry: "api.example.com, client certificate, active, expires in 5 days, critical". */
export function withExpiry(label: string, notAfter: Date, now: Date, band: ExpiryBand): string {
  return `${label}, ${expiryPhrase(notAfter, now)}${URGENCY[band]}`;
}

/** A row's label while an operation runs on it: "api.example.com, client certificate, Uploading…". */
export function withActivity(label: string, activity: string): string {
  return `${label}, ${activity}`;
}

/**
 * The status bar's "⚠ 2 expired · 3 expire within 30 days" as a sentence, naming the most urgent
 * certificate and what pressing the item does.
 */
export function expiringStatusLabel(expiring: readonly ExpiringCertificate[], warningDays: number, now: Date): string {
  const expired = expiring.filter((entry) => entry.expired).length;
  const soon = expiring.length - expired;
  const first = [...expiring].sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime())[0];
  return [
    warningCounts(expired, soon, warningDays),
    first ? l10n.t('The first, {0}, {1}.', first.label, expiryPhrase(first.notAfter, now)) : undefined,
    l10n.t('Press to show them.'),
  ]
    .filter(Boolean)
    .join(' ');
}

/** How many have expired and how many expire soon: one whole sentence for each pair of counts. */
function warningCounts(expired: number, soon: number, days: number): string {
  if (expired === 0) {
    return soon === 1
      ? l10n.t('Cloudflare Certificates warning: 1 certificate expires within {0} days.', days)
      : l10n.t('Cloudflare Certificates warning: {0} certificates expire within {1} days.', soon, days);
  }
  if (soon === 0) {
    return expired === 1
      ? l10n.t('Cloudflare Certificates warning: 1 certificate has expired.')
      : l10n.t('Cloudflare Certificates warning: {0} certificates have expired.', expired);
  }
  if (expired === 1) {
    return soon === 1
      ? l10n.t('Cloudflare Certificates warning: 1 certificate has expired and 1 certificate expires within {0} days.', days)
      : l10n.t('Cloudflare Certificates warning: 1 certificate has expired and {0} certificates expire within {1} days.', soon, days);
  }
  return soon === 1
    ? l10n.t('Cloudflare Certificates warning: {0} certificates have expired and 1 certificate expires within {1} days.', expired, days)
    : l10n.t(
        'Cloudflare Certificates warning: {0} certificates have expired and {1} certificates expire within {2} days.',
        expired,
        soon,
        days,
      );
}
