import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describeFilter, FilteredHostnames, filterSearches, SSL_STATUSES } from '../../../src/model/filteredHostnames';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import { harness } from '../cloudflare/clientHarness';
import { openapiPath } from '../../support/cloudflareApiFiles';

describe('filtered custom hostnames', () => {
  let emulator: Emulator;
  let zoneId: string;
  const statusOf = (i: number) => (i % 10 === 3 ? 'pending_validation' : i % 25 === 4 ? 'expired' : 'active');

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'empty', transitionMs: 50 });
    emulator.state.addToken({ value: 'demo-token' });
    zoneId = emulator.state.addZone('filtered.test').id;
    for (let i = 0; i < 1_000; i += 1) {
      emulator.state.addCustomHostname(zoneId, `site-${i}.filtered.test`, {
        sslStatus: statusOf(i),
        certificateAuthority: i % 2 === 0 ? 'google' : 'lets_encrypt',
      });
    }
  });
  beforeEach(() => emulator.log.clear());
  after(() => emulator.close());

  const filtered = (filter: ConstructorParameters<typeof FilteredHostnames>[2]) => {
    const { client } = harness(emulator.baseUrl);
    return new FilteredHostnames(async () => client, zoneId, filter);
  };
  const queries = () => emulator.log.entries().map((entry) => entry.query);

  it('says what it filters by, in the words the group shows', () => {
    assert.equal(
      describeFilter({ sslStatus: { not: 'active' }, hostnameStatus: 'pending', certificateAuthority: 'google' }),
      'SSL not active, hostname pending, CA google',
    );
    assert.equal(describeFilter({ sslStatus: 'expired' }), 'SSL expired');
    assert.deepEqual(filterSearches({ certificateAuthority: 'google' }), [{ hostnameStatus: undefined, certificateAuthority: 'google' }]);
    assert.deepEqual(
      filterSearches({ sslStatus: { not: 'active' } }).map((search) => search.sslStatus),
      SSL_STATUSES.filter((status) => status !== 'active'),
    );
  });

  it('knows every SSL status openapi.json documents for the list filter, so "not active" leaves no hostname out', () => {
    const document = JSON.parse(fs.readFileSync(openapiPath(), 'utf8')) as {
      paths: Record<string, { get: { parameters: { name?: string; schema?: { enum?: string[] } }[] } }>;
    };
    const documented = document.paths['/zones/{zone_id}/custom_hostnames'].get.parameters.find((entry) => entry.name === 'ssl_status');
    assert.deepEqual([...SSL_STATUSES].sort(), [...(documented?.schema?.enum ?? [])].sort());
  });

  it('loads one page of 50 at a time from the server, each Load more one request, with the count from result_info', async () => {
    const list = filtered({ sslStatus: 'pending_validation', certificateAuthority: 'lets_encrypt' });
    await list.ensure();
    assert.deepEqual(queries(), [{ page: '1', per_page: '50', ssl_status: 'pending_validation', certificate_authority: 'lets_encrypt' }]);
    assert.deepEqual([list.items.length, list.total, list.complete], [50, 100, false]);
    assert.ok(
      list.items.every(
        (hostname) => hostname.ssl?.status === 'pending_validation' && hostname.ssl?.certificate_authority === 'lets_encrypt',
      ),
    );
    await list.ensure();
    assert.equal(queries().length, 1, 'nothing more until asked');
    list.wantMore();
    await Promise.all([list.ensure(), list.ensure()]);
    assert.deepEqual(
      queries().map((query) => query.page),
      ['1', '2'],
      'two callers share one load',
    );
    assert.deepEqual([list.items.length, new Set(list.items.map((hostname) => hostname.id)).size, list.complete], [100, 100, true]);
  });

  it('"SSL not active" asks each other status for its count and first rows at once, then pages through those that have more', async () => {
    const list = filtered({ sslStatus: { not: 'active' } });
    await list.ensure();
    assert.equal(queries().length, SSL_STATUSES.length - 1);
    assert.ok(queries().every((query) => query.per_page === '5' && query.ssl_status !== 'active'));
    const expected = Array.from({ length: 1_000 }, (_, i) => statusOf(i)).filter((status) => status !== 'active').length;
    assert.equal(list.total, expected);
    assert.equal(list.items.length, 10, 'the first five of each status that has any');
    for (let pages = 0; !list.complete && pages < 10; pages += 1) {
      list.wantMore();
      await list.ensure();
    }
    assert.equal(list.complete, true);
    assert.equal(list.items.length, expected);
    assert.equal(new Set(list.items.map((hostname) => hostname.id)).size, expected, 'no row listed twice');
    assert.ok(list.items.every((hostname) => hostname.ssl?.status !== 'active'));
  });

  it('starts again from the first page when refreshed', async () => {
    const list = filtered({ sslStatus: 'expired' });
    await list.ensure();
    const again = list.fresh();
    assert.deepEqual([again.items.length, again.total, again.filter], [0, undefined, list.filter]);
    await again.ensure();
    assert.equal(again.items.length, list.items.length);
  });
});
