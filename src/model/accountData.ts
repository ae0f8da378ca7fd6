import { getEventListeners, setMaxListeners } from 'node:events';
import type { CloudflareClient } from '../cloudflare/cloudflareClient';
import type { CustomHostname, HostnameAssociation, HostnameCertificate, Page, Zone } from '../cloudflare/types';
import { fetchAllPages } from '../cloudflare/pagination';
import { customHostnameRecord, customHostnameRecords, type CustomHostnameRecord } from './customHostnameRecord';
import { CancelledError, PartialResultError } from '../cloudflare/errors';
import type { Lane } from '../cloudflare/requestLimiter';
import type { DataChange, DataPart } from './dataChange';
import { Emitter } from './emitter';
import { HostnameCount } from './hostnameCount';
import { HostnamePageStore, type HostnamePages } from './hostnamePages';
import { LoadMemo } from './loadMemo';

export interface ZoneAopData {
  readonly certificates: readonly HostnameCertificate[];
  readonly associations: readonly HostnameAssociation[];
}

/** A zone's custom hostnames; `complete` is false when a page failed, and then `error` says why. */
export interface CustomHostnameList {
  readonly items: readonly CustomHostnameRecord[];
  readonly complete: boolean;
  readonly expected?: number;
  readonly error?: unknown;
}

/**
 * What the extension has loaded from Cloudflare, shared by the tree, the status bar and the editor
 * hovers, and the one place that changes it. Each piece is loaded at most once at a time
 * (overlapping callers share the request) and is forgotten on failure so the next look retries.
 * Every change is announced through onDidChange, so listeners refresh exactly what it touched.
 */
export class AccountData {
  private zonesLoad: Promise<readonly Zone[]> | undefined;
  private settledZones: readonly Zone[] = [];
  private readonly aopMemo = new LoadMemo<ZoneAopData>();
  private readonly hostnameMemo = new LoadMemo<CustomHostnameList>();
  private readonly settingsMemo = new LoadMemo<{ enabled: boolean }>();
  /** The limiter lane of each load in flight, by part and zone: a person waiting for one promotes it. */
  private readonly lanes = new Map<string, Lane>();
  private controller = AccountData.newController();
  /** Bumped by reloadAll(); a load aborted by it hands its callers the fresh load. */
  private generation = 0;
  private pending = 0;
  private readonly changes = new Emitter<DataChange>();
  readonly onDidChange = this.changes.event;
  /** The custom hostnames counted so far, page by page, of those Cloudflare says each zone has. */
  readonly hostnameCount = new HostnameCount();

  private pageStore: HostnamePageStore | undefined;

  constructor(private readonly client: () => Promise<CloudflareClient>) {}

  /** A zone's custom hostnames a page at a time, for a view that shows them (hostnamePages.ts). */
  hostnamePages(zoneId: string): HostnamePages {
    this.pageStore ??= new HostnamePageStore(this.client, this, (change) => this.changes.fire(change));
    return this.pageStore.zone(zoneId);
  }

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
        () => {
          if (this.zonesLoad === load) {
            this.zonesLoad = undefined;
          }
        },
      );
    }
    return this.zonesLoad;
  }

  /** `follow: false` for background work that a refresh makes moot (the scan), so it is not redone. */
  aop(zoneId: string, follow = true): Promise<ZoneAopData> {
    const start = () =>
      this.load(this.aopMemo, zoneId, 'aop', !follow, async (client, signal) => {
        const [certificates, associations] = await Promise.all([
          client.listHostnameCertificates(zoneId, signal),
          client.listHostnameAssociations(zoneId, signal),
        ]);
        return { certificates, associations };
      });
    return follow ? this.followRefresh(start) : start();
  }

  customHostnames(zoneId: string, follow = true): Promise<CustomHostnameList> {
    const start = () =>
      this.load(this.hostnameMemo, zoneId, 'customHostnames', !follow, async (client, signal) => {
        const count = this.hostnameCount;
        count.started(zoneId);
        try {
          const items = await allCustomHostnames(client, zoneId, signal, (page) =>
            count.page(zoneId, page.items.length, page.resultInfo?.total_count),
          );
          count.settled(zoneId, items.length, true);
          return { items, complete: true };
        } catch (error) {
          // Say how much is missing rather than pass part of the list off as all of it.
          if (error instanceof PartialResultError) {
            const items = (error.loaded as CustomHostname[]).map(customHostnameRecord);
            count.settled(zoneId, items.length, false);
            return { items, complete: false, expected: error.expected, error: error.cause ?? error };
          }
          count.forget(zoneId);
          throw error;
        }
      });
    return follow ? this.followRefresh(start) : start();
  }

  /** The zone-level Authenticated Origin Pulls switch. */
  aopSettings(zoneId: string, follow = true): Promise<{ enabled: boolean }> {
    const start = () =>
      this.load(this.settingsMemo, zoneId, 'aopSettings', !follow, (client, signal) => client.getAopSettings(zoneId, signal));
    return follow ? this.followRefresh(start) : start();
  }

  /**
   * One hostname's association as Cloudflare has it now (GET …/hostnames/{hostname}), for a tooltip
   * opened on it. Not kept: it is asked for when a person looks, and is current then.
   */
  async associationDetail(zoneId: string, hostname: string, signal?: AbortSignal): Promise<HostnameAssociation> {
    const client = await this.client();
    return client.getHostnameAssociation(zoneId, hostname, signal);
  }

  /**
   * The PEM of a custom hostname's uploaded certificate, which the loaded records leave out: one GET
   * of the hostname when Show Certificate Details, Copy PEM or Save As asks for it.
   */
  async customHostnamePem(zoneId: string, hostnameId: string, signal?: AbortSignal): Promise<string | undefined> {
    const client = await this.client();
    return (await client.getCustomHostname(zoneId, hostnameId, signal)).ssl?.custom_certificate;
  }

  /** What has loaded so far, without starting any request (for hovers and the status bar). */
  loaded(): {
    zones: readonly Zone[];
    aop: ReadonlyMap<string, ZoneAopData>;
    customHostnames: ReadonlyMap<string, CustomHostnameList>;
    aopSettings: ReadonlyMap<string, { enabled: boolean }>;
  } {
    return {
      zones: this.settledZones,
      aop: this.aopMemo.settled,
      customHostnames: this.hostnameMemo.settled,
      aopSettings: this.settingsMemo.settled,
    };
  }

  // ---- Changes: operations put what Cloudflare answered here, and listeners hear of it. ----

  /**
   * The zone's client certificates as Cloudflare now lists them; the associations stay as loaded.
   * When they are not loaded (a reloadAll came between), the part is forgotten so the next look loads
   * both lists: an empty list of associations made up here would show every certificate unused.
   */
  setCertificates(zoneId: string, certificates: readonly HostnameCertificate[]): void {
    const loaded = this.aopMemo.settled.get(zoneId);
    if (loaded) {
      this.aopMemo.put(zoneId, { certificates, associations: loaded.associations });
    } else {
      this.aopMemo.forget(zoneId);
    }
    this.changes.fire({ zoneId, part: 'aop', cause: 'operation' });
  }

  setAop(zoneId: string, aop: ZoneAopData): void {
    this.aopMemo.put(zoneId, aop);
    this.changes.fire({ zoneId, part: 'aop', cause: 'operation' });
  }

  /** Puts a custom hostname Cloudflare just returned into the loaded list, in place. */
  replaceCustomHostname(zoneId: string, answer: CustomHostname): void {
    const hostname = customHostnameRecord(answer);
    const list = this.hostnameMemo.settled.get(zoneId);
    if (list) {
      this.hostnameMemo.put(zoneId, { ...list, items: list.items.map((item) => (item.id === hostname.id ? hostname : item)) });
    }
    this.changes.fire({ zoneId, part: 'customHostnames', itemId: hostname.id, cause: 'operation' });
  }

  setAopSettings(zoneId: string, settings: { enabled: boolean }): void {
    this.settingsMemo.put(zoneId, settings);
    this.changes.fire({ zoneId, part: 'aopSettings', cause: 'operation' });
  }

  // ---- Refresh verbs. Re-rendering without a request is the view's business, not the data's. ----

  /** Forget everything and abort what is in flight (the view's Refresh, a token or API URL change). */
  reloadAll(): void {
    this.generation += 1;
    this.controller.abort();
    this.controller = AccountData.newController();
    this.zonesLoad = undefined;
    this.settledZones = [];
    this.lanes.clear();
    for (const memo of [this.aopMemo, this.hostnameMemo, this.settingsMemo]) {
      memo.clear();
    }
    this.hostnameCount.forget();
    this.changes.fire({ cause: 'reload' });
  }

  /** Forget one part of one zone (or all its parts) so the next look loads it again. */
  reload(zoneId: string, part?: DataPart): void {
    for (const [memoPart, memo] of [
      ['aop', this.aopMemo],
      ['customHostnames', this.hostnameMemo],
      ['aopSettings', this.settingsMemo],
    ] as const) {
      if (part === undefined || part === memoPart) {
        memo.forget(zoneId);
      }
    }
    if (part === undefined || part === 'customHostnames') {
      this.hostnameCount.forget(zoneId);
    }
    this.changes.fire({ zoneId, part, cause: 'reload' });
  }

  /** Loads not yet settled and listeners on the current cancellation signal: both fall back to zero when idle. */
  diagnostics(): { pending: number; abortListeners: number; changeListeners: number } {
    return {
      pending: this.pending,
      abortListeners: getEventListeners(this.controller.signal, 'abort').length,
      changeListeners: this.changes.listenerCount,
    };
  }

  dispose(): void {
    this.controller.abort();
    this.changes.dispose();
    this.hostnameCount.dispose();
  }

  private load<T>(
    memo: LoadMemo<T>,
    zoneId: string,
    part: DataPart,
    background: boolean,
    load: (client: CloudflareClient, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const key = `${part}/${zoneId}`;
    const inFlight = this.lanes.get(key);
    if (inFlight && !background) {
      // A person now waits for what the scan started: its queued requests go ahead of the scan's.
      inFlight.lane = 'user';
    }
    const signal = this.controller.signal;
    return memo.get(
      zoneId,
      () => {
        const lane: Lane = { lane: background ? 'background' : 'user' };
        this.lanes.set(key, lane);
        const loading = this.track(this.client().then((client) => load(client.withLane(lane), signal)));
        const settle = () => {
          if (this.lanes.get(key) === lane) {
            this.lanes.delete(key);
          }
        };
        loading.then(settle, settle);
        return loading;
      },
      () => this.changes.fire({ zoneId, part, cause: 'load' }),
    );
  }

  private track<T>(load: Promise<T>): Promise<T> {
    this.pending += 1;
    const settle = () => {
      this.pending -= 1;
    };
    load.then(settle, settle);
    return load;
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
}

/**
 * Every custom hostname of a zone, 1,000 a page (the most the API allows), each page turned into slim
 * records as it arrives so no page's API objects (each with its PEM) outlive their page.
 */
function allCustomHostnames(
  client: CloudflareClient,
  zoneId: string,
  signal: AbortSignal,
  onPage: (page: Page<CustomHostnameRecord>) => void,
): Promise<CustomHostnameRecord[]> {
  return fetchAllPages(
    async (page, perPage) => {
      const answer = await client.listCustomHostnameEntries(zoneId, page, perPage, signal);
      const records = { resultInfo: answer.resultInfo, items: await customHostnameRecords(answer.entries) };
      onPage(records);
      return records;
    },
    { perPage: 1000, concurrency: 4, maxPages: 1000 },
  );
}
