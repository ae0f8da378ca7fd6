import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkBaseUrl, CloudflareClient } from '../../../src/cloudflare/cloudflareClient';
import { CloudflareError } from '../../../src/cloudflare/errors';
import { ContractValidator } from '../../contract/openapiValidator';
import { startEmulator, type Emulator, type FaultRule } from '../../emulator/emulator';
import { createCertificate } from '../../fixtures/certificateFactory';
import { zoneNamed } from '../emulator/emulatorHttp';
import { harness, rejection } from './clientHarness';

/** A server on 127.0.0.1 that answers every request with `answer` and counts them. */
async function tinyServer(
  answer: (response: http.ServerResponse) => void,
): Promise<{ port: number; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    answer(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('CloudflareClient safety', () => {
  it('does not follow a 3xx: the redirect target receives nothing and the error says why', async () => {
    const target = await tinyServer((response) => response.end('{}'));
    const redirector = await tinyServer((response) => {
      response.writeHead(302, { Location: `http://127.0.0.1:${target.port}/client/v4/zones` });
      response.end();
    });
    try {
      const { client } = harness(`http://127.0.0.1:${redirector.port}/client/v4`);
      const error = await rejection(client.listZones());
      assert.ok(error instanceof CloudflareError);
      assert.equal(error.status, 302);
      assert.match(error.message, /redirect \(302\), which is not followed/);
      assert.deepEqual(redirector.hits, ['GET /client/v4/zones?page=1&per_page=50']);
      assert.deepEqual(target.hits, []);
    } finally {
      await Promise.all([target.close(), redirector.close()]);
    }
  });

  describe('the token never reaches an error message or a log line', () => {
    const token = 'cfTokenSECRET_0123456789abcdefghijklmnop';
    const unknown = 'cfTokenUNKNOWN_9876543210zyxwvutsrqponm';
    let emulator: Emulator;

    before(async () => {
      emulator = await startEmulator({ port: 0, seed: 'demo', transitionMs: 50, validator: new ContractValidator() });
      emulator.state.addToken({ value: token, label: 'secret-token' });
    });
    after(() => emulator.close());

    it('across successes, refusals and every kind of failure', async () => {
      const { client, sent, lines } = harness(emulator.baseUrl, { token, timeoutMs: 100, maxRetries: 1 });
      const stranger = harness(emulator.baseUrl, { token: unknown });
      const zone = zoneNamed(emulator, 'example.com');
      const ca = await createCertificate({ commonName: 'Secret Test CA', isCA: true });
      const errors: unknown[] = [];
      const attempt = (promise: Promise<unknown>) => promise.catch((error: unknown) => errors.push(error));
      await client.listZones();
      await client.listHostnameAssociations(zone.id);
      await attempt(client.getHostnameCertificate(zone.id, 'missing'));
      await attempt(client.uploadHostnameCertificate(zone.id, { certificate: ca.certPem, private_key: ca.key.pkcs8Pem }));
      const faults: FaultRule[] = [
        { kind: 'serverError', times: 2 },
        { kind: 'drop', times: 2 },
        { kind: 'hang', times: 2 },
        { kind: 'htmlError', status: 200, times: 2 },
        { kind: 'rateLimit', retryAfterSeconds: 600 },
      ];
      for (const fault of faults) {
        emulator.faults.add(fault);
        await attempt(client.listZones());
      }
      await attempt(stranger.client.listZones());
      await attempt(stranger.client.verifyToken());
      assert.equal(errors.length, 9);
      assert.ok(
        sent.every((request) => request.headers.Authorization === `Bearer ${token}`),
        'the token was in play',
      );
      assert.ok(lines.length >= 10);
      for (const line of [...lines, ...stranger.lines]) {
        assert.ok(!line.includes(token) && !line.includes(unknown), line);
        assert.ok(!/PRIVATE KEY|Bearer/.test(line), line);
      }
      for (const error of errors) {
        assert.ok(error instanceof CloudflareError);
        for (let current: unknown = error; current instanceof Error; current = current.cause) {
          const text = `${String(current)} ${current.stack} ${JSON.stringify(current)}`;
          assert.ok(!text.includes(token) && !text.includes(unknown), `${current.name}: ${current.message}`);
        }
      }
    });
  });

  describe('checkBaseUrl', () => {
    it('accepts https anywhere (without a trailing slash) and http only to loopback', () => {
      const accepted: [string, string][] = [
        ['https://api.cloudflare.com/client/v4', 'https://api.cloudflare.com/client/v4'],
        [' https://api.cloudflare.com/client/v4/ ', 'https://api.cloudflare.com/client/v4'],
        ['https://proxy.example.net:8443/cf', 'https://proxy.example.net:8443/cf'],
        ['http://localhost:8787/client/v4', 'http://localhost:8787/client/v4'],
        ['http://127.0.0.1:8787/client/v4', 'http://127.0.0.1:8787/client/v4'],
        ['http://127.10.20.30/client/v4', 'http://127.10.20.30/client/v4'],
        ['http://[::1]:8787/client/v4', 'http://[::1]:8787/client/v4'],
      ];
      for (const [value, url] of accepted) {
        assert.deepEqual(checkBaseUrl(value), { ok: true, url }, value);
      }
    });

    it('refuses http elsewhere, credentials, other schemes, queries and non-URLs, with the setting named', () => {
      const refused: [string, RegExp][] = [
        ['http://api.cloudflare.com/client/v4', /uses http: for api\.cloudflare\.com/],
        ['http://10.0.0.1/client/v4', /uses http: for 10\.0\.0\.1/],
        ['http://127.0.0.1.evil.example/client/v4', /uses http: for 127\.0\.0\.1\.evil\.example/],
        ['http://localhost.evil.example/', /uses http:/],
        ['https://user:hunter2@api.cloudflare.com/client/v4', /must not contain a user name or password/],
        ['http://user@localhost:8787/client/v4', /must not contain a user name or password/],
        ['ftp://api.cloudflare.com/client/v4', /must be https:/],
        ['https://api.cloudflare.com/client/v4?x=1', /must not have a query or fragment/],
        ['not a url', /is not a valid URL/],
        ['', /is not a valid URL/],
      ];
      for (const [value, words] of refused) {
        const checked = checkBaseUrl(value);
        assert.equal(checked.ok, false, value);
        assert.match((checked as { message: string }).message, words);
        assert.match((checked as { message: string }).message, /cloudflareCertificates\.apiBaseUrl/);
        assert.ok(!(checked as { message: string }).message.includes('hunter2'));
      }
    });

    it('is enforced by the client constructor', () => {
      const build = (baseUrl: string) => () =>
        new CloudflareClient({ baseUrl, getToken: async () => 't', fetch: () => Promise.reject(new Error('never called')) });
      assert.throws(build('http://api.cloudflare.com/client/v4'), CloudflareError);
      assert.equal(build('http://127.0.0.1:1/client/v4/')().baseUrl, 'http://127.0.0.1:1/client/v4');
    });
  });
});
