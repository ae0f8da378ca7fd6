import * as assert from 'node:assert/strict';
import { ContractValidator } from '../../contract/openapiValidator';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import type { HostnameAssociation, HostnameCertificate } from '../../../src/cloudflare/types';
import { aopPath, call, leaf, pause, refusal, uploadBody, zoneNamed } from './emulatorHttp';

// Long enough that a loaded machine still sees a fresh upload pending_deployment.
const TRANSITION_MS = 250;

// The README's service codes, each where the situation arises, then each injected on demand.
describe('emulator service codes (over HTTP)', () => {
  let emulator: Emulator;
  const zone = () => zoneNamed(emulator, 'example.org');
  const certificates = () => aopPath(zone().id, '/hostnames/certificates');
  const upload = (body: unknown) => call<HostnameCertificate>(emulator, 'POST', certificates(), { body });
  const associate = (config: unknown[]) =>
    call<HostnameAssociation[]>(emulator, 'PUT', aopPath(zone().id, '/hostnames'), { body: { config } });
  const remove = (id: string) => call<HostnameCertificate>(emulator, 'DELETE', `${certificates()}/${id}`);

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo', transitionMs: TRANSITION_MS, validator: new ContractValidator() });
  });
  afterEach(() => emulator.faults.clear());
  after(() => emulator.close());

  it('1406 for a re-upload while the old copy is pending_deletion; once it is gone the upload brings back the same id', async () => {
    const body = uploadBody(await leaf('again.example.org'));
    const first = (await upload(body)).body.result;
    await pause(TRANSITION_MS + 20);
    assert.equal((await remove(first.id)).status, 200);
    assert.deepEqual(refusal(await upload(body)), { status: 400, code: 1406, success: false });
    await pause(TRANSITION_MS + 20);
    const again = await upload(body);
    assert.deepEqual([again.status, again.body.result.id], [200, first.id]);
  });

  it('1414 for deleting a certificate already pending_deletion, and for pointing a hostname at it', async () => {
    const record = (await upload(uploadBody(await leaf('twice.example.org')))).body.result;
    await pause(TRANSITION_MS + 20);
    await remove(record.id);
    assert.deepEqual(refusal(await remove(record.id)), { status: 400, code: 1414, success: false });
    assert.deepEqual(refusal(await associate([{ hostname: 'twice.example.org', cert_id: record.id, enabled: true }])), {
      status: 400,
      code: 1414,
      success: false,
    });
  });

  it('1434 for a hostname pointed at a certificate still pending_deployment; the same PUT succeeds once it is active', async () => {
    const record = (await upload(uploadBody(await leaf('soon.example.org')))).body.result;
    const change = [{ hostname: 'soon.example.org', cert_id: record.id, enabled: true }];
    assert.deepEqual(refusal(await associate(change)), { status: 400, code: 1434, success: false });
    assert.equal(
      emulator.state.associationsOf(zone().id).some((association) => association.hostname === 'soon.example.org'),
      false,
      'not applied',
    );
    await pause(TRANSITION_MS + 20);
    assert.equal((await associate(change)).status, 200);
  });

  it('1415 for an unknown or deleted certificate id, 1408 for a certificate that cannot be parsed', async () => {
    assert.deepEqual(
      refusal(await associate([{ hostname: 'x.example.org', cert_id: '0123456789abcdef0123456789abcdef', enabled: true }])),
      { status: 400, code: 1415, success: false },
    );
    const good = await leaf('parse.example.org');
    const garbage = { certificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', private_key: good.key.pkcs8Pem };
    assert.deepEqual(refusal(await upload(garbage)), { status: 400, code: 1408, success: false });
  });

  it('1433 for deleting a certificate a hostname still uses, enabled or disabled', async () => {
    const used = emulator.state.associations.find((association) => association.hostname === 'www.example.com')!;
    assert.equal(used.enabled, false);
    const answer = await call(emulator, 'DELETE', aopPath(used.zoneId, `/hostnames/certificates/${used.certId}`));
    assert.deepEqual(refusal(answer), { status: 400, code: 1433, success: false });
  });

  it('409 for a write to a zone while another write to it is unanswered; other zones and reads go through', async () => {
    const body = uploadBody(await leaf('busy.example.org'));
    emulator.latencyMs = 150;
    try {
      const first = upload(body);
      await pause(30);
      const [second, elsewhere, read] = await Promise.all([
        upload(body),
        call(emulator, 'PUT', aopPath(zoneNamed(emulator, 'staging.example.net').id, '/settings'), { body: { enabled: true } }),
        call(emulator, 'GET', certificates()),
      ]);
      assert.equal((await first).status, 200);
      assert.deepEqual(refusal(second), { status: 409, code: 1409, success: false });
      assert.deepEqual([elsewhere.status, read.status], [200, 200]);
      emulator.quirks.zoneWriteConflicts = false;
      const settings = () => call(emulator, 'PUT', aopPath(zone().id, '/settings'), { body: { enabled: true } });
      const overlapping = await Promise.all([settings(), settings()]);
      assert.deepEqual(
        overlapping.map((answer) => answer.status),
        [200, 200],
        'no 409 with the quirk off',
      );
    } finally {
      emulator.latencyMs = 0;
      emulator.quirks.zoneWriteConflicts = true;
    }
  });

  it('serviceError injects any code with its documented status, and changes nothing', async () => {
    const count = emulator.state.aopCertificates.length;
    const body = uploadBody(await leaf('injected.example.org'));
    const cases: [Record<string, unknown>, number, number][] = [
      [{ code: 1434 }, 400, 1434],
      [{ code: 1414 }, 400, 1414],
      [{ status: 409 }, 409, 1409],
      [{ code: 971 }, 429, 971],
      [{ code: 1406 }, 400, 1406],
      [{ code: 1433, status: 400 }, 400, 1433],
      [{}, 400, 1434],
    ];
    for (const [rule, status, code] of cases) {
      emulator.faults.add({ kind: 'serviceError', method: 'POST', ...rule });
      const answer = await upload(body);
      assert.deepEqual(refusal(answer), { status, code, success: false }, JSON.stringify(rule));
      assert.equal(answer.headers.get('retry-after'), status === 429 ? '1' : null);
    }
    assert.equal(emulator.state.aopCertificates.length, count);
    assert.equal((await upload(body)).status, 200, 'the rules are spent');
  });

  it('fault timings: afterMs lets requests through at first, forMs ends the rule, times and skip count', async () => {
    const path = '/settings$';
    const settings = () => call(emulator, 'GET', aopPath(zone().id, '/settings'));
    emulator.faults.add({ kind: 'serviceError', status: 409, path, times: Infinity, afterMs: 150, forMs: 600 });
    assert.equal((await settings()).status, 200, 'before afterMs');
    await pause(200);
    assert.deepEqual([(await settings()).status, (await settings()).status], [409, 409]);
    await pause(450);
    assert.equal((await settings()).status, 200, 'after forMs');
    assert.deepEqual(emulator.faults.active, []);
    emulator.faults.add({ kind: 'serviceError', code: 1434, path, times: 2, skip: 1 });
    const seen = [];
    for (let index = 0; index < 4; index += 1) {
      seen.push((await settings()).status);
    }
    assert.deepEqual(seen, [200, 400, 400, 200]);
  });

  it('nullResult and the emptyListsAsNull quirk answer result: null for lists', async () => {
    emulator.faults.add({ kind: 'nullResult', path: 'hostnames/certificates$' });
    const nulled = await call(emulator, 'GET', certificates());
    assert.deepEqual([nulled.status, nulled.body.success, nulled.body.result], [200, true, null]);
    const empty = zoneNamed(emulator, 'new-zone.dev');
    assert.deepEqual((await call(emulator, 'GET', aopPath(empty.id, '/hostnames'))).body.result, []);
    emulator.quirks.emptyListsAsNull = true;
    try {
      assert.equal((await call(emulator, 'GET', aopPath(empty.id, '/hostnames'))).body.result, null);
      assert.ok(Array.isArray((await call(emulator, 'GET', certificates())).body.result), 'a list with items is still a list');
    } finally {
      emulator.quirks.emptyListsAsNull = false;
    }
  });

  it('held every answer that was not a fault or a documented deviation to the schema', () => {
    assert.deepEqual(emulator.contractViolations, []);
  });
});
