import * as assert from 'node:assert/strict';
import { PartialResultError, ServerError } from '../../../src/cloudflare/errors';
import { fetchAllPages } from '../../../src/cloudflare/pagination';
import { RequestLimiter } from '../../../src/cloudflare/requestLimiter';
import type { Page } from '../../../src/cloudflare/types';
import { ContractValidator } from '../../contract/openapiValidator';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import { harness, rejection } from './clientHarness';

const HOSTNAMES = 3500;
const PAGE_ONE = '(^|&)page=1(&|$)';

// listCustomHostnames over a scale seed: 3,500 hostnames are four pages of 1,000.
describe('pagination of custom hostnames (scale seed)', () => {
  let emulator: Emulator;
  const zoneId = () => emulator.state.zones[0].id;
  const pages = () => emulator.log.entries().map((entry) => Number(entry.query.page));

  before(async () => {
    emulator = await startEmulator({
      port: 0,
      seed: { zones: 1, certificatesPerZone: 0, associationsPerCertificate: 0, customHostnamesPerZone: HOSTNAMES },
      transitionMs: 50,
      validator: new ContractValidator(),
    });
  });
  beforeEach(() => {
    emulator.faults.clear();
    emulator.log.clear();
    emulator.resetStats();
    // Latency keeps concurrent requests in flight together, so concurrency is observable.
    emulator.latencyMs = 50;
  });
  after(() => emulator.close());

  it("fetches page 1, then the rest concurrently, 1,000 a page, within the limiter's cap", async () => {
    const { client } = harness(emulator.baseUrl, { limiter: new RequestLimiter({ maxConcurrent: 2 }) });
    const all = await client.listCustomHostnames(zoneId());
    assert.equal(all.length, HOSTNAMES);
    assert.equal(new Set(all.map((hostname) => hostname.id)).size, HOSTNAMES);
    const log = emulator.log.entries();
    assert.deepEqual(pages().slice(0, 1), [1]);
    assert.deepEqual([...pages()].sort(), [1, 2, 3, 4]);
    assert.ok(log.every((entry) => entry.query.per_page === '1000'));
    assert.ok(
      log.slice(1).every((entry) => entry.startedAt >= log[0].endedAt),
      'page 1 finished before the others started',
    );
    assert.equal(emulator.stats().peakConcurrent, 2, "pages 2-4 at once, held to the limiter's 2");
    assert.equal(client.limiter.stats().peakInFlight, 2);
  });

  it('without a tight limiter, runs pages 2-4 together (at most the concurrency of 4)', async () => {
    const { client } = harness(emulator.baseUrl);
    assert.equal((await client.listCustomHostnames(zoneId())).length, HOSTNAMES);
    assert.equal(emulator.stats().peakConcurrent, 3);
    assert.ok(client.limiter.stats().peakInFlight <= 4);
  });

  it('stops at the first short page when result_info inflates total_pages', async () => {
    emulator.faults.add({ kind: 'lyingResultInfo', mode: 'inflateTotalPages', times: Infinity });
    const { client } = harness(emulator.baseUrl);
    assert.equal((await client.listCustomHostnames(zoneId())).length, HOSTNAMES);
    assert.ok(emulator.log.entries().every((entry) => entry.fault === 'lyingResultInfo'));
    assert.deepEqual([...pages()].sort(), [1, 2, 3, 4, 5], 'page 1 and one wave of 4, not 10,000 pages');
  });

  it('walks one page at a time until a short page when result_info omits total_pages', async () => {
    emulator.faults.add({ kind: 'lyingResultInfo', mode: 'omitTotalPages', times: Infinity });
    const { client } = harness(emulator.baseUrl);
    assert.equal((await client.listCustomHostnames(zoneId())).length, HOSTNAMES);
    const log = emulator.log.entries();
    assert.deepEqual(pages(), [1, 2, 3, 4]);
    log
      .slice(1)
      .forEach((entry, index) => assert.ok(entry.startedAt >= log[index].endedAt, `page ${index + 2} overlapped page ${index + 1}`));
    assert.equal(emulator.stats().peakConcurrent, 1);
  });

  it('drops duplicates when the list shifts between pages', async () => {
    const state = emulator.state;
    let shifted = false;
    const { client } = harness(emulator.baseUrl, {
      around: async (url, init, next) => {
        const response = await next(url, init);
        if (!shifted && /[?&]page=1&/.test(url)) {
          // A hostname added at the front after page 1 pushes page 1's last item onto page 2.
          shifted = true;
          state.addCustomHostname(zoneId(), 'inserted.scale.test', { first: true });
        }
        return response;
      },
    });
    try {
      const all = await client.listCustomHostnames(zoneId());
      assert.ok(shifted);
      assert.equal(all.length, HOSTNAMES, 'served 3,501 items including one duplicate');
      assert.equal(new Set(all.map((hostname) => hostname.id)).size, HOSTNAMES);
      assert.ok(!all.some((hostname) => hostname.hostname === 'inserted.scale.test'));
    } finally {
      state.removeCustomHostname(state.customHostnames.find((record) => record.hostname === 'inserted.scale.test')!);
    }
    assert.equal(state.customHostnames.length, HOSTNAMES);
  });

  it('a failing page 2 throws PartialResultError with what loaded and the expected count', async () => {
    emulator.faults.add({ kind: 'serverError', query: 'page=2', times: Infinity });
    const { client } = harness(emulator.baseUrl, { maxRetries: 1 });
    const error = await rejection(client.listCustomHostnames(zoneId()));
    assert.ok(error instanceof PartialResultError, error.name);
    assert.equal(error.loaded.length, 1000);
    assert.equal(error.expected, HOSTNAMES);
    assert.ok(error.cause instanceof ServerError);
    assert.match(error.message, /^Only 1000 of 3500 loaded: Cloudflare answered with a server error \(500\)/);
    assert.equal(emulator.log.entries().filter((entry) => entry.query.page === '2').length, 2, 'page 2 was retried once');
  });

  it('a failing first page is the plain error, not a partial result', async () => {
    emulator.faults.add({ kind: 'serverError', query: PAGE_ONE, times: Infinity });
    const error = await rejection(harness(emulator.baseUrl, { maxRetries: 0 }).client.listCustomHostnames(zoneId()));
    assert.ok(error instanceof ServerError && !(error instanceof PartialResultError));
  });

  it("kept every request and answer inside Cloudflare's schema", () => {
    assert.deepEqual(emulator.contractViolations, []);
  });
});

describe('fetchAllPages (no network)', () => {
  type Item = { id: string; from: number };
  const page = (from: number, ids: string[], info?: Page<Item>['resultInfo']): Page<Item> => ({
    items: ids.map((id) => ({ id, from })),
    resultInfo: info,
  });

  it('keeps the first copy of each id across overlapping pages, in order', async () => {
    const served: Record<number, Page<Item>> = {
      1: page(1, ['a', 'b'], { per_page: 2, total_count: 5, total_pages: 3 }),
      2: page(2, ['b', 'c']),
      3: page(3, ['d']),
    };
    const requested: number[] = [];
    const items = await fetchAllPages(async (number) => (requested.push(number), served[number]), {
      perPage: 2,
      concurrency: 4,
      maxPages: 10,
    });
    assert.deepEqual(items, [
      { id: 'a', from: 1 },
      { id: 'b', from: 1 },
      { id: 'c', from: 2 },
      { id: 'd', from: 3 },
    ]);
    assert.deepEqual(requested, [1, 2, 3]);
  });

  it('never asks for more than maxPages however many pages are claimed', async () => {
    const requested: number[] = [];
    const items = await fetchAllPages(
      async (number) => (requested.push(number), page(number, [`x${number}a`, `x${number}b`], { per_page: 2, total_pages: 1_000_000 })),
      { perPage: 2, concurrency: 3, maxPages: 7 },
    );
    assert.deepEqual(requested, [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(items.length, 14);
  });
});
