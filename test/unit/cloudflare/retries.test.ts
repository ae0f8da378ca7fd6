import * as assert from 'node:assert/strict';
import { parseRetryAfter } from '../../../src/cloudflare/cloudflareClient';
import { NetworkError, RateLimitError, ServerError } from '../../../src/cloudflare/errors';
import { ContractValidator } from '../../contract/openapiValidator';
import { startEmulator, type Emulator, type FaultRule } from '../../emulator/emulator';
import { leaf } from '../emulator/emulatorHttp';
import { harness, rejection } from './clientHarness';

// Which failures the client retries, how long it waits (a fake sleep records the waits), and that a
// write is never sent twice after the service may have acted on it.
describe('CloudflareClient retries', () => {
  let emulator: Emulator;
  const zoneId = () => emulator.state.zones[0].id;
  const requests = (path = '/zones') => emulator.log.entries().filter((entry) => entry.path === path).length;

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'empty', transitionMs: 20, validator: new ContractValidator() });
  });
  beforeEach(() => {
    emulator.faults.clear();
    emulator.log.clear();
  });
  after(() => emulator.close());

  it('429 with Retry-After: waits exactly that long, then succeeds', async () => {
    emulator.faults.add({ kind: 'rateLimit', retryAfterSeconds: 2, times: 2 });
    const { client, sleeps, lines } = harness(emulator.baseUrl);
    assert.equal((await client.listZones()).length, 1);
    assert.equal(requests(), 3);
    assert.deepEqual(sleeps, [2000, 2000]);
    assert.equal(lines.filter((line) => line === 'GET /zones: RateLimitError; retrying in 2000 ms').length, 2);
  });

  it('429 with a Retry-After beyond maxRetryWaitMs is surfaced at once', async () => {
    emulator.faults.add({ kind: 'rateLimit', retryAfterSeconds: 120 });
    const { client, sleeps } = harness(emulator.baseUrl, { maxRetryWaitMs: 60_000 });
    const error = await rejection(client.listZones());
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfterMs, 120_000);
    assert.match(error.message, /Try again in 120 s/);
    assert.deepEqual([requests(), sleeps], [1, []]);
  });

  it('429 without Retry-After: exponential backoff with jitter, a bounded number of times', async () => {
    emulator.faults.add({ kind: 'rateLimit', retryAfterSeconds: null, times: Infinity });
    const { client, sleeps } = harness(emulator.baseUrl);
    const error = await rejection(client.listZones());
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfterMs, undefined);
    assert.equal(requests(), 5, 'one request and maxRateLimitRetries (4) more');
    assert.deepEqual(sleeps, [187.5, 375, 750, 1500], 'half the ceiling plus random (0.5) × half');
  });

  it('jitter stays within [ceiling/2, ceiling] and the ceiling stops at 8 s', async () => {
    emulator.faults.add({ kind: 'rateLimit', retryAfterSeconds: null, times: Infinity });
    const randoms = [0, 0.999, 0.3, 0.7, 0, 0.999, 0.5, 0.999];
    let index = 0;
    const { client, sleeps } = harness(emulator.baseUrl, { maxRateLimitRetries: 8, random: () => randoms[index++ % randoms.length] });
    assert.ok((await rejection(client.listZones())) instanceof RateLimitError);
    assert.equal(requests(), 9);
    const ceilings = [250, 500, 1000, 2000, 4000, 8000, 8000, 8000];
    assert.equal(sleeps.length, ceilings.length);
    sleeps.forEach((wait, retry) => {
      assert.ok(wait >= ceilings[retry] / 2 && wait <= ceilings[retry], `retry ${retry + 1} waited ${wait}`);
    });
    assert.equal(sleeps[0], 125);
    assert.ok(Math.max(...sleeps) <= 8000);
  });

  it('a rate-limited write is retried (Cloudflare did not act on it) and lands once', async () => {
    emulator.faults.add({ kind: 'rateLimit', method: 'POST', retryAfterSeconds: 1 });
    const certificate = await leaf('limited.empty.example');
    const { client } = harness(emulator.baseUrl);
    const uploaded = await client.uploadHostnameCertificate(zoneId(), {
      certificate: certificate.certPem,
      private_key: certificate.key.pkcs8Pem,
    });
    assert.deepEqual(
      emulator.log.writes().map((entry) => entry.status),
      [429, 200],
    );
    assert.equal(emulator.state.aopCertificates.filter((record) => record.certificate.serialNumber === certificate.serialNumber).length, 1);
    await client.deleteHostnameCertificate(zoneId(), uploaded.id);
  });

  it('GET after 5xx: retried maxRetries times with backoff, then the ServerError', async () => {
    emulator.faults.add({ kind: 'serverError', status: 503, times: Infinity });
    const { client, sleeps } = harness(emulator.baseUrl);
    const error = await rejection(client.listZones());
    assert.ok(error instanceof ServerError);
    assert.equal(error.status, 503);
    assert.deepEqual([requests(), sleeps], [4, [187.5, 375, 750]]);
    emulator.log.clear();
    assert.ok((await rejection(harness(emulator.baseUrl, { maxRetries: 1 }).client.listZones())) instanceof ServerError);
    assert.equal(requests(), 2);
  });

  it('GET after a 5xx or a drop recovers when the fault passes', async () => {
    emulator.faults.add({ kind: 'serverError', times: 2 });
    const { client, sleeps } = harness(emulator.baseUrl);
    assert.equal((await client.listZones()).length, 1);
    assert.deepEqual(
      emulator.log.entries().map((entry) => entry.fault ?? entry.status),
      ['serverError', 'serverError', 200],
    );
    emulator.log.clear();
    emulator.faults.add({ kind: 'drop' });
    assert.equal((await client.listZones()).length, 1);
    assert.deepEqual(
      emulator.log.entries().map((entry) => entry.fault ?? entry.status),
      ['drop', 200],
    );
    assert.deepEqual(sleeps, [187.5, 375, 187.5]);
  });

  it('POST, PUT and DELETE are never retried after a 5xx or a dropped connection', async () => {
    const certificate = await leaf('once.empty.example');
    const writes: [string, () => Promise<unknown>][] = [];
    const { client, sleeps } = harness(emulator.baseUrl);
    writes.push([
      'POST',
      () => client.uploadHostnameCertificate(zoneId(), { certificate: certificate.certPem, private_key: certificate.key.pkcs8Pem }),
    ]);
    writes.push(['PUT', () => client.setAopSettings(zoneId(), false)]);
    writes.push(['DELETE', () => client.deleteHostnameCertificate(zoneId(), '0123456789abcdef0123456789abcdef')]);
    for (const [method, send] of writes) {
      for (const [fault, type] of [
        [{ kind: 'serverError', method, times: Infinity }, ServerError],
        [{ kind: 'drop', method, times: Infinity }, NetworkError],
      ] as [FaultRule, typeof ServerError][]) {
        emulator.faults.clear();
        emulator.log.clear();
        emulator.faults.add(fault);
        const error = await rejection(send());
        assert.ok(error instanceof type, `${method} ${fault.kind}: ${error.name}`);
        assert.equal(emulator.log.writes().length, 1, `${method} ${fault.kind} was sent ${emulator.log.writes().length} times`);
      }
    }
    assert.deepEqual(sleeps, []);
    assert.equal(
      emulator.state.aopCertificates.filter((record) => record.certificate.serialNumber === certificate.serialNumber).length,
      0,
      'no upload landed',
    );
  });

  it('a commitThenDrop upload surfaces a NetworkError, sent once, and the certificate exists afterwards', async () => {
    emulator.faults.add({ kind: 'commitThenDrop', method: 'POST' });
    const certificate = await leaf('committed.empty.example');
    const { client } = harness(emulator.baseUrl);
    const error = await rejection(
      client.uploadHostnameCertificate(zoneId(), { certificate: certificate.certPem, private_key: certificate.key.pkcs8Pem }),
    );
    assert.ok(error instanceof NetworkError, error.name);
    assert.equal(emulator.log.writes().length, 1);
    const listed = await client.listHostnameCertificates(zoneId());
    assert.deepEqual(
      listed.map((entry) => entry.serial_number),
      [certificate.serialNumber],
    );
  });

  it('parseRetryAfter reads seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter('1.5', now), 1500);
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now), 10_000);
    assert.equal(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  it("kept every answer inside Cloudflare's schema", () => {
    assert.deepEqual(emulator.contractViolations, []);
  });
});
