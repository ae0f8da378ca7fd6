/**
 * Expiry in days and words, shared by the tree, the status bar and the editor. Cheap and pure: it
 * must not pull in the certificate parser.
 */
const DAY = 86_400_000;

export type ExpiryBand = 'expired' | 'critical' | 'warning' | 'ok';

/** Whole days left, rounded down; negative once expired ("expired 1 day ago" after 24 h). */
export function daysLeft(notAfter: Date, now: Date): number {
  return Math.floor((notAfter.getTime() - now.getTime()) / DAY);
}

export function expiryPhrase(notAfter: Date, now: Date): string {
  if (notAfter.getTime() <= now.getTime()) {
    const ago = Math.floor((now.getTime() - notAfter.getTime()) / DAY);
    if (ago === 0) {
      return 'expired today';
    }
    return ago === 1 ? 'expired yesterday' : `expired ${ago} days ago`;
  }
  const left = daysLeft(notAfter, now);
  if (left === 0) {
    return 'expires today';
  }
  return left === 1 ? 'expires tomorrow' : `expires in ${left} days`;
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
