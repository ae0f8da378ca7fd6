import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CustomHostname, Page } from '../../../src/cloudflare/types';
import { customHostnameRecord, type CustomHostnameRecord } from '../../../src/model/customHostnameRecord';
import type { DataChange } from '../../../src/model/dataChange';
import { Emitter } from '../../../src/model/emitter';
import {
  HOSTNAME_PAGE_SIZE,
  HostnamePages,
  HostnamePageStore,
  type HostnamePageClient,
  type WholeHostnameList,
} from '../../../src/model/hostnamePages';
import { isPageRange, MOST_ROWS_WITH_LOAD_MORE, pageOf, rangesOf } from '../../../src/model/hostnameRanges';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import { harness } from '../cloudflare/clientHarness';
import { openapiPath } from '../../support/cloudflareApiFiles';

const HOSTNAMES = 1_234;

describe('HostnamePages: a zone’s custom hostnames a page at a time', () => {
  let emulator: Emulator;
  let zoneId: string;

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'empty', transitionMs: 50 });
    emulator.state.addToken({ value: 'demo-token' });
    zoneId = emulator.state.addZone('paged.test').id;
    for (let i = 0; i < HOSTNAMES; i += 1) {
      emulator.state.addCustomHostname(zoneId, `site-${i}.paged.test`);
    }
  });
  beforeEach(() => emulator.log.clear());
  after(() => emulator.close());

  const pagesOver = (whole: () => WholeHostnameList | undefined = () => undefined) => {
    const { client } = harness(emulator.baseUrl);
    return new HostnamePages(async () => client, zoneId, whole);
  };
  const queries = () => emulator.log.entries().map((entry) => entry.query);
  const names = (hostnames: readonly CustomHostnameRecord[]) => hostnames.map((hostname) => hostname.hostname);
  const expected = (page: number) =>
    emulator.state
      .customHostnamesOf(zoneId)
      .slice((page - 1) * HOSTNAME_PAGE_SIZE, page * HOSTNAME_PAGE_SIZE)
      .map((hostname) => hostname.hostname);

  it('sends exactly one request per page asked for, with the parameter names openapi.json documents, and keeps it', async () => {
    const pages = pagesOver();
    assert.equal(pages.total, undefined, 'nothing is known before the first page');
    assert.deepEqual(names(await pages.page(1)), expected(1));
    assert.deepEqual(queries(), [{ page: '1', per_page: `${HOSTNAME_PAGE_SIZE}` }]);
    const document = JSON.parse(fs.readFileSync(openapiPath(), 'utf8')) as {
      paths: Record<string, { get: { parameters: { name?: string; $ref?: string }[] } }>;
      components: { parameters: Record<string, { name: string }> };
    };
    const documented = document.paths['/zones/{zone_id}/custom_hostnames'].get.parameters.map(
      (parameter) => parameter.name ?? document.components.parameters[parameter.$ref!.split('/').at(-1)!].name,
    );
    for (const name of Object.keys(queries()[0])) {
      assert.ok(documented.includes(name), `${name} is a documented parameter (${documented.join(', ')})`);
    }

    assert.deepEqual(names(await pages.page(1)), expected(1));
    const deep = Math.ceil(HOSTNAMES / HOSTNAME_PAGE_SIZE);
    const [a, b] = await Promise.all([pages.page(deep), pages.page(deep)]);
    assert.equal(a, b, 'callers at once share one request');
    assert.deepEqual(names(a), expected(deep));
    assert.equal(a.length, HOSTNAMES % HOSTNAME_PAGE_SIZE);
    assert.deepEqual(
      queries().map((query) => query.page),
      ['1', `${deep}`],
      'page 1 again costs nothing; the last page is one request, whatever lies before it',
    );
  });

  it('counts from result_info.total_count, not from the rows it holds', async () => {
    const pages = pagesOver();
    assert.equal(await pages.count(), HOSTNAMES);
    assert.equal(emulator.log.entries().length, 1, 'the count comes with page 1');
    assert.equal(await pages.count(), HOSTNAMES);
    assert.equal(emulator.log.entries().length, 1);

    const counted: Page<CustomHostname> = {
      items: Array.from({ length: HOSTNAME_PAGE_SIZE }, (_, i) => ({ id: `h${i}`, hostname: `h${i}.test` })),
      resultInfo: { page: 1, per_page: HOSTNAME_PAGE_SIZE, count: HOSTNAME_PAGE_SIZE, total_count: 100_000 },
    };
    const fake = new HostnamePages(
      async () => ({ listCustomHostnamesPage: async () => counted }),
      'z',
      () => undefined,
    );
    assert.equal(await fake.count(), 100_000);
  });

  it('cuts pages from the whole list once the scan has loaded it, and then sends nothing', async () => {
    const items = emulator.state.customHostnamesOf(zoneId).map((hostname) => customHostnameRecord(hostname));
    let whole: WholeHostnameList | undefined = { items, complete: false };
    const pages = pagesOver(() => whole);
    await pages.page(2);
    assert.equal(emulator.log.entries().length, 1, 'a partial list does not stand in for Cloudflare’s pages');
    whole = { items, complete: true };
    assert.deepEqual(names(await pages.page(7)), expected(7));
    assert.equal(pages.total, HOSTNAMES);
    assert.deepEqual(pages.find(items[345].id), { index: 345, hostname: items[345] });
    assert.equal(emulator.log.entries().length, 1);
  });

  it('forgets the pages on a reload of the zone’s hostnames or of everything, one page on an operation, nothing for another zone', async () => {
    const changes = new Emitter<DataChange>();
    const { client } = harness(emulator.baseUrl);
    const store = new HostnamePageStore(async () => client, {
      loaded: () => ({ customHostnames: new Map() }),
      onDidChange: changes.event,
    });
    const pages = store.zone(zoneId);
    await Promise.all([pages.page(1), pages.page(2)]);
    const sent = () => emulator.log.entries().length;
    assert.equal(sent(), 2);

    changes.fire({ zoneId: 'another-zone', part: 'customHostnames', cause: 'reload' });
    changes.fire({ zoneId, part: 'aop', cause: 'reload' });
    await Promise.all([pages.page(1), pages.page(2)]);
    assert.equal(sent(), 2, 'changes elsewhere keep the pages');

    const onPage2 = (await pages.page(2))[3];
    changes.fire({ zoneId, part: 'customHostnames', itemId: onPage2.id, cause: 'operation' });
    await Promise.all([pages.page(1), pages.page(2)]);
    assert.deepEqual(
      emulator.log.entries().map((entry) => entry.query.page),
      ['1', '2', '2'],
      'an operation on one hostname costs the page that holds it',
    );

    changes.fire({ zoneId, part: 'customHostnames', cause: 'reload' });
    assert.equal(pages.total, undefined, 'the count is forgotten with the pages');
    await pages.page(1);
    assert.equal(sent(), 4);
    changes.fire({ cause: 'reload' });
    assert.equal(store.zone(zoneId).total, undefined);
    await store.zone(zoneId).page(1);
    assert.equal(sent(), 5);
  });

  it('announces the zone’s count when a page first brings it or changes it, and not for pages that repeat it', async () => {
    const changes = new Emitter<DataChange>();
    const announced: DataChange[] = [];
    const { client } = harness(emulator.baseUrl);
    const store = new HostnamePageStore(
      async () => client,
      { loaded: () => ({ customHostnames: new Map() }), onDidChange: changes.event },
      (change) => announced.push(change),
    );
    const pages = store.zone(zoneId);
    await pages.page(1);
    assert.deepEqual(announced, [{ zoneId, part: 'customHostnameCount', cause: 'load' }]);
    assert.equal(pages.total, HOSTNAMES);
    await pages.page(2);
    await pages.count();
    assert.equal(announced.length, 1, 'a second page with the same count announces nothing');
    const added = emulator.state.addCustomHostname(zoneId, 'one-more.paged.test');
    try {
      changes.fire({ zoneId, part: 'customHostnames', cause: 'reload' });
      await pages.page(3);
      assert.equal(pages.total, HOSTNAMES + 1);
      assert.deepEqual(announced.at(-1), { zoneId, part: 'customHostnameCount', cause: 'load' });
      assert.equal(announced.length, 2, 'the count the reload forgot is announced again once known');
    } finally {
      emulator.state.removeCustomHostname(added);
    }
  });

  it('hands a caller whose request a reload overtook the page as it is after the reload', async () => {
    const answered: number[] = [];
    let release: () => void = () => undefined;
    const client: HostnamePageClient = {
      listCustomHostnamesPage: async (_zone, page, _perPage, signal) => {
        const call = answered.length;
        answered.push(page);
        if (call === 0) {
          await new Promise<void>((resolve, reject) => {
            release = resolve;
            signal?.addEventListener('abort', () => reject(new Error('aborted')));
          });
        }
        return { items: [{ id: `call-${call}`, hostname: `call-${call}.test` }], resultInfo: { total_count: 1 } };
      },
    };
    const pages = new HostnamePages(
      async () => client,
      'z',
      () => undefined,
    );
    const first = pages.page(1);
    await new Promise((resolve) => setImmediate(resolve));
    pages.forget();
    release();
    assert.deepEqual(names(await first), ['call-1.test']);
    assert.deepEqual(answered, [1, 1]);
  });
});

describe('hostname ranges', () => {
  it('splits a long list as the debugger splits a large array: at most 100 a level, pages at the bottom, each one request', () => {
    const top = rangesOf(0, 100_000);
    assert.equal(top.length, 20);
    assert.deepEqual(top[1], { first: 5_000, end: 10_000, size: 5_000 });
    const pages = rangesOf(top[19].first, top[19].end);
    assert.equal(pages.length, 100);
    assert.ok(pages.every(isPageRange));
    assert.deepEqual(pages.at(-1), { first: 99_950, end: 100_000, size: HOSTNAME_PAGE_SIZE });
    assert.equal(pageOf(pages.at(-1)!), 2_000);

    assert.deepEqual(
      rangesOf(0, 500_001).map((range) => [range.first, range.end]),
      [
        [0, 500_000],
        [500_000, 500_001],
      ],
      'one more than 100 ranges of 5,000 goes a level up',
    );
    assert.ok(rangesOf(0, 5_000_000).length <= 100);
    for (const total of [MOST_ROWS_WITH_LOAD_MORE + 1, 12_345, 777_777]) {
      const walk = (first: number, end: number): number[] =>
        rangesOf(first, end).flatMap((range) => {
          assert.equal(range.first % HOSTNAME_PAGE_SIZE, 0, 'every range starts on a page boundary');
          return isPageRange(range) ? [range.end - range.first] : walk(range.first, range.end);
        });
      assert.equal(
        walk(0, total).reduce((sum, rows) => sum + rows, 0),
        total,
        `the pages of ${total} rows hold each row once`,
      );
    }
  });
});
