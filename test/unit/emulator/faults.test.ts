import * as assert from 'node:assert/strict';
import { ContractValidator } from '../../contract/openapiValidator';
import { startEmulator, type Emulator, type FaultRule } from '../../emulator/emulator';
import type { HostnameCertificate } from '../../../src/cloudflare/types';
import { aopPath, call, controlUrl, leaf, pause, uploadBody } from './emulatorHttp';

// Each fault kind as a client sees it on the wire (Node's global fetch), and the HTTP control API.
describe('emulator faults (over HTTP)', () => {
  let emulator: Emulator;
  const zoneId = () => emulator.state.zones[0].id;
  const auth = { Authorization: 'Bearer demo-token' };
  const raw = (path = '/zones', init: RequestInit = {}) => fetch(`${emulator.baseUrl}${path}`, { ...init, headers: auth });
  const inject = (rule: FaultRule) => emulator.faults.add(rule);
  const statuses = async (count: number, path = '/zones') => {
    const seen: number[] = [];
    for (let index = 0; index < count; index += 1) {
      seen.push((await call(emulator, 'GET', path)).status);
    }
    return seen;
  };

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'empty', transitionMs: 50, validator: new ContractValidator() });
  });
  after(() => emulator.close());
  afterEach(() => emulator.faults.clear());

  it('rateLimit: 429 with Retry-After as asked, 1 s by default, none when null; then the rule is spent', async () => {
    inject({ kind: 'rateLimit', retryAfterSeconds: 7 });
    inject({ kind: 'rateLimit' });
    inject({ kind: 'rateLimit', retryAfterSeconds: null });
    const answers = [await call(emulator, 'GET', '/zones'), await call(emulator, 'GET', '/zones'), await call(emulator, 'GET', '/zones')];
    assert.deepEqual(
      answers.map((answer) => [answer.status, answer.headers.get('retry-after'), answer.body.errors[0].code]),
      [
        [429, '7', 971],
        [429, '1', 971],
        [429, null, 971],
      ],
    );
    assert.equal((await call(emulator, 'GET', '/zones')).status, 200);
  });

  it('serverError: the status asked (500 by default) with a v4 error envelope', async () => {
    inject({ kind: 'serverError', status: 503 });
    inject({ kind: 'serverError' });
    const [first, second] = [await call(emulator, 'GET', '/zones'), await call(emulator, 'GET', '/zones')];
    assert.deepEqual([first.status, first.body.success, first.body.errors[0].code], [503, false, 10002]);
    assert.equal(second.status, 500);
  });

  it("htmlError: a proxy's HTML page (502 by default, or the status asked)", async () => {
    inject({ kind: 'htmlError' });
    inject({ kind: 'htmlError', status: 200 });
    for (const status of [502, 200]) {
      const response = await raw();
      assert.equal(response.status, status);
      assert.equal(response.headers.get('content-type'), 'text/html');
      assert.match(await response.text(), /^<!DOCTYPE html>.*502 Bad Gateway/);
    }
  });

  it('malformedJson and notEnvelope: 200 with a truncated body, and 200 JSON that is not the envelope', async () => {
    inject({ kind: 'malformedJson' });
    inject({ kind: 'notEnvelope' });
    const truncated = await raw();
    assert.equal(truncated.status, 200);
    const text = await truncated.text();
    assert.throws(() => JSON.parse(text), SyntaxError);
    assert.match(text, /^\{"success":true/);
    const other = await call(emulator, 'GET', '/zones');
    assert.deepEqual([other.status, other.body], [200, { message: 'hello from a captive portal' }]);
  });

  it('drop: no answer at all; dropMidBody: headers then half a body', async () => {
    inject({ kind: 'drop' });
    await assert.rejects(raw(), TypeError);
    inject({ kind: 'dropMidBody' });
    const response = await raw();
    assert.equal(response.status, 200);
    await assert.rejects(response.text());
    const logged = emulator.log
      .entries()
      .slice(-2)
      .map((entry) => [entry.fault, entry.status]);
    assert.deepEqual(logged, [
      ['drop', -1],
      ['dropMidBody', -1],
    ]);
  });

  it('slowBody: the headers come at once, the (valid) body trickles over delayMs', async () => {
    inject({ kind: 'slowBody', delayMs: 400 });
    const started = Date.now();
    const response = await raw();
    const headersAfter = Date.now() - started;
    const body = JSON.parse(await response.text()) as { success: boolean; result: unknown[] };
    const bodyAfter = Date.now() - started;
    assert.ok(headersAfter < 200, `headers after ${headersAfter} ms`);
    assert.ok(bodyAfter >= 340, `body after ${bodyAfter} ms`);
    assert.deepEqual([response.status, body.success, body.result.length], [200, true, 1]);
  });

  it('hang: never answers, until the client gives up', async () => {
    inject({ kind: 'hang' });
    const started = Date.now();
    await assert.rejects(
      raw('/zones', { signal: AbortSignal.timeout(150) }),
      (error: Error) => error.name === 'TimeoutError' || error.name === 'AbortError',
    );
    assert.ok(Date.now() - started >= 140);
    await pause(50);
    const entry = emulator.log.entries().at(-1)!;
    assert.deepEqual([entry.fault, entry.status], ['hang', -1]);
    assert.equal(emulator.stats().inFlight, 0, 'the emulator let go of the abandoned request');
  });

  it('commitThenDrop: the upload happens but no answer comes; the list shows it', async () => {
    const before = emulator.state.aopCertificates.length;
    inject({ kind: 'commitThenDrop', method: 'POST' });
    const certificate = await leaf('committed.empty.example');
    await assert.rejects(
      raw(aopPath(zoneId(), '/hostnames/certificates'), { method: 'POST', body: JSON.stringify(uploadBody(certificate)) }),
      TypeError,
    );
    const list = await call<HostnameCertificate[]>(emulator, 'GET', aopPath(zoneId(), '/hostnames/certificates'));
    assert.equal(list.body.result.length, before + 1);
    assert.ok(list.body.result.some((entry) => entry.serial_number === certificate.serialNumber));
  });

  it('lyingResultInfo: inflateTotalPages claims 10,000 pages; omitTotalPages drops the totals', async () => {
    inject({ kind: 'lyingResultInfo', mode: 'inflateTotalPages' });
    inject({ kind: 'lyingResultInfo', mode: 'omitTotalPages' });
    const inflated = await call(emulator, 'GET', '/zones?per_page=5');
    assert.deepEqual(inflated.body.result_info, { page: 1, per_page: 5, count: 1, total_count: 50_000, total_pages: 10_000 });
    const omitted = await call(emulator, 'GET', '/zones?per_page=5');
    assert.deepEqual(omitted.body.result_info, { page: 1, per_page: 5, count: 1 });
    assert.equal(omitted.body.result.length, 1);
  });

  it('times, skip, query, method and path decide which requests a rule hits', async () => {
    inject({ kind: 'serverError', times: 2 });
    assert.deepEqual(await statuses(3), [500, 500, 200]);
    inject({ kind: 'serverError', skip: 1 });
    assert.deepEqual(await statuses(3), [200, 500, 200]);
    inject({ kind: 'serverError', times: Infinity });
    assert.deepEqual(await statuses(3), [500, 500, 500]);
    assert.equal(emulator.faults.active.length, 1);
    emulator.faults.clear();
    inject({ kind: 'serverError', query: 'page=2' });
    assert.deepEqual(await statuses(1, '/zones?page=1&per_page=5'), [200]);
    assert.deepEqual(await statuses(2, '/zones?page=2&per_page=5'), [500, 200]);
    inject({ kind: 'serverError', method: 'POST' });
    inject({ kind: 'serverError', path: '/custom_hostnames$' });
    assert.deepEqual(await statuses(1), [200]);
    assert.deepEqual(await statuses(2, `/zones/${zoneId()}/custom_hostnames`), [500, 200]);
    assert.deepEqual(
      emulator.faults.active.map((rule) => rule.method),
      ['POST'],
    );
  });

  it('/__emulator/ controls faults, the log, stats, state and reset over HTTP', async () => {
    const control = async (command: string, method = 'GET', body?: unknown) => {
      const response = await fetch(controlUrl(emulator, command), { method, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    assert.deepEqual(await control('faults', 'POST', { kind: 'serverError', status: 502, times: null }), {
      status: 200,
      body: { ok: true },
    });
    assert.equal(emulator.faults.active[0].times, Infinity);
    assert.deepEqual(await statuses(2), [502, 502]);
    await control('faults', 'DELETE');
    assert.deepEqual(await statuses(1), [200]);
    const log = (await control('log')).body.entries as { path: string; status: number }[];
    assert.deepEqual(
      log.slice(-3).map((entry) => [entry.path, entry.status]),
      [
        ['/zones', 502],
        ['/zones', 502],
        ['/zones', 200],
      ],
    );
    await control('log', 'DELETE');
    assert.deepEqual((await control('log')).body.entries, []);
    const stats = (await control('stats')).body;
    assert.deepEqual(Object.keys(stats).sort(), ['inFlight', 'peakConcurrent', 'total']);
    assert.ok((stats.total as number) >= 3);
    await call(emulator, 'POST', aopPath(zoneId(), '/hostnames/certificates'), {
      body: uploadBody(await leaf('before-reset.empty.example')),
    });
    const state = (await control('state')).body;
    assert.equal(state.zones, 1);
    assert.ok((state.aopCertificates as number) >= 1);
    await control('faults', 'POST', { kind: 'drop' });
    assert.deepEqual(await control('reset', 'POST', { seed: 'empty' }), { status: 200, body: { ok: true } });
    assert.deepEqual((await control('state')).body, { zones: 1, aopCertificates: 0, associations: 0, customHostnames: 0 });
    assert.deepEqual(emulator.faults.active, [], 'reset clears faults');
    assert.equal((await control('nonsense')).status, 404);
  });

  it("kept every answer that was not a fault inside Cloudflare's schema", () => {
    assert.deepEqual(emulator.contractViolations, []);
  });
});
