import * as assert from 'node:assert/strict';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import type { CustomHostnameRecord } from '../../emulator/emulatorState';
import type { CustomHostname } from '../../../src/cloudflare/types';
import { call, refusal } from './emulatorHttp';

// The custom hostnames list answers the filters openapi.json documents, counts what they match in
// result_info, and refuses the matcher combinations the schema says cannot be used together.
describe('emulator custom hostname list filters', () => {
  let emulator: Emulator;
  let zoneId: string;
  const records: CustomHostnameRecord[] = [];

  const list = (query: string) => call<CustomHostname[]>(emulator, 'GET', `/zones/${zoneId}/custom_hostnames?${query}`);
  const names = async (query: string) => (await list(query)).body.result.map((hostname) => hostname.hostname);

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'empty', transitionMs: 100 });
    emulator.state.addToken({ value: 'demo-token' });
    zoneId = emulator.state.addZone('filters.test').id;
    const add = (hostname: string, options: Parameters<typeof emulator.state.addCustomHostname>[2] = {}) =>
      records.push(emulator.state.addCustomHostname(zoneId, hostname, options));
    add('shop.alpha.test');
    add('api.alpha.test', { sslStatus: 'pending_validation', certificateAuthority: 'google' });
    add('alpha-shop.beta.test', { status: 'pending', sslStatus: 'expired', certificateAuthority: 'lets_encrypt' });
    add('www.beta.test', { sslStatus: 'pending_validation', certificateAuthority: 'lets_encrypt' });
    add('mail.gamma.test', { status: 'blocked', sslStatus: 'validation_timed_out', certificateAuthority: 'ssl_com' });
    for (let i = 0; i < 12; i += 1) {
      add(`bulk-${i}.gamma.test`);
    }
  });
  after(() => emulator.close());

  it('hostname.contain matches a substring without regard to case, and result_info counts only the matches', async () => {
    const answer = await list('hostname.contain=ALPHA&per_page=5');
    assert.deepEqual(
      answer.body.result.map((hostname) => hostname.hostname),
      ['shop.alpha.test', 'api.alpha.test', 'alpha-shop.beta.test'],
    );
    assert.deepEqual(answer.body.result_info, { page: 1, per_page: 5, count: 3, total_count: 3, total_pages: 1 });
    const bulk = await list('hostname.contain=bulk-&per_page=5&page=3');
    assert.deepEqual(bulk.body.result_info, { page: 3, per_page: 5, count: 2, total_count: 12, total_pages: 3 });
  });

  it('hostname, hostname.exact, hostname.startsWith and id each match as documented', async () => {
    assert.deepEqual(await names('hostname=www.beta.test'), ['www.beta.test']);
    assert.deepEqual(await names('hostname.exact=www.beta.test'), ['www.beta.test']);
    assert.deepEqual(await names('hostname.exact=beta.test'), []);
    assert.deepEqual(await names('hostname.startsWith=alpha'), ['alpha-shop.beta.test']);
    assert.deepEqual(await names(`id=${records[3].id}`), ['www.beta.test']);
  });

  it('ssl_status, hostname_status and certificate_authority filter, alone and together', async () => {
    assert.deepEqual(await names('ssl_status=pending_validation'), ['api.alpha.test', 'www.beta.test']);
    assert.deepEqual(await names('hostname_status=pending'), ['alpha-shop.beta.test']);
    assert.deepEqual(await names('certificate_authority=lets_encrypt'), ['alpha-shop.beta.test', 'www.beta.test']);
    assert.deepEqual(await names('certificate_authority=lets_encrypt&ssl_status=pending_validation'), ['www.beta.test']);
    assert.deepEqual(await names('hostname.contain=beta&certificate_authority=lets_encrypt&hostname_status=pending'), [
      'alpha-shop.beta.test',
    ]);
    const counted = await list('ssl_status=active&per_page=5');
    assert.equal(counted.body.result_info?.total_count, 13);
  });

  it('orders by SSL status when asked, ascending or descending, keeping creation order among equals', async () => {
    const bulk = Array.from({ length: 12 }, (_, i) => `bulk-${i}.gamma.test`);
    assert.deepEqual(await names('hostname.contain=a.test&order=ssl_status&direction=asc&per_page=50'), [
      'shop.alpha.test',
      ...bulk,
      'alpha-shop.beta.test',
      'api.alpha.test',
      'www.beta.test',
      'mail.gamma.test',
    ]);
    const statuses = (await list('order=ssl&direction=desc&per_page=50')).body.result.map((hostname) => hostname.ssl?.status ?? '');
    assert.deepEqual(statuses, [...statuses].sort().reverse());
    assert.equal(statuses[0], 'validation_timed_out');
    const byDefault = await names('per_page=50');
    assert.deepEqual(
      byDefault,
      records.map((record) => record.hostname),
    );
  });

  it('refuses two hostname matchers at once with a 400 envelope whose result is null', async () => {
    for (const query of ['hostname.contain=a&hostname.startsWith=b', 'hostname=a.test&id=x', 'hostname.exact=a.test&hostname.contain=a']) {
      const answer = await list(query);
      assert.deepEqual(refusal(answer), { status: 400, code: 1001, success: false }, query);
      assert.equal(answer.body.result, null);
    }
  });

  it('refuses values outside the documented enums and a hostname longer than 255 characters', async () => {
    for (const query of [
      'ssl_status=almost',
      'hostname_status=fine',
      'certificate_authority=acme',
      'order=name',
      'direction=up',
      'ssl=2',
    ]) {
      assert.deepEqual(refusal(await list(query)), { status: 400, code: 1001, success: false }, query);
    }
    assert.equal((await list(`hostname.contain=${'a'.repeat(256)}`)).status, 400);
  });

  it("takes digicert, which the hostname's own schema lists though the query parameter does not", async () => {
    records[4].certificateAuthority = 'digicert';
    try {
      assert.deepEqual(await names('certificate_authority=digicert'), ['mail.gamma.test']);
    } finally {
      records[4].certificateAuthority = 'ssl_com';
    }
  });
});
