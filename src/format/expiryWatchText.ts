import * as l10n from '@vscode/l10n';
import type { Crossing, Threshold } from '../model/expiryWatch';

const NAMED = 3;

/** "a, b, c and 2 more": a notification stays one readable line however many crossed. */
function names(crossings: readonly Crossing[]): string {
  const labels = crossings.map((crossing) => `"${crossing.certificate.label}"`);
  if (labels.length <= NAMED) {
    return labels.length === 1 ? labels[0] : l10n.t('{0} and {1}', labels.slice(0, -1).join(', '), labels[labels.length - 1]);
  }
  return l10n.t('{0} and {1} more', labels.slice(0, NAMED).join(', '), labels.length - NAMED);
}

function sentence(threshold: Threshold, crossings: readonly Crossing[], days: { warningDays: number; criticalDays: number }): string {
  const count = crossings.length;
  const named = names(crossings);
  if (threshold === 'expired') {
    return count === 1
      ? l10n.t('1 certificate Cloudflare holds expired: {0}.', named)
      : l10n.t('{0} certificates Cloudflare holds expired: {1}.', count, named);
  }
  const within = threshold === 'critical' ? days.criticalDays : days.warningDays;
  return count === 1
    ? l10n.t('1 certificate Cloudflare holds crossed {0} days to expiry: {1}.', within, named)
    : l10n.t('{0} certificates Cloudflare holds crossed {1} days to expiry: {2}.', count, within, named);
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
