import * as assert from 'node:assert/strict';
import {
  AuthError,
  CancelledError,
  CloudflareApiError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  PermissionError,
  ServerError,
  TimeoutError,
} from '../../../src/cloudflare/errors';
import { packCertificates } from '../../../src/cloudflare/types';
import { ContractValidator } from '../../contract/openapiValidator';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import { createCertificate, generateKey } from '../../fixtures/certificateFactory';
import { leaf, zoneNamed } from '../emulator/emulatorHttp';
import { harness, rejection } from './clientHarness';

const MISSING = '0123456789abcdef0123456789abcdef';

describe('CloudflareClient against the demo emulator', () => {
  let emulator: Emulator;
  const paths = () => emulator.log.entries().map((entry) => `${entry.method} ${entry.path}`);

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo', transitionMs: 50, validator: new ContractValidator() });
  });
  beforeEach(() => {
    emulator.faults.clear();
    emulator.log.clear();
  });
  after(() => emulator.close());

  it('verifyToken: a user token at /user/tokens/verify, an account token at its account', async () => {
    const user = await harness(emulator.baseUrl).client.verifyToken();
    assert.deepEqual(user, { id: emulator.state.tokens.get('demo-token')!.id, status: 'active', kind: 'user' });
    emulator.log.clear();
    const account = await harness(emulator.baseUrl, { token: 'demo-account-token' }).client.verifyToken();
    assert.deepEqual(account, { id: emulator.state.tokens.get('demo-account-token')!.id, status: 'active', kind: 'account' });
    const accountId = zoneNamed(emulator, 'example.com').accountId;
    assert.deepEqual(paths(), ['GET /user/tokens/verify', 'GET /zones', `GET /accounts/${accountId}/tokens/verify`]);
  });

  it('listZones: every zone in one request of 50', async () => {
    const zones = await harness(emulator.baseUrl).client.listZones();
    assert.deepEqual(
      zones.map((zone) => zone.name),
      emulator.state.zones.map((zone) => zone.name),
    );
    assert.deepEqual(
      emulator.log.entries().map((entry) => entry.query),
      [{ page: '1', per_page: '50' }],
    );
  });

  it('AOP certificates: list, get, upload (pending_deployment) and delete (pending_deletion)', async () => {
    const { client } = harness(emulator.baseUrl);
    const zone = zoneNamed(emulator, 'example.org');
    const listed = await client.listHostnameCertificates(zone.id);
    assert.deepEqual(
      listed.map((certificate) => certificate.id),
      emulator.state.aopCertificatesOf(zone.id).map((record) => record.id),
    );
    assert.deepEqual(await client.getHostnameCertificate(zone.id, listed[0].id), listed[0]);
    const certificate = await leaf('client.example.org');
    const uploaded = await client.uploadHostnameCertificate(zone.id, {
      certificate: certificate.certPem,
      private_key: certificate.key.pkcs8Pem,
    });
    assert.deepEqual([uploaded.status, uploaded.serial_number], ['pending_deployment', certificate.serialNumber]);
    const deleted = await client.deleteHostnameCertificate(zone.id, uploaded.id);
    assert.deepEqual([deleted?.id, deleted?.status], [uploaded.id, 'pending_deletion']);
    assert.deepEqual(
      emulator.log.writes().map((entry) => entry.method),
      ['POST', 'DELETE'],
    );
  });

  it('associations: list (every status, id = hostname), get one, update and invalidate', async () => {
    const { client } = harness(emulator.baseUrl);
    const zone = zoneNamed(emulator, 'example.com');
    const all = await client.listHostnameAssociations(zone.id);
    assert.deepEqual(
      all.map((association) => [(association as typeof association & { id?: string }).id, association.hostname, association.enabled]),
      [
        ['api.example.com', 'api.example.com', true],
        ['www.example.com', 'www.example.com', false],
        ['shop.example.com', 'shop.example.com', true],
      ],
    );
    assert.deepEqual(emulator.log.entries()[0].query, { page: '1', per_page: '1000', status: 'all' });
    const one = await client.getHostnameAssociation(zone.id, 'shop.example.com');
    assert.equal(one.cert_id, all[2].cert_id);
    const changed = await client.updateHostnameAssociations(zone.id, [
      { hostname: 'cart.example.com', cert_id: all[2].cert_id!, enabled: false },
    ]);
    assert.deepEqual(
      changed.map((association) => [association.hostname, association.enabled]),
      [['cart.example.com', false]],
    );
    await client.updateHostnameAssociations(zone.id, [{ hostname: 'cart.example.com', cert_id: all[2].cert_id!, enabled: null }]);
    assert.equal((await client.listHostnameAssociations(zone.id)).length, 3);
  });

  it('AOP settings: get and set', async () => {
    const { client } = harness(emulator.baseUrl);
    const zone = zoneNamed(emulator, 'staging.example.net');
    assert.deepEqual(await client.getAopSettings(zone.id), { enabled: true });
    assert.deepEqual(await client.setAopSettings(zone.id, false), { enabled: false });
    assert.deepEqual(await client.getAopSettings(zone.id), { enabled: false });
  });

  it('custom hostnames: one page, all 120 in one request of 1,000, and one by id', async () => {
    const { client } = harness(emulator.baseUrl);
    const zone = zoneNamed(emulator, 'saas-platform.net');
    const page = await client.listCustomHostnamesPage(zone.id, 2, 50);
    assert.deepEqual([page.items.length, page.resultInfo?.page, page.resultInfo?.total_count], [50, 2, 120]);
    emulator.log.clear();
    const all = await client.listCustomHostnames(zone.id);
    assert.equal(all.length, 120);
    assert.equal(new Set(all.map((hostname) => hostname.id)).size, 120);
    assert.deepEqual(
      emulator.log.entries().map((entry) => entry.query.per_page),
      ['1000'],
    );
    assert.deepEqual(await client.getCustomHostname(zone.id, all[7].id), all[7]);
  });

  it('pack certificates: replace (RSA→RSA) and delete one of two', async () => {
    const { client } = harness(emulator.baseUrl);
    const rsaOnly = emulator.state.customHostnames.find(
      (record) => record.certificates.length === 1 && record.certificates[0].certificate.keyType === 'RSA',
    )!;
    const rsa = await createCertificate({ commonName: 'pack.saas-platform.net', keyKind: 'RSA' });
    const replaced = await client.replacePackCertificate(rsaOnly.zoneId, rsaOnly.id, rsaOnly.packId, rsaOnly.certificates[0].id, {
      custom_certificate: rsa.certPem,
      custom_key: rsa.key.pkcs8Pem,
    });
    assert.equal(replaced.ssl?.status, 'pending_deployment');
    assert.deepEqual(
      packCertificates(replaced).map((certificate) => certificate.serial_number),
      [rsa.serialNumber],
    );
    const both = emulator.state.customHostnames.find((record) => record.certificates.length === 2)!;
    const [gone, kept] = both.certificates.map((entry) => entry.id);
    assert.equal(await client.deletePackCertificate(both.zoneId, both.id, both.packId, gone), undefined);
    assert.deepEqual(
      packCertificates(await client.getCustomHostname(both.zoneId, both.id)).map((certificate) => certificate.id),
      [kept],
    );
  });

  describe('typed errors', () => {
    it('AuthError for a rejected token (401/10000) and for no token at all (nothing sent)', async () => {
      const wrong = await rejection(harness(emulator.baseUrl, { token: 'wrong-token' }).client.listZones());
      assert.ok(wrong instanceof AuthError);
      assert.deepEqual([wrong.status, wrong.code], [401, 10000]);
      const none = harness(emulator.baseUrl, { noToken: true });
      const missing = await rejection(none.client.listZones());
      assert.ok(missing instanceof AuthError);
      assert.match(missing.message, /No Cloudflare API token is set/);
      assert.equal(none.sent.length, 0);
    });

    it('PermissionError naming "SSL and Certificates: Edit" for a read-only token\'s write', async () => {
      const zone = zoneNamed(emulator, 'example.org');
      const { client } = harness(emulator.baseUrl, { token: 'demo-readonly-token' });
      assert.equal((await client.listHostnameCertificates(zone.id)).length > 0, true);
      const refused = await rejection(client.setAopSettings(zone.id, false));
      assert.ok(refused instanceof PermissionError);
      assert.equal(refused.permission, 'SSL and Certificates: Edit');
      assert.match(refused.message, /lacks the "SSL and Certificates: Edit" permission/);
      assert.deepEqual([refused.status, refused.code], [403, 10000]);
    });

    it("NotFoundError for an unknown certificate, with Cloudflare's code", async () => {
      const error = await rejection(
        harness(emulator.baseUrl).client.getHostnameCertificate(zoneNamed(emulator, 'example.com').id, MISSING),
      );
      assert.ok(error instanceof NotFoundError);
      assert.deepEqual([error.status, error.code], [404, 1404]);
    });

    it('CloudflareApiError with 1412 and 2200, in plain words plus what Cloudflare said', async () => {
      const { client } = harness(emulator.baseUrl);
      const zone = zoneNamed(emulator, 'example.org');
      const ca = await createCertificate({ commonName: 'Client Test CA', isCA: true });
      const notLeaf = await rejection(client.uploadHostnameCertificate(zone.id, { certificate: ca.certPem, private_key: ca.key.pkcs8Pem }));
      assert.ok(notLeaf instanceof CloudflareApiError);
      assert.deepEqual([notLeaf.status, notLeaf.code], [400, 1412]);
      assert.match(
        notLeaf.message,
        /^Only leaf certificates can be uploaded as client certificates; this is a CA certificate\. Cloudflare says: Only leaf certificate is allowed\. \[1412\]$/,
      );
      const good = await leaf('mismatch.example.org');
      const mismatch = await rejection(
        client.uploadHostnameCertificate(zone.id, { certificate: good.certPem, private_key: (await generateKey('ECDSA')).pkcs8Pem }),
      );
      assert.ok(mismatch instanceof CloudflareApiError);
      assert.equal(mismatch.code, 2200);
      assert.match(mismatch.message, /^The certificate and the private key do not match\./);
    });

    it('MalformedResponseError for an HTML page, truncated JSON and a non-envelope (a 502 HTML page is a ServerError)', async () => {
      const { client } = harness(emulator.baseUrl, { maxRetries: 0 });
      const cases = [
        [{ kind: 'htmlError', status: 200 }, /an HTML page came back instead of JSON/],
        [{ kind: 'malformedJson' }, /the body is not the API v4 envelope/],
        [{ kind: 'notEnvelope' }, /the body is not the API v4 envelope/],
      ] as const;
      for (const [rule, words] of cases) {
        emulator.faults.add(rule);
        const error = await rejection(client.listZones());
        assert.ok(error instanceof MalformedResponseError, `${rule.kind}: ${error.name}`);
        assert.match(error.message, words);
      }
      emulator.faults.add({ kind: 'htmlError' });
      const proxy = await rejection(client.listZones());
      assert.ok(proxy instanceof ServerError);
      assert.equal(proxy.status, 502);
    });

    it('NetworkError for a dropped connection', async () => {
      emulator.faults.add({ kind: 'drop' });
      const error = await rejection(harness(emulator.baseUrl, { maxRetries: 0 }).client.listZones());
      assert.ok(error instanceof NetworkError);
      assert.equal(error.retryable, true);
    });

    it('TimeoutError when the answer takes longer than timeoutMs', async () => {
      emulator.faults.add({ kind: 'hang' });
      const started = Date.now();
      const error = await rejection(harness(emulator.baseUrl, { maxRetries: 0, timeoutMs: 100 }).client.listZones());
      assert.ok(error instanceof TimeoutError);
      assert.ok(Date.now() - started < 2000);
    });

    it('CancelledError via AbortSignal, in flight or before sending', async () => {
      emulator.faults.add({ kind: 'hang' });
      const { client, sent } = harness(emulator.baseUrl);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const inFlight = await rejection(client.listZones(controller.signal));
      assert.ok(inFlight instanceof CancelledError, inFlight.name);
      assert.equal(sent.length, 1, 'a cancelled GET is not retried');
      const early = await rejection(client.listZones(AbortSignal.abort()));
      assert.ok(early instanceof CancelledError, early.name);
      assert.equal(sent.length, 1, 'nothing sent for an already-aborted signal');
    });
  });
});
