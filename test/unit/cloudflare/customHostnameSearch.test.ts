import * as assert from 'node:assert/strict';
import { customHostnameQuery } from '../../../src/cloudflare/customHostnameQuery';
import { CancelledError, CloudflareError } from '../../../src/cloudflare/errors';
import { ContractValidator } from '../../contract/openapiValidator';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import { harness, rejection } from './clientHarness';

describe('custom hostname search: the request', () => {
  it('names each filter as the schema does and leaves out the ones not asked for', () => {
    assert.deepEqual(customHostnameQuery({}, 1, 20), { page: 1, per_page: 20 });
    assert.deepEqual(
      customHostnameQuery(
        {
          hostname: { match: 'contain', value: 'shop' },
          sslStatus: 'pending_validation',
          hostnameStatus: 'pending',
          certificateAuthority: 'lets_encrypt',
          order: 'ssl_status',
          direction: 'desc',
        },
        3,
        50,
      ),
      {
        page: 3,
        per_page: 50,
        'hostname.contain': 'shop',
        ssl_status: 'pending_validation',
        hostname_status: 'pending',
        certificate_authority: 'lets_encrypt',
        order: 'ssl_status',
        direction: 'desc',
      },
    );
    assert.deepEqual(customHostnameQuery({ hostname: { match: 'startsWith', value: 'api' } }, 1, 5), {
      page: 1,
      per_page: 5,
      'hostname.startsWith': 'api',
    });
    assert.deepEqual(customHostnameQuery({ hostname: { match: 'exact', value: 'a.test' } }, 1, 5)['hostname.exact'], 'a.test');
  });

  it('sends a typed value trimmed and in lower case, and no matcher at all for blank input', () => {
    assert.equal(
      customHostnameQuery({ hostname: { match: 'contain', value: '  Shop.Example ' } }, 1, 5)['hostname.contain'],
      'shop.example',
    );
    assert.deepEqual(customHostnameQuery({ hostname: { match: 'contain', value: '   ' } }, 1, 5), { page: 1, per_page: 5 });
  });

  it('refuses, before sending, a value longer than the 255 characters the schema allows', () => {
    assert.throws(() => customHostnameQuery({ hostname: { match: 'contain', value: 'a'.repeat(256) } }, 1, 5), CloudflareError);
    assert.equal(
      customHostnameQuery({ hostname: { match: 'contain', value: 'a'.repeat(255) } }, 1, 5)['hostname.contain'],
      'a'.repeat(255),
    );
  });
});

describe('custom hostname search: CloudflareClient.searchCustomHostnames against the emulator', () => {
  const validator = new ContractValidator();
  let emulator: Emulator;
  let zoneId: string;

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'empty', transitionMs: 50, validator });
    emulator.state.addToken({ value: 'demo-token' });
    zoneId = emulator.state.addZone('search.test').id;
    for (let i = 0; i < 300; i += 1) {
      emulator.state.addCustomHostname(zoneId, `tenant-${i}.search.test`, i % 50 === 7 ? { sslStatus: 'pending_validation' } : {});
    }
  });
  beforeEach(() => {
    emulator.faults.clear();
    emulator.log.clear();
  });
  after(() => emulator.close());

  it('finds one hostname among many in one request, counted by result_info', async () => {
    const { client } = harness(emulator.baseUrl);
    const page = await client.searchCustomHostnames(zoneId, { hostname: { match: 'contain', value: 'tenant-217.' } }, 1, 20);
    assert.deepEqual(
      page.items.map((hostname) => hostname.hostname),
      ['tenant-217.search.test'],
    );
    assert.equal(page.resultInfo?.total_count, 1);
    assert.deepEqual(
      emulator.log.entries().map((entry) => entry.query),
      [{ page: '1', per_page: '20', 'hostname.contain': 'tenant-217.' }],
    );
  });

  it('pages through a filtered list, and the filters combine as the API allows', async () => {
    const { client } = harness(emulator.baseUrl);
    const first = await client.searchCustomHostnames(zoneId, { sslStatus: 'pending_validation' }, 1, 5);
    assert.deepEqual(
      first.items.map((hostname) => hostname.hostname),
      [7, 57, 107, 157, 207].map((i) => `tenant-${i}.search.test`),
    );
    assert.deepEqual([first.resultInfo?.total_count, first.resultInfo?.total_pages], [6, 2]);
    const second = await client.searchCustomHostnames(zoneId, { sslStatus: 'pending_validation' }, 2, 5);
    assert.deepEqual(
      second.items.map((hostname) => hostname.hostname),
      ['tenant-257.search.test'],
    );
    const both = await client.searchCustomHostnames(
      zoneId,
      { hostname: { match: 'startsWith', value: 'tenant-1' }, sslStatus: 'pending_validation' },
      1,
      20,
    );
    assert.deepEqual(
      both.items.map((hostname) => hostname.hostname),
      ['tenant-107.search.test', 'tenant-157.search.test'],
    );
    assert.deepEqual(emulator.contractViolations, []);
  });

  it('is cancelled by its AbortSignal in flight, and sends nothing for one already aborted', async () => {
    emulator.faults.add({ kind: 'hang' });
    const { client, sent } = harness(emulator.baseUrl);
    const controller = new AbortController();
    const pending = client.searchCustomHostnames(zoneId, { hostname: { match: 'contain', value: 'tenant' } }, 1, 20, controller.signal);
    await new Promise<void>((resolve) => {
      const poll = () => (sent.length > 0 ? resolve() : setImmediate(poll));
      poll();
    });
    controller.abort();
    assert.ok((await rejection(pending)) instanceof CancelledError);
    assert.equal(sent.length, 1);
    const early = await rejection(client.searchCustomHostnames(zoneId, {}, 1, 20, AbortSignal.abort()));
    assert.ok(early instanceof CancelledError, early.name);
    assert.equal(sent.length, 1);
  });
});
