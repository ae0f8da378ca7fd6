import * as l10n from '@vscode/l10n';
import type { Crossing, Threshold } from '../model/expiryWatch';

const NAMED = 3;

/** "a, b, c and 2 more": a notification stays one readable line however many crossed. */
function names(crossings: readonly Crossing[]): string {
  const labels = crossings.map((crossing) => `"${crossing.certificate.label}"`);
  if (labels.length <= NAMED) {
    return labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
  }
  return l10n.t('{0} and {1} more', labels.slice(0, NAMED).join(', '), labels.length - NAMED);
}

function sentence(threshold: Threshold, crossings: readonly Crossing[], days: { warningDays: number; criticalDays: number }): string {
  const count = crossings.length;
  const subject = count === 1 ? l10n.t('1 certificate Cloudflare holds') : l10n.t('{0} certificates Cloudflare holds', count);
  switch (threshold) {
    case 'expired':
      return l10n.t('{0} expired: {1}.', subject, names(crossings));
    case 'critical':
      return l10n.t('{0} crossed {1} days to expiry: {2}.', subject, days.criticalDays, names(crossings));
    case 'warning':
      return l10n.t('{0} crossed {1} days to expiry: {2}.', subject, days.warningDays, names(crossings));
  }
}

/**
 * The expiry watch's one notification for everything that crossed at once: a sentence per threshold,
 * the most urgent first ("1 certificate Cloudflare holds expired: "a". 2 certificates … crossed 30 days …").
 */
export function expiryWatchMessage(crossings: readonly Crossing[], days: { warningDays: number; criticalDays: number }): string {
  const order: Threshold[] = ['expired', 'critical', 'warning'];
  return order
    .map((threshold) => crossings.filter((crossing) => crossing.threshold === threshold))
    .filter((group) => group.length > 0)
    .map((group) => sentence(group[0].threshold, group, days))
    .join(' ');
}
