import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { ContractValidator } from '../../contract/openapiValidator';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import type { CustomHostname, HostnameAssociation, HostnameCertificate, Zone } from '../../../src/cloudflare/types';
import { aopPath, call, refusal, zoneNamed } from './emulatorHttp';

// Every endpoint over plain HTTP, in the shape openapi.json documents, plus tokens, rate limit and
// result_info. The emulator validates each request and answer; the last test holds it to zero findings.
describe('emulator endpoints (demo seed, over HTTP)', () => {
  const validator = new ContractValidator();
  let emulator: Emulator;

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo', transitionMs: 100, validator });
  });
  after(() => emulator.close());

  it('GET /user/tokens/verify answers the token id and status in a success envelope', async () => {
    const answer = await call<{ id: string; status: string }>(emulator, 'GET', '/user/tokens/verify');
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'application/json');
    assert.deepEqual(
      { success: answer.body.success, errors: answer.body.errors, messages: answer.body.messages },
      { success: true, errors: [], messages: [] },
    );
    assert.equal(answer.body.result.id, emulator.state.tokens.get('demo-token')!.id);
    assert.match(answer.body.result.id, /^[0-9a-f]{32}$/);
    assert.equal(answer.body.result.status, 'active');
  });

  it('GET /zones lists the five demo zones with result_info, and filters by name and status', async () => {
    const answer = await call<Zone[]>(emulator, 'GET', '/zones');
    assert.equal(answer.status, 200);
    assert.deepEqual(
      answer.body.result.map((zone) => zone.name),
      ['example.com', 'example.org', 'saas-platform.net', 'staging.example.net', 'new-zone.dev'],
    );
    assert.deepEqual(answer.body.result_info, { page: 1, per_page: 20, count: 5, total_count: 5, total_pages: 1 });
    for (const zone of answer.body.result) {
      assert.match(zone.id, /^[0-9a-f]{32}$/);
      assert.equal(zone.account?.id, 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
    }
    const byName = await call<Zone[]>(emulator, 'GET', '/zones?name=example.org');
    assert.deepEqual(
      byName.body.result.map((zone) => zone.id),
      [zoneNamed(emulator, 'example.org').id],
    );
    const pending = await call<Zone[]>(emulator, 'GET', '/zones?status=pending');
    assert.deepEqual(
      pending.body.result.map((zone) => zone.name),
      ['new-zone.dev'],
    );
  });

  it("GET …/hostnames/certificates lists the zone's certificates with PEM, dates and status; GET by id returns the same", async () => {
    const zone = zoneNamed(emulator, 'example.com');
    const list = await call<HostnameCertificate[]>(emulator, 'GET', aopPath(zone.id, '/hostnames/certificates'));
    assert.equal(list.status, 200);
    assert.equal(list.body.result.length, 7);
    assert.deepEqual(
      new Set(list.body.result.map((certificate) => certificate.status)),
      new Set(['active', 'pending_deployment', 'initializing', 'deployment_timed_out']),
    );
    for (const certificate of list.body.result) {
      const parsed = new X509Certificate(certificate.certificate!);
      assert.equal(certificate.serial_number, parsed.serialNumber.toLowerCase());
      assert.equal(certificate.expires_on, new Date(parsed.validTo).toISOString());
      assert.ok(Date.parse(certificate.uploaded_on!) <= Date.now());
      assert.match(certificate.signature!, /^(SHA256WithRSA|ECDSAWithSHA256)$/);
    }
    const [first] = list.body.result;
    const one = await call<HostnameCertificate>(emulator, 'GET', aopPath(zone.id, `/hostnames/certificates/${first.id}`));
    assert.deepEqual(one.body.result, first);
  });

  it('GET …/hostnames lists associations (active by default, status=all for every one) and GET …/hostnames/{hostname} one of them', async () => {
    const zone = zoneNamed(emulator, 'example.com');
    const all = await call<HostnameAssociation[]>(emulator, 'GET', aopPath(zone.id, '/hostnames?status=all'));
    assert.deepEqual(
      all.body.result.map((association) => [association.hostname, association.enabled]),
      [
        ['api.example.com', true],
        ['www.example.com', false],
        ['shop.example.com', true],
      ],
    );
    assert.deepEqual(all.body.result_info, { page: 1, per_page: 50, count: 3, total_count: 3, total_pages: 1 });
    const deploying = await call<HostnameAssociation[]>(emulator, 'GET', aopPath(zone.id, '/hostnames?status=pending_deployment'));
    assert.deepEqual(deploying.body.result, []);
    const one = await call<HostnameAssociation & { certificate: string }>(emulator, 'GET', aopPath(zone.id, '/hostnames/api.example.com'));
    assert.equal(one.status, 200);
    assert.equal(one.body.result.cert_id, all.body.result[0].cert_id);
    assert.match(one.body.result.certificate, /^-----BEGIN CERTIFICATE-----/);
    assert.deepEqual(refusal(await call(emulator, 'GET', aopPath(zone.id, '/hostnames/nobody.example.com'))), {
      status: 404,
      code: 1404,
      success: false,
    });
  });

  it('GET/PUT …/settings reads and switches the zone-level AOP flag', async () => {
    const zone = zoneNamed(emulator, 'example.org');
    assert.deepEqual((await call(emulator, 'GET', aopPath(zone.id, '/settings'))).body.result, { enabled: true });
    const put = await call(emulator, 'PUT', aopPath(zone.id, '/settings'), { body: { enabled: false } });
    assert.deepEqual([put.status, put.body.result], [200, { enabled: false }]);
    assert.deepEqual((await call(emulator, 'GET', aopPath(zone.id, '/settings'))).body.result, { enabled: false });
    assert.equal(zone.aopEnabled, false);
  });

  it('GET …/custom_hostnames pages 120 hostnames with their pack id and certificates; GET by id returns one', async () => {
    const zone = zoneNamed(emulator, 'saas-platform.net');
    const first = await call<CustomHostname[]>(emulator, 'GET', `/zones/${zone.id}/custom_hostnames`);
    assert.deepEqual(first.body.result_info, { page: 1, per_page: 20, count: 20, total_count: 120, total_pages: 6 });
    const third = await call<CustomHostname[]>(emulator, 'GET', `/zones/${zone.id}/custom_hostnames?page=3&per_page=50`);
    assert.deepEqual(third.body.result_info, { page: 3, per_page: 50, count: 20, total_count: 120, total_pages: 3 });
    assert.equal(third.body.result[0].hostname, 'shop101.customer-2.net');
    const beyond = await call<CustomHostname[]>(emulator, 'GET', `/zones/${zone.id}/custom_hostnames?page=9&per_page=50`);
    assert.deepEqual([beyond.body.result.length, beyond.body.result_info?.count], [0, 0]);
    for (const hostname of first.body.result) {
      const record = emulator.state.customHostnames.find((candidate) => candidate.id === hostname.id)!;
      assert.equal(hostname.ssl?.id, record.packId);
      assert.deepEqual(
        hostname.ssl?.certificates?.map((certificate) => certificate.id),
        record.certificates.map((certificate) => certificate.id),
      );
    }
    const one = await call<CustomHostname>(emulator, 'GET', `/zones/${zone.id}/custom_hostnames/${first.body.result[4].id}`);
    assert.deepEqual(one.body.result, first.body.result[4]);
    assert.deepEqual(refusal(await call(emulator, 'GET', `/zones/${zone.id}/custom_hostnames/missing`)), {
      status: 404,
      code: 1436,
      success: false,
    });
  });

  it('answers 404 (7000) for an unknown path and 405 for a known path with the wrong method', async () => {
    assert.deepEqual(refusal(await call(emulator, 'GET', '/nothing/here')), { status: 404, code: 7000, success: false });
    assert.deepEqual(refusal(await call(emulator, 'PATCH', aopPath(zoneNamed(emulator, 'example.com').id, '/settings'))), {
      status: 405,
      code: 10405,
      success: false,
    });
  });

  it('tokens: unknown or missing → 401/10000; read-only → reads ok, writes 403; account-owned → only the account verify', async () => {
    const zone = zoneNamed(emulator, 'example.com');
    assert.deepEqual(refusal(await call(emulator, 'GET', '/zones', { token: 'no-such-token' })), {
      status: 401,
      code: 10000,
      success: false,
    });
    assert.deepEqual(refusal(await call(emulator, 'GET', '/zones', { token: null })), { status: 401, code: 10000, success: false });
    const readonly = { token: 'demo-readonly-token' };
    assert.equal((await call(emulator, 'GET', '/zones', readonly)).status, 200);
    assert.equal((await call(emulator, 'GET', aopPath(zone.id, '/hostnames/certificates'), readonly)).status, 200);
    const count = emulator.state.aopCertificates.length;
    const writes = [
      call(emulator, 'POST', aopPath(zone.id, '/hostnames/certificates'), { ...readonly, body: { certificate: 'x', private_key: 'y' } }),
      call(emulator, 'PUT', aopPath(zone.id, '/settings'), { ...readonly, body: { enabled: false } }),
      call(emulator, 'DELETE', aopPath(zone.id, `/hostnames/certificates/${emulator.state.aopCertificates[0].id}`), readonly),
    ];
    for (const answer of await Promise.all(writes)) {
      assert.deepEqual(refusal(answer), { status: 403, code: 10000, success: false });
    }
    assert.equal(emulator.state.aopCertificates.length, count);
    assert.equal(zone.aopEnabled, true);
    const account = { token: 'demo-account-token' };
    assert.deepEqual(refusal(await call(emulator, 'GET', '/user/tokens/verify', account)), { status: 401, code: 1000, success: false });
    const verified = await call<{ id: string; status: string }>(emulator, 'GET', `/accounts/${zone.accountId}/tokens/verify`, account);
    assert.deepEqual([verified.status, verified.body.result.status], [200, 'active']);
    assert.equal((await call(emulator, 'GET', '/accounts/0000/tokens/verify', account)).status, 401);
    assert.equal(
      (await call(emulator, 'GET', `/accounts/${zone.accountId}/tokens/verify`)).status,
      401,
      'a user token is not an account token',
    );
  });

  it("logs tokens by label, never an unknown token's value", async () => {
    emulator.log.clear();
    await call(emulator, 'GET', '/zones', { token: 'secret-looking-token-value-123' });
    await call(emulator, 'GET', '/zones', { token: null });
    assert.deepEqual(
      emulator.log.entries().map((entry) => [entry.token, entry.status]),
      [
        ['<unknown>', 401],
        ['<none>', 401],
      ],
    );
    assert.ok(!JSON.stringify(emulator.log.entries()).includes('secret-looking-token-value-123'));
  });

  it("holds every request and answer above to Cloudflare's schema", () => {
    assert.deepEqual(emulator.contractViolations, []);
  });
});

describe('emulator rate limit (small rateLimit option)', () => {
  let emulator: Emulator;

  before(async () => {
    emulator = await startEmulator({
      port: 0,
      seed: 'empty',
      transitionMs: 50,
      rateLimit: { requests: 3, windowMs: 2000 },
      validator: new ContractValidator(),
    });
  });
  after(() => emulator.close());

  it('answers 429 with Retry-After past the budget, per token, with Ratelimit headers before it', async () => {
    const remaining: (string | null)[] = [];
    for (let index = 0; index < 3; index += 1) {
      const answer = await call(emulator, 'GET', '/zones');
      assert.equal(answer.status, 200);
      remaining.push(answer.headers.get('ratelimit'));
    }
    assert.deepEqual(remaining, ['"default";r=2;t=2', '"default";r=1;t=2', '"default";r=0;t=2']);
    const limited = await call(emulator, 'GET', '/zones');
    assert.deepEqual(refusal(limited), { status: 429, code: 971, success: false });
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 2, `Retry-After ${limited.headers.get('retry-after')}`);
    assert.equal((await call(emulator, 'GET', '/zones', { token: 'demo-readonly-token' })).status, 200, 'another token has its own budget');
    assert.deepEqual(emulator.contractViolations, []);
  });
});
