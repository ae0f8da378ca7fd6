import * as l10n from '@vscode/l10n';
import { sharedLoopShare, type LoopShare } from '../cloudflare/loopShare';
import type { AccountData } from './accountData';
import { forEachPackExpiry, type CustomHostnameRecord } from './customHostnameRecord';
import { packCertificates, type PackCertificate } from '../cloudflare/types';
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

/**
 * A pack certificate in the window. A large SaaS zone can have thousands at once, and the status bar
 * keeps the list: each is a few fields over the hostname's record, its tree id and label made when
 * read (6,313 of them had cost 7.3 MB as strings made up front).
 */
class ExpiringPackCertificate implements ExpiringCertificate {
  constructor(
    readonly zoneId: string,
    private readonly hostname: CustomHostnameRecord,
    private readonly certificate: PackCertificate,
    private readonly notAfterMs: number,
    readonly expired: boolean,
  ) {}

  get kind(): 'pack' {
    return 'pack';
  }
  get nodeId(): string {
    return NodeIds.packCertificate(this.zoneId, this.hostname.id, this.hostname.ssl?.id, this.certificate.id);
  }
  get label(): string {
    return `${this.hostname.hostname} (${packKeyType(this.certificate.signature) ?? l10n.t('certificate')})`;
  }
  get notAfter(): Date {
    return new Date(this.notAfterMs);
  }
  get certificateId(): string {
    return this.certificate.id;
  }
  get status(): string | undefined {
    return this.hostname.ssl?.status;
  }
}

interface PacksInWindow {
  readonly cutoffMs: number;
  readonly hostnames: CustomHostnameRecord[];
  /** Which of the hostname's pack certificates, and its expiry in ms. */
  readonly indexes: number[];
  readonly expiries: number[];
}

/**
 * The pack certificates of a loaded list that expire before the cutoff, walked once per list and
 * window: a scan settles zone by zone and the status bar asks after each, so only the new zone's
 * 100,000 hostnames are walked, not every zone's again. A changed list is a new array (AccountData
 * never edits one in place).
 */
const walked = new WeakMap<readonly CustomHostnameRecord[], PacksInWindow>();

/** Walked already for this window, or undefined. */
function walkedFor(hostnames: readonly CustomHostnameRecord[], cutoffMs: number): PacksInWindow | undefined {
  const known = walked.get(hostnames);
  return known?.cutoffMs === cutoffMs ? known : undefined;
}

/** Hostnames walked between looks at the turn's budget: 1,000 take about 0.4 ms. */
const WALK_STEP = 1_000;

/**
 * The one walk of a list for a window, WALK_STEP hostnames per step: findExpiring runs it through at
 * once, prepareExpiring a step per turn of the event loop. Remembered when done.
 */
function* walk(hostnames: readonly CustomHostnameRecord[], cutoffMs: number): Generator<void, PacksInWindow> {
  const inside: PacksInWindow = { cutoffMs, hostnames: [], indexes: [], expiries: [] };
  for (let from = 0; from < hostnames.length; from += WALK_STEP) {
    yield;
    for (let at = from; at < Math.min(hostnames.length, from + WALK_STEP); at += 1) {
      const hostname = hostnames[at];
      forEachPackExpiry(hostname, (notAfterMs, index) => {
        // NaN (no expiry) is never before the cutoff.
        if (notAfterMs < cutoffMs) {
          inside.hostnames.push(hostname);
          inside.indexes.push(index);
          inside.expiries.push(notAfterMs);
        }
      });
    }
  }
  walked.set(hostnames, inside);
  return inside;
}

function packsBefore(hostnames: readonly CustomHostnameRecord[], cutoffMs: number): PacksInWindow {
  const known = walkedFor(hostnames, cutoffMs);
  if (known) {
    return known;
  }
  const steps = walk(hostnames, cutoffMs);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      return step.value;
    }
  }
}

/**
 * Walks every loaded list that has not been walked for this window, within the process's budget per
 * turn (loopShare.ts), so that findExpiring after it is a look-up: the first walk of a zone of
 * 100,000 hostnames took 45 ms in one piece, in the extension host every extension shares.
 */
export async function prepareExpiring(data: AccountData, now: Date, warningDays: number, loop: LoopShare = sharedLoopShare): Promise<void> {
  const cutoffMs = cutoffOf(now, warningDays);
  for (const list of data.loaded().customHostnames.values()) {
    if (!walkedFor(list.items, cutoffMs)) {
      const steps = walk(list.items, cutoffMs);
      while (!steps.next().done) {
        await loop.pace();
      }
    }
  }
}

/** In the window when its UTC day is at most warningDays after today's (daysLeft), i.e. before this. */
function cutoffOf(now: Date, warningDays: number): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + warningDays + 1);
}

/** Pure walk over what has loaded; no request is made. Soonest first. */
export function findExpiring(data: AccountData, now: Date, warningDays: number): ExpiringCertificate[] {
  const found: ExpiringCertificate[] = [];
  const nowMs = now.getTime();
  const inWindow = (notAfter: Date) => daysLeft(notAfter, now) <= warningDays;
  const loaded = data.loaded();
  for (const [zoneId, aop] of loaded.aop) {
    for (const certificate of aop.certificates) {
      const notAfter = certificate.expires_on ? new Date(certificate.expires_on) : undefined;
      if (notAfter && !LEAVING.has(certificate.status ?? '') && inWindow(notAfter)) {
        found.push({
          zoneId,
          kind: 'aop',
          nodeId: NodeIds.aopCertificate(zoneId, certificate.id),
          // Named only inside the window: naming a client certificate parses its PEM.
          label: clientCertificateName(certificate),
          notAfter,
          expired: notAfter.getTime() <= nowMs,
          certificateId: certificate.id,
          status: certificate.status,
        });
      }
    }
  }
  const cutoffMs = cutoffOf(now, warningDays);
  for (const [zoneId, list] of loaded.customHostnames) {
    const inside = packsBefore(list.items, cutoffMs);
    for (let at = 0; at < inside.hostnames.length; at += 1) {
      const hostname = inside.hostnames[at];
      const ms = inside.expiries[at];
      const certificate = packCertificates(hostname)[inside.indexes[at]];
      found.push(new ExpiringPackCertificate(zoneId, hostname, certificate, ms, ms <= nowMs));
    }
  }
  // Each entry's time read once: a pack entry makes its Date when asked.
  return found
    .map((entry) => ({ entry, ms: entry.notAfter.getTime() }))
    .sort((a, b) => a.ms - b.ms)
    .map(({ entry }) => entry);
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
