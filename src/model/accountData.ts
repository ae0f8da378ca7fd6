import { getEventListeners, setMaxListeners } from 'node:events';
import type { CloudflareClient } from '../cloudflare/cloudflareClient';
import type { CustomHostname, HostnameAssociation, HostnameCertificate, Zone } from '../cloudflare/types';
import { CancelledError, PartialResultError } from '../cloudflare/errors';

export interface ZoneAopData {
  readonly certificates: readonly HostnameCertificate[];
  readonly associations: readonly HostnameAssociation[];
}

/** A zone's custom hostnames; `complete` is false when a page failed, and then `error` says why. */
export interface CustomHostnameList {
  readonly items: readonly CustomHostname[];
  readonly complete: boolean;
  readonly expected?: number;
  readonly error?: unknown;
}

/**
 * What the extension has loaded from Cloudflare, shared by the tree, the status bar and the editor
 * hovers. Each piece is loaded at most once at a time (overlapping refreshes share the request) and
 * is forgotten on failure so the next look retries. invalidate() aborts what is in flight.
 */
export class AccountData {
  private zonesLoad: Promise<readonly Zone[]> | undefined;
  private settledZones: readonly Zone[] = [];
  private readonly aopLoads = new Map<string, Promise<ZoneAopData>>();
  private readonly hostnameLoads = new Map<string, Promise<CustomHostnameList>>();
  private readonly settledAop = new Map<string, ZoneAopData>();
  private readonly settledHostnames = new Map<string, CustomHostnameList>();
  private controller = AccountData.newController();
  /** Bumped by a full invalidate(); a load aborted by it hands its callers the fresh load. */
  private generation = 0;
  private pending = 0;

  constructor(private readonly client: () => Promise<CloudflareClient>) {}

  /** One signal is shared by every load of a generation, so it legitimately has many listeners. */
  private static newController(): AbortController {
    const controller = new AbortController();
    setMaxListeners(0, controller.signal);
    return controller;
  }

  zones(): Promise<readonly Zone[]> {
    return this.followRefresh(() => this.startZones());
  }

  private startZones(): Promise<readonly Zone[]> {
    if (!this.zonesLoad) {
      const signal = this.controller.signal;
      const load = this.track(this.client().then((client) => client.listZones(signal)));
      this.zonesLoad = load;
      load.then(
        (zones) => {
          if (this.zonesLoad === load) {
            this.settledZones = zones;
          }
        },
        () => undefined,
      );
      load.catch(() => {
        if (this.zonesLoad === load) {
          this.zonesLoad = undefined;
        }
      });
    }
    return this.zonesLoad;
  }

  /** `follow: false` for background work that a refresh makes moot (the scan), so it is not redone. */
  aop(zoneId: string, follow = true): Promise<ZoneAopData> {
    return follow ? this.followRefresh(() => this.startAop(zoneId)) : this.startAop(zoneId);
  }

  private startAop(zoneId: string): Promise<ZoneAopData> {
    return this.memo(this.aopLoads, this.settledAop, zoneId, async (client, signal) => {
      const [certificates, associations] = await Promise.all([
        client.listHostnameCertificates(zoneId, signal),
        client.listHostnameAssociations(zoneId, signal),
      ]);
      return { certificates, associations };
    });
  }

  customHostnames(zoneId: string, follow = true): Promise<CustomHostnameList> {
    return follow ? this.followRefresh(() => this.startCustomHostnames(zoneId)) : this.startCustomHostnames(zoneId);
  }

  private startCustomHostnames(zoneId: string): Promise<CustomHostnameList> {
    return this.memo(this.hostnameLoads, this.settledHostnames, zoneId, async (client, signal) => {
      try {
        const items = await client.listCustomHostnames(zoneId, signal);
        return { items, complete: true };
      } catch (error) {
        // Say how much is missing rather than pass part of the list off as all of it.
        if (error instanceof PartialResultError) {
          return { items: error.loaded as CustomHostname[], complete: false, expected: error.expected, error: error.cause ?? error };
        }
        throw error;
      }
    });
  }

  /** Puts a custom hostname Cloudflare just returned into the loaded list, in place. */
  replaceCustomHostname(zoneId: string, hostname: CustomHostname): void {
    const list = this.settledHostnames.get(zoneId);
    if (!list) {
      return;
    }
    const updated: CustomHostnameList = { ...list, items: list.items.map((item) => (item.id === hostname.id ? hostname : item)) };
    this.settledHostnames.set(zoneId, updated);
    this.hostnameLoads.set(zoneId, Promise.resolve(updated));
  }

  /** What has loaded so far, without starting any request (for hovers and the status bar). */
  loaded(): { zones: readonly Zone[]; aop: ReadonlyMap<string, ZoneAopData>; customHostnames: ReadonlyMap<string, CustomHostnameList> } {
    return { zones: this.settledZones, aop: this.settledAop, customHostnames: this.settledHostnames };
  }

  /** Loads not yet settled and listeners on the current cancellation signal: both fall back to zero when idle. */
  diagnostics(): { pending: number; abortListeners: number } {
    return { pending: this.pending, abortListeners: getEventListeners(this.controller.signal, 'abort').length };
  }

  private track<T>(load: Promise<T>): Promise<T> {
    this.pending += 1;
    const settle = () => {
      this.pending -= 1;
    };
    load.then(settle, settle);
    return load;
  }

  /** Forget a zone's part, a whole zone, or everything; requests in flight for everything are aborted. */
  invalidate(zoneId?: string, part?: 'aop' | 'customHostnames'): void {
    if (zoneId === undefined) {
      this.generation += 1;
      this.controller.abort();
      this.controller = AccountData.newController();
      this.zonesLoad = undefined;
      this.settledZones = [];
      for (const map of [this.aopLoads, this.hostnameLoads, this.settledAop, this.settledHostnames]) {
        map.clear();
      }
      return;
    }
    if (part !== 'customHostnames') {
      this.aopLoads.delete(zoneId);
      this.settledAop.delete(zoneId);
    }
    if (part !== 'aop') {
      this.hostnameLoads.delete(zoneId);
      this.settledHostnames.delete(zoneId);
    }
  }

  /**
   * Someone waiting for data that a refresh has superseded gets the fresh load, not the internal
   * cancellation (which a command would otherwise take for the user cancelling).
   */
  private async followRefresh<T>(start: () => Promise<T>): Promise<T> {
    for (;;) {
      const generation = this.generation;
      try {
        return await start();
      } catch (error) {
        if (!(error instanceof CancelledError) || generation === this.generation) {
          throw error;
        }
      }
    }
  }

  private memo<T>(
    loads: Map<string, Promise<T>>,
    settled: Map<string, T>,
    key: string,
    load: (client: CloudflareClient, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const existing = loads.get(key);
    if (existing) {
      return existing;
    }
    const signal = this.controller.signal;
    const promise = this.track(this.client().then((client) => load(client, signal)));
    loads.set(key, promise);
    promise.then(
      (value) => {
        if (loads.get(key) === promise) {
          settled.set(key, value);
        }
      },
      () => {
        if (loads.get(key) === promise) {
          loads.delete(key);
        }
      },
    );
    return promise;
  }
}
