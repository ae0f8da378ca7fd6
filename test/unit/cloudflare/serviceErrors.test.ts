import * as assert from 'node:assert/strict';
import {
  AlreadyExistsError,
  CloudflareApiError,
  isNotNow,
  NotNowError,
  RateLimitError,
  toCloudflareError,
} from '../../../src/cloudflare/errors';
import { ContractValidator } from '../../contract/openapiValidator';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import { leaf, pause, zoneNamed } from '../emulator/emulatorHttp';
import { harness, rejection } from './clientHarness';

// Long enough that a loaded machine still sees a fresh upload pending_deployment.
const TRANSITION_MS = 250;

// The README's service codes as the client meets them from the emulator: typed, in plain words, and
// writes never re-sent on their own (waiting and retrying "not now" is the caller's decision).
describe("CloudflareClient and Cloudflare's service codes", () => {
  let emulator: Emulator;
  const zone = () => zoneNamed(emulator, 'example.org');
  const body = async (name: string) => {
    const certificate = await leaf(name);
    return { certificate: certificate.certPem, private_key: certificate.key.pkcs8Pem };
  };
  const posts = () => emulator.log.writes().filter((entry) => entry.method !== 'GET').length;

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo', transitionMs: TRANSITION_MS, validator: new ContractValidator() });
  });
  beforeEach(() => {
    emulator.faults.clear();
    emulator.log.clear();
  });
  after(() => emulator.close());

  it('1434: NotNowError (retryable, isNotNow) for a hostname pointed at a certificate still deploying, sent once', async () => {
    const { client, sent } = harness(emulator.baseUrl);
    const uploaded = await client.uploadHostnameCertificate(zone().id, await body('deploying.example.org'));
    const error = await rejection(
      client.updateHostnameAssociations(zone().id, [{ hostname: 'deploying.example.org', cert_id: uploaded.id, enabled: true }]),
    );
    assert.ok(error instanceof NotNowError, error.name);
    assert.deepEqual([error.code, error.retryable, isNotNow(error)], [1434, true, true]);
    assert.match(
      error.message,
      /^Cloudflare is still deploying the certificate, so nothing was changed yet; try again shortly\. Cloudflare says: .*\[1434\]$/,
    );
    assert.equal(sent.filter((request) => request.method === 'PUT').length, 1, 'a write is not retried blindly');
    await pause(TRANSITION_MS + 20);
    const [moved] = await client.updateHostnameAssociations(zone().id, [
      { hostname: 'deploying.example.org', cert_id: uploaded.id, enabled: true },
    ]);
    assert.equal(moved.status, 'pending_deployment', 'the same request succeeds after a wait');
  });

  it('1414 and 1406 while a certificate is pending deletion: NotNowError for a second delete, AlreadyExistsError for a re-upload', async () => {
    const { client } = harness(emulator.baseUrl);
    const pem = await body('leaving.example.org');
    const uploaded = await client.uploadHostnameCertificate(zone().id, pem);
    await pause(TRANSITION_MS + 20);
    await client.deleteHostnameCertificate(zone().id, uploaded.id);
    const again = await rejection(client.deleteHostnameCertificate(zone().id, uploaded.id));
    assert.ok(again instanceof NotNowError && again.code === 1414, again.message);
    assert.match(again.message, /still deleting the certificate/);
    const duplicate = await rejection(client.uploadHostnameCertificate(zone().id, pem));
    assert.ok(duplicate instanceof AlreadyExistsError, duplicate.name);
    assert.deepEqual([duplicate.code, isNotNow(duplicate)], [1406, false]);
    assert.match(duplicate.message, /^Cloudflare already holds this certificate\./);
  });

  it('HTTP 409 for overlapping writes to one zone: NotNowError, and neither write re-sent', async () => {
    const { client } = harness(emulator.baseUrl);
    emulator.latencyMs = 150;
    try {
      const results = await Promise.allSettled([client.setAopSettings(zone().id, true), client.setAopSettings(zone().id, true)]);
      const refused = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      assert.ok(refused?.reason instanceof NotNowError, String(refused?.reason));
      assert.equal((refused.reason as NotNowError).status, 409);
      assert.match((refused.reason as Error).message, /Another change to this zone is still in progress/);
      assert.equal(posts(), 2);
    } finally {
      emulator.latencyMs = 0;
    }
  });

  it('971 is a rate limit whatever its status: RateLimitError, waited for and sent again (Cloudflare did not process it)', async () => {
    const { client, sleeps } = harness(emulator.baseUrl);
    emulator.faults.add({ kind: 'serviceError', code: 971, status: 400, method: 'PUT' });
    assert.deepEqual(await client.setAopSettings(zone().id, true), { enabled: true });
    assert.equal(posts(), 2);
    assert.equal(sleeps.length, 1);
    const mapped = toCloudflareError(
      { method: 'GET', path: '/zones', needs: 'Zone: Read' },
      429,
      [{ code: 971, message: 'Please wait' }],
      2000,
    );
    assert.ok(mapped instanceof RateLimitError && mapped.retryAfterMs === 2000);
  });

  it('an injected "not now" on a read is retried like any retryable read; on a write it is surfaced at once', async () => {
    const { client, sent } = harness(emulator.baseUrl);
    emulator.faults.add({ kind: 'serviceError', code: 1434, method: 'GET', path: '/settings$' });
    assert.deepEqual(await client.getAopSettings(zone().id), { enabled: true });
    assert.equal(sent.length, 2);
    emulator.faults.add({ kind: 'serviceError', status: 409, method: 'PUT', path: '/settings$', times: 3 });
    assert.ok(isNotNow(await rejection(client.setAopSettings(zone().id, false))));
    assert.equal(emulator.log.writes().length, 1, 'one PUT, not re-sent into the other two 409s');
  });

  it("1408, 1415 and 1433 in plain words; an unknown code keeps Cloudflare's own message", async () => {
    const { client } = harness(emulator.baseUrl);
    const good = await leaf('words.example.org');
    const unparsable = await rejection(
      client.uploadHostnameCertificate(zone().id, {
        certificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
        private_key: good.key.pkcs8Pem,
      }),
    );
    assert.ok(unparsable instanceof CloudflareApiError && unparsable.code === 1408);
    assert.match(unparsable.message, /^Cloudflare could not parse the certificate;/);
    const unknownId = await rejection(
      client.updateHostnameAssociations(zone().id, [
        { hostname: 'x.example.org', cert_id: '0123456789abcdef0123456789abcdef', enabled: true },
      ]),
    );
    assert.match(unknownId.message, /^Cloudflare does not know this certificate id/);
    const used = emulator.state.associations.find((association) => association.hostname === 'api.example.com')!;
    const inUse = await rejection(client.deleteHostnameCertificate(used.zoneId, used.certId));
    assert.ok(inUse instanceof CloudflareApiError && inUse.code === 1433);
    assert.match(inUse.message, /^The certificate is still used by a hostname association; stop using it/);
    emulator.faults.add({ kind: 'serviceError', code: 4242, message: 'A brand new <b>refusal</b>', method: 'POST' });
    const unknown = await rejection(client.uploadHostnameCertificate(zone().id, await body('new-code.example.org')));
    assert.equal(unknown.message, 'Cloudflare refused the request. Cloudflare says: A brand new <b>refusal</b> [4242]');
  });

  it('a pack DELETE answered with the documented bare {"id"} is a success; an empty list answered null is []', async () => {
    const { client } = harness(emulator.baseUrl);
    const both = emulator.state.customHostnames.find((record) => record.certificates.length === 2)!;
    assert.equal(await client.deletePackCertificate(both.zoneId, both.id, both.packId, both.certificates[0].id), undefined);
    assert.equal(both.certificates.length, 1);
    emulator.quirks.emptyListsAsNull = true;
    try {
      assert.deepEqual(await client.listHostnameAssociations(zoneNamed(emulator, 'new-zone.dev').id), []);
      assert.deepEqual(await client.listHostnameCertificates(zoneNamed(emulator, 'new-zone.dev').id), []);
    } finally {
      emulator.quirks.emptyListsAsNull = false;
    }
    emulator.faults.add({ kind: 'nullResult', path: '/custom_hostnames$' });
    assert.deepEqual(await client.listCustomHostnames(both.zoneId), []);
  });
});
