import { AuthError } from '../cloudflare/errors';
import type { Zone } from '../cloudflare/types';
import type { AccountData } from './accountData';
import { Emitter, type Unsubscribe } from './emitter';

/**
 * Where the account stands, as every view shows it: no token; the token cannot be read (storage
 * unavailable) or is out of date here (changed in another window); zones loading; ready (zones
 * listed, the scan running or done); or Cloudflare rejected the token.
 */
export type AccountStatus = 'noToken' | 'storageUnavailable' | 'changedElsewhere' | 'loading' | 'ready' | 'tokenRejected';

/** What the model needs to know of the token: never the token itself, only whether there is one. */
export interface TokenSource {
  get(): Promise<string | undefined>;
  readonly storageUnavailable: boolean;
  readonly changedInAnotherWindow: boolean;
}

/** How far the background scan of every zone has come. `complete` only when every zone loaded whole. */
export interface ScanProgress {
  readonly zones: number;
  readonly scanned: number;
  readonly failed: number;
  readonly running: boolean;
  readonly complete: boolean;
}

const IDLE: ScanProgress = { zones: 0, scanned: 0, failed: 0, running: false, complete: false };

/**
 * The account as the extension knows it, whether or not any view is open. On start and on every token
 * change it lists the zones and scans each one in the background (the limiter's background lane, so a
 * person's expand or operation never waits behind it). The tree, the status bar, the hovers and the
 * expiry watch read AccountData and listen here; none of them starts the loading.
 */
export class AccountModel {
  /** Until the first token read, 'noToken' with `known` false: VS Code's unset context keys say the same. */
  private current: AccountStatus = 'noToken';
  private known = false;
  private progress: ScanProgress = IDLE;
  /** Bumped by every refresh: work of an older refresh drops its results. */
  private generation = 0;
  private scanDone: Promise<ScanProgress> = Promise.resolve(IDLE);
  private refreshing: Promise<void> = Promise.resolve();
  /** The generation whose scan has started. */
  private scanStarted = -1;
  private readonly statusChanges = new Emitter<AccountStatus>();
  private readonly scans = new Emitter<ScanProgress>();
  /** Fires whenever the status changes. */
  readonly onDidChangeStatus = this.statusChanges.event;
  /** Fires when a scan of every zone has settled (complete or not). */
  readonly onDidScan = this.scans.event;

  constructor(
    readonly data: AccountData,
    private readonly tokens: TokenSource,
  ) {}

  get status(): AccountStatus {
    return this.current;
  }

  get scan(): ScanProgress {
    return this.progress;
  }

  /** Whether what has loaded may still be missing certificates Cloudflare holds (for "still loading"). */
  get stillLoading(): boolean {
    return !this.known || this.current === 'loading' || (this.current === 'ready' && this.progress.running);
  }

  /** The scan under way, or the last one: settles when every zone has loaded or failed. */
  whenScanned(): Promise<ScanProgress> {
    return this.scanDone;
  }

  /**
   * Forget everything and know the account afresh: activation, a token change, the view's Refresh,
   * another API URL. Resolves once the zones are listed (or the status says why not); the scan goes on.
   */
  refresh(): Promise<void> {
    const refreshing = this.load();
    this.refreshing = refreshing;
    return refreshing;
  }

  /** Resolves when the latest refresh has settled its status (the zones listed, or why not). */
  async settled(): Promise<void> {
    let refreshing: Promise<void>;
    do {
      refreshing = this.refreshing;
      await refreshing;
    } while (refreshing !== this.refreshing);
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    this.data.reloadAll();
    this.setProgress(IDLE);
    // The token is read before the status moves, so a window without one never flashes "loading".
    const token = await this.tokens.get();
    if (generation !== this.generation) {
      return;
    }
    this.known = true;
    if (token) {
      this.setStatus('loading');
    } else {
      this.setStatus(
        this.tokens.storageUnavailable ? 'storageUnavailable' : this.tokens.changedInAnotherWindow ? 'changedElsewhere' : 'noToken',
      );
      return;
    }
    try {
      await this.zones();
    } catch (error) {
      if (generation === this.generation) {
        // A rejected token is a state the person must act on; any other failure shows in the view,
        // whose next look at the zones retries.
        this.setStatus(error instanceof AuthError ? 'tokenRejected' : 'ready');
      }
      return;
    }
    if (generation === this.generation) {
      this.setStatus('ready');
    }
  }

  /**
   * The zones, for any caller (the tree's roots, a command): the first listing of a refresh starts the
   * scan of every zone, whoever asked, so a zone list that failed at first and then loaded is scanned.
   */
  async zones(): Promise<readonly Zone[]> {
    const generation = this.generation;
    const zones = await this.data.zones();
    if (generation === this.generation && this.scanStarted !== generation) {
      this.scanStarted = generation;
      this.scanDone = this.scanZones(zones, generation);
    }
    return zones;
  }

  /** A load elsewhere (an expand, an operation) found the token rejected: say so everywhere. */
  tokenRejected(): void {
    this.generation += 1;
    this.setStatus('tokenRejected');
  }

  dispose(): void {
    this.generation += 1;
    this.statusChanges.dispose();
    this.scans.dispose();
  }

  private async scanZones(zones: readonly Zone[], generation: number): Promise<ScanProgress> {
    let scanned = 0;
    let failed = 0;
    let rejected = false;
    this.setProgress({ zones: zones.length, scanned, failed, running: zones.length > 0, complete: zones.length === 0 });
    await Promise.all(
      zones.map(async (zone) => {
        const results = await Promise.allSettled([
          this.data.aop(zone.id, false),
          this.data.customHostnames(zone.id, false),
          this.data.aopSettings(zone.id, false),
        ]);
        const whole = results.every((result) => result.status === 'fulfilled' && (!('complete' in result.value) || result.value.complete));
        rejected ||= results.some((result) => result.status === 'rejected' && result.reason instanceof AuthError);
        if (whole) {
          scanned += 1;
        } else {
          failed += 1;
        }
        if (generation === this.generation) {
          this.setProgress({ zones: zones.length, scanned, failed, running: true, complete: false });
        }
      }),
    );
    const done: ScanProgress = { zones: zones.length, scanned, failed, running: false, complete: failed === 0 };
    if (generation === this.generation) {
      this.setProgress(done);
      if (rejected) {
        // The token was revoked while the scan ran.
        this.tokenRejected();
      }
      this.scans.fire(done);
    }
    return done;
  }

  private setStatus(status: AccountStatus): void {
    if (status !== this.current) {
      this.current = status;
      this.statusChanges.fire(status);
    }
  }

  private setProgress(progress: ScanProgress): void {
    this.progress = progress;
  }

  /** For listeners that want both: called with the status now and on every change. */
  watchStatus(listener: (status: AccountStatus) => void): Unsubscribe {
    listener(this.current);
    return this.onDidChangeStatus(listener);
  }
}
