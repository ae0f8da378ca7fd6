import Cloudflare from 'cloudflare';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CloudflareClient } from '../src/cloudflare/cloudflareClient';
import type { FetchLike } from '../src/cloudflare/fetchLike';
import { RequestLimiter } from '../src/cloudflare/requestLimiter';
import { AccountData } from '../src/model/accountData';
import { collectedHeapMb } from '../test/support/collectedHeap';

/**
 * Scenario 1 and 2: walking everything the tree and the status-bar count need, with our client and
 * with Cloudflare's official SDK, against the emulator in its own process.
 */
export interface ScanResult {
  readonly ms: number;
  readonly requests: number;
  readonly peakConcurrent: number;
  readonly items: number;
}

/** What the scan cost this process: its CPU time and how long it held the event loop. */
export interface OurScanResult extends ScanResult {
  readonly customHostnames: number;
  readonly cpuMs: number;
  /** Sampled only in walks that asked for it. */
  readonly loop: LoopDelay | undefined;
}

const nodeFetch: FetchLike = async (url, init) => {
  const { default: fetch } = await import('node-fetch');
  return fetch(url, init as Parameters<typeof fetch>[1]);
};

export class EmulatorControl {
  constructor(readonly baseUrl: string) {}

  private get root(): string {
    return this.baseUrl.replace('/client/v4', '/__emulator');
  }

  async resetStats(): Promise<void> {
    await fetch(`${this.root}/stats`, { method: 'DELETE' });
  }

  async stats(): Promise<{ total: number; peakConcurrent: number }> {
    return (await fetch(`${this.root}/stats`)).json() as Promise<{ total: number; peakConcurrent: number }>;
  }

  async setLatency(ms: number): Promise<void> {
    await fetch(`${this.root}/latency`, { method: 'POST', body: JSON.stringify({ ms }) });
  }
}

export function ourClient(baseUrl: string, limiter = new RequestLimiter(), fetch = nodeFetch): CloudflareClient {
  return new CloudflareClient({ baseUrl, getToken: async () => 'demo-token', fetch, limiter });
}

/**
 * Our walk: the zone list, then every zone's certificates, associations and custom hostnames at once.
 * The URLs it requests are added to `requested` when given. The event loop's delay is sampled only when
 * asked: a timer every millisecond costs CPU of its own, so the timed walks go without it.
 */
export async function ourScan(
  control: EmulatorControl,
  options: { requested?: string[]; watchLoop?: boolean } = {},
): Promise<OurScanResult> {
  const { requested } = options;
  await control.resetStats();
  const fetch: FetchLike = requested ? (url, init) => (requested.push(url), nodeFetch(url, init)) : nodeFetch;
  // One client and so one limiter for the whole walk, as the extension's ClientFactory provides.
  const client = ourClient(control.baseUrl, undefined, fetch);
  const data = new AccountData(async () => client);
  const loop = options.watchLoop ? startLoopDelay() : undefined;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const zones = await data.zones();
  const loaded = await Promise.all(zones.map((zone) => Promise.all([data.aop(zone.id), data.customHostnames(zone.id)])));
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const delay = loop?.stop();
  const items = loaded.reduce(
    (sum, [aop, hostnames]) => sum + aop.certificates.length + aop.associations.length + hostnames.items.length,
    zones.length,
  );
  const stats = await control.stats();
  const customHostnames = loaded.reduce((sum, [, hostnames]) => sum + hostnames.items.length, 0);
  const cpuMs = (used.user + used.system) / 1000;
  return { ms, requests: stats.total, peakConcurrent: stats.peakConcurrent, items, customHostnames, cpuMs, loop: delay };
}

/**
 * The same requests as a walk of ours, eight at a time, each answer read as text and nothing more:
 * what the latency, the emulator, the transfer and node-fetch cost on this machine before our client
 * does anything with an answer. The zone list goes first and alone, as the walk needs it for the rest.
 */
export async function answersOnlyScan(urls: readonly string[]): Promise<number> {
  const [first, ...rest] = urls;
  const read = async (url: string) =>
    (await nodeFetch(url, { method: 'GET', headers: { Authorization: 'Bearer demo-token' }, redirect: 'manual' })).text();
  const started = performance.now();
  await read(first);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < rest.length) {
        await read(rest[next++]);
      }
    }),
  );
  return performance.now() - started;
}

export interface LoopDelay {
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** Sampled every millisecond; each figure includes that millisecond, so an idle loop reads about 1 ms. */
export function startLoopDelay(): { stop: () => LoopDelay } {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  return {
    stop: () => {
      histogram.disable();
      return { p99Ms: histogram.percentile(99) / 1e6, maxMs: histogram.max / 1e6 };
    },
  };
}

/** The same measure with nothing running, for the same time: what the machine itself adds. */
export async function idleLoopDelay(ms: number): Promise<LoopDelay> {
  const loop = startLoopDelay();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return loop.stop();
}

/** The same data the way a user's script would walk it with the SDK: its auto-pagination and defaults. */
export async function sdkScan(control: EmulatorControl): Promise<ScanResult> {
  await control.resetStats();
  const client = new Cloudflare({ apiToken: 'demo-token', baseURL: control.baseUrl });
  const started = performance.now();
  let items = 0;
  for await (const zone of client.zones.list()) {
    items += 1;
    for await (const certificate of client.originTLSClientAuth.hostnameCertificates.list({ zone_id: zone.id })) {
      void certificate;
      items += 1;
    }
    // The SDK has no list method for hostname associations; its raw request is how a script gets them.
    const associations = (await client.get(`/zones/${zone.id}/origin_tls_client_auth/hostnames`, {
      query: { status: 'all', per_page: 1000 },
    })) as { result: unknown[] };
    items += associations.result.length;
    for await (const hostname of client.customHostnames.list({ zone_id: zone.id })) {
      void hostname;
      items += 1;
    }
  }
  const ms = performance.now() - started;
  const stats = await control.stats();
  return { ms, requests: stats.total, peakConcurrent: stats.peakConcurrent, items };
}

/**
 * What expanding a zone waits for, as ZoneNode.getChildren asks it: the AOP lists, the zone's AOP switch
 * and the custom hostnames' first page (for the count). The whole hostname list is never waited for.
 */
function zoneChildrenData(data: AccountData, zoneId: string): Promise<unknown> {
  return Promise.all([data.aop(zoneId), data.hostnamePages(zoneId).count(), data.aopSettings(zoneId)]);
}

/** Scenario 2: expanding one zone needs its two groups' data; how many round trips is that? */
export async function expandZone(
  control: EmulatorControl,
  latencyMs: number,
): Promise<{ ms: number; requests: number; roundTrips: number }> {
  const client = ourClient(control.baseUrl);
  const data = new AccountData(async () => client);
  const [zone] = await data.zones();
  await control.resetStats();
  const started = performance.now();
  await zoneChildrenData(data, zone.id);
  const ms = performance.now() - started;
  const stats = await control.stats();
  return { ms, requests: stats.total, roundTrips: Math.round(ms / latencyMs) };
}

/**
 * Scenario 2 again, while the background scan of every zone is under way, as after activation: the
 * scan's requests queue in the background lane, so the zone a person expands (the last one the scan
 * would reach) must not wait behind them. The scan is left to finish before the next run.
 */
export async function expandZoneDuringScan(
  control: EmulatorControl,
  latencyMs: number,
): Promise<{ ms: number; roundTrips: number; scanStillRunning: boolean }> {
  const client = ourClient(control.baseUrl);
  const data = new AccountData(async () => client);
  const zones = await data.zones();
  let scanDone = false;
  // As AccountModel.scanZones starts it: `follow: false` puts each load in the background lane.
  const scan = Promise.all(zones.map((zone) => Promise.all([data.aop(zone.id, false), data.customHostnames(zone.id, false)]))).then(
    () => (scanDone = true),
  );
  // Let the scan fill the limiter's queue first.
  await new Promise((resolve) => setTimeout(resolve, latencyMs / 2));
  const target = zones[zones.length - 1];
  const started = performance.now();
  await zoneChildrenData(data, target.id);
  const ms = performance.now() - started;
  const scanStillRunning = !scanDone;
  await scan;
  return { ms, roundTrips: Math.round(ms / latencyMs), scanStillRunning };
}

/** Scenario 5: heap growth from a full scan held in memory (run with --expose-gc). */
export async function scanHeapGrowthMb(control: EmulatorControl): Promise<number> {
  const before = collectedHeapMb();
  const client = ourClient(control.baseUrl);
  const data = new AccountData(async () => client);
  const zones = await data.zones();
  await Promise.all(zones.map((zone) => Promise.all([data.aop(zone.id), data.customHostnames(zone.id)])));
  const after = collectedHeapMb();
  // Keep the data alive until after the measurement.
  void data.loaded();
  return after - before;
}
