import { daysLeft } from '../x509/certificateSummary';
import type { AccountModel } from './accountModel';
import type { Unsubscribe } from './emitter';
import { findExpiring, prepareExpiring, type ExpiringCertificate } from './expiringCertificates';

/** The windows a certificate crosses on its way out, mildest first. */
export type Threshold = 'warning' | 'critical' | 'expired';

export interface Crossing {
  readonly threshold: Threshold;
  readonly certificate: ExpiringCertificate;
}

/** Where the watch remembers what it has said: global state, shared by every window and reload. */
export interface NotifiedStore {
  get(): readonly string[];
  set(keys: readonly string[]): Thenable<void> | Promise<void>;
}

export interface ExpiryWatchOptions {
  readonly window: () => { warningDays: number; criticalDays: number };
  /** Hours between background checks; 0 turns the watch off. */
  readonly intervalHours: () => number;
  readonly now: () => Date;
  readonly notify: (crossings: readonly Crossing[]) => void;
}

/** Remembered keys beyond this are dropped oldest first: certificates come and go over years. */
const MAX_REMEMBERED = 5_000;
const HOUR_MS = 3_600_000;

/** The threshold a certificate is past now, or undefined when it is outside the warning window. */
export function thresholdOf(notAfter: Date, now: Date, warningDays: number, criticalDays: number): Threshold | undefined {
  if (notAfter.getTime() <= now.getTime()) {
    return 'expired';
  }
  const left = daysLeft(notAfter, now);
  return left <= criticalDays ? 'critical' : left <= warningDays ? 'warning' : undefined;
}

/**
 * The same certificate past the same threshold is one key, whatever window or reload sees it; a
 * renewal in place (same id, new expiry) is a new certificate to the watch.
 */
export function crossingKey(certificate: ExpiringCertificate, threshold: Threshold): string {
  return `${certificate.nodeId}@${certificate.notAfter.toISOString().slice(0, 10)}#${threshold}`;
}

/**
 * Watches the account for certificates that cross the warning or critical window or expire, and says
 * so once per certificate per threshold. It checks after every complete scan of the account (a scan
 * that could not finish says nothing: partial data cannot tell what crossed), re-scans in the
 * background every `intervalHours`, and when the window regains focus after that interval.
 */
export class ExpiryWatch {
  private lastCheck = 0;
  private checking: Promise<readonly Crossing[]> = Promise.resolve([]);
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly subscription: Unsubscribe;

  constructor(
    private readonly account: AccountModel,
    private readonly store: NotifiedStore,
    private readonly options: ExpiryWatchOptions,
  ) {
    this.subscription = account.onDidScan((scan) => {
      if (scan.complete) {
        this.checking = this.check();
      }
    });
    this.schedule();
  }

  /** The check that the latest complete scan started: what it notified. */
  whenChecked(): Promise<readonly Crossing[]> {
    return this.checking;
  }

  /** Starts (or stops) the background timer for the current interval setting. */
  schedule(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    const hours = this.options.intervalHours();
    if (hours > 0) {
      this.timer = setInterval(() => this.recheck(), hours * HOUR_MS);
      // A watch is no reason to keep a process alive.
      this.timer.unref?.();
    }
  }

  /** The window regained focus: re-scan if the interval has passed since the last check. */
  onFocus(): void {
    const hours = this.options.intervalHours();
    if (hours > 0 && this.options.now().getTime() - this.lastCheck >= hours * HOUR_MS) {
      this.recheck();
    }
  }

  /**
   * Compares what the account holds now with what has been said, notifies what is new, and remembers
   * it first (so a second window checking at the same time finds it said). Returns what it notified.
   */
  async check(): Promise<readonly Crossing[]> {
    const hours = this.options.intervalHours();
    if (hours <= 0 || this.account.status !== 'ready' || !this.account.scan.complete) {
      return [];
    }
    const now = this.options.now();
    this.lastCheck = now.getTime();
    const { warningDays, criticalDays } = this.options.window();
    const said = new Set(this.store.get());
    const crossings: Crossing[] = [];
    await prepareExpiring(this.account.data, now, warningDays);
    for (const certificate of findExpiring(this.account.data, now, warningDays)) {
      const threshold = thresholdOf(certificate.notAfter, now, warningDays, criticalDays);
      if (threshold && !said.has(crossingKey(certificate, threshold))) {
        crossings.push({ threshold, certificate });
      }
    }
    if (crossings.length === 0) {
      return [];
    }
    const remembered = [...said, ...crossings.map((crossing) => crossingKey(crossing.certificate, crossing.threshold))];
    await this.store.set(remembered.slice(-MAX_REMEMBERED));
    this.options.notify(crossings);
    return crossings;
  }

  private recheck(): void {
    this.lastCheck = this.options.now().getTime();
    // A fresh scan; its completion runs check(). One that cannot finish says nothing and waits for the next.
    void this.account.refresh();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscription.dispose();
  }
}
