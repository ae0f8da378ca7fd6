import * as l10n from '@vscode/l10n';
/**
 * Expiry in days and words, shared by the tree, the status bar and the editor. Cheap and pure: it
 * must not pull in the certificate parser.
 */
const DAY = 86_400_000;

export type ExpiryBand = 'expired' | 'critical' | 'warning' | 'ok';

/**
 * Calendar days (UTC) from today to the expiry date: the way people read a date. A 90-day
 * certificate made today "expires in 90 days", whatever the hour; one that ends tonight "expires
 * today"; one that ended yesterday "expired yesterday". Negative once the expiry date is past.
 */
export function daysLeft(notAfter: Date, now: Date): number {
  return Math.round((utcDay(notAfter) - utcDay(now)) / DAY);
}

function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

export function expiryPhrase(notAfter: Date, now: Date): string {
  if (notAfter.getTime() <= now.getTime()) {
    const ago = -daysLeft(notAfter, now);
    if (ago <= 0) {
      return l10n.t('expired today');
    }
    return ago === 1 ? l10n.t('expired yesterday') : l10n.t('expired {0} days ago', ago);
  }
  const left = daysLeft(notAfter, now);
  if (left === 0) {
    return l10n.t('expires today');
  }
  return left === 1 ? l10n.t('expires tomorrow') : l10n.t('expires in {0} days', left);
}

export function expiryBand(notAfter: Date, now: Date, warningDays: number, criticalDays: number): ExpiryBand {
  if (notAfter.getTime() <= now.getTime()) {
    return 'expired';
  }
  const left = daysLeft(notAfter, now);
  if (left <= criticalDays) {
    return 'critical';
  }
  return left <= warningDays ? 'warning' : 'ok';
}
