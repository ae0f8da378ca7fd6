import * as assert from 'node:assert/strict';
import { ContractValidator } from '../../contract/openapiValidator';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import type { CustomHostnameRecord } from '../../emulator/emulatorState';
import { createCertificate, ecParametersBlock, generateKey } from '../../fixtures/certificateFactory';
import type { CustomHostname, HostnameAssociation, HostnameCertificate } from '../../../src/cloudflare/types';
import { aopPath, call, leaf, pause, refusal, uploadBody, zoneNamed, type Answer } from './emulatorHttp';

const TRANSITION_MS = 100;

// Cloudflare's rules, each with the error code the service answers, over plain HTTP.
describe('emulator rules (demo seed, over HTTP)', () => {
  let emulator: Emulator;

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo', transitionMs: TRANSITION_MS, validator: new ContractValidator() });
  });
  after(() => emulator.close());

  const upload = (zoneId: string, body: unknown) =>
    call<HostnameCertificate>(emulator, 'POST', aopPath(zoneId, '/hostnames/certificates'), { body });
  const associate = (zoneId: string, config: unknown[]) =>
    call<HostnameAssociation[]>(emulator, 'PUT', aopPath(zoneId, '/hostnames'), { body: { config } });

  /** Runs a deliberately invalid request: the contract must flag it (and only as a request problem). */
  async function invalidRequest<T>(send: () => Promise<Answer<T>>): Promise<Answer<T>> {
    const before = emulator.contractViolations.length;
    const answer = await send();
    const found = emulator.contractViolations.splice(before);
    assert.ok(found.length > 0 && found.every((violation) => violation.kind === 'request'), JSON.stringify(found));
    return answer;
  }

  it('an upload is pending_deployment, then active after transitionMs', async () => {
    const zone = zoneNamed(emulator, 'example.org');
    const uploaded = await upload(zone.id, uploadBody(await leaf('deploy.example.org')));
    assert.deepEqual([uploaded.status, uploaded.body.result.status], [200, 'pending_deployment']);
    await pause(TRANSITION_MS + 30);
    const read = await call<HostnameCertificate>(emulator, 'GET', aopPath(zone.id, `/hostnames/certificates/${uploaded.body.result.id}`));
    assert.equal(read.body.result.status, 'active');
  });

  it('holds at most 10 certificates per zone (1405)', async () => {
    const zone = zoneNamed(emulator, 'staging.example.net');
    const body = uploadBody(await leaf('ten.example.net'));
    for (let index = 0; index < 10; index += 1) {
      assert.equal((await upload(zone.id, body)).status, 200, `upload ${index + 1}`);
    }
    assert.deepEqual(refusal(await upload(zone.id, body)), { status: 400, code: 1405, success: false });
    assert.equal(emulator.state.aopCertificatesOf(zone.id).length, 10);
  });

  it('lets at most 100 hostnames use a certificate (1410), across requests and within one', async () => {
    const zone = zoneNamed(emulator, 'new-zone.dev');
    const body = uploadBody(await leaf('many.new-zone.dev'));
    const [first, second] = [(await upload(zone.id, body)).body.result, (await upload(zone.id, body)).body.result];
    assert.deepEqual(refusal(await associate(zone.id, [{ hostname: 'early.new-zone.dev', cert_id: first.id, enabled: true }])), {
      status: 400,
      code: 1434,
      success: false,
    });
    await pause(TRANSITION_MS + 30);
    const hundred = Array.from({ length: 100 }, (_, index) => ({ hostname: `h${index}.new-zone.dev`, cert_id: first.id, enabled: true }));
    const put = await associate(zone.id, hundred);
    assert.deepEqual([put.status, put.body.result.length], [200, 100]);
    assert.deepEqual(refusal(await associate(zone.id, [{ hostname: 'h100.new-zone.dev', cert_id: first.id, enabled: true }])), {
      status: 400,
      code: 1410,
      success: false,
    });
    assert.equal(
      (await associate(zone.id, [{ hostname: 'h0.new-zone.dev', cert_id: first.id, enabled: false }])).status,
      200,
      'changing an existing user is not a new one',
    );
    const hundredAndOne = Array.from({ length: 101 }, (_, index) => ({
      hostname: `g${index}.new-zone.dev`,
      cert_id: second.id,
      enabled: true,
    }));
    assert.deepEqual(refusal(await associate(zone.id, hundredAndOne)), { status: 400, code: 1410, success: false });
    assert.equal(
      emulator.state.associations.filter((association) => association.certId === second.id).length,
      0,
      'a refused PUT changes nothing',
    );
  });

  it('refuses to delete a certificate with live associations (1433), then deletes it after enabled:null: pending_deletion, then gone', async () => {
    const zone = zoneNamed(emulator, 'example.com');
    const used = emulator.state.associations.find((association) => association.hostname === 'api.example.com')!;
    const path = aopPath(zone.id, `/hostnames/certificates/${used.certId}`);
    assert.deepEqual(refusal(await call(emulator, 'DELETE', path)), { status: 400, code: 1433, success: false });
    const users = emulator.state.associations
      .filter((association) => association.certId === used.certId)
      .map((association) => association.hostname);
    assert.deepEqual(users.sort(), ['api.example.com', 'www.example.com']);
    const invalidated = await associate(
      zone.id,
      users.map((hostname) => ({ hostname, cert_id: used.certId, enabled: null })),
    );
    assert.equal(invalidated.status, 200);
    const deleted = await call<HostnameCertificate>(emulator, 'DELETE', path);
    assert.deepEqual([deleted.status, deleted.body.result.id, deleted.body.result.status], [200, used.certId, 'pending_deletion']);
    assert.equal((await call<HostnameCertificate>(emulator, 'GET', path)).body.result.status, 'pending_deletion');
    await pause(TRANSITION_MS + 30);
    assert.deepEqual(refusal(await call(emulator, 'GET', path)), { status: 404, code: 1404, success: false });
    const list = await call<HostnameCertificate[]>(emulator, 'GET', aopPath(zone.id, '/hostnames/certificates'));
    assert.ok(!list.body.result.some((certificate) => certificate.id === used.certId));
  });

  it('refuses a CA certificate (1412), not PEM (1002), PEM of garbage (1408), a bad key (2106), a mismatched key (2200) and EC PARAMETERS before the key (2106)', async () => {
    const zone = zoneNamed(emulator, 'example.org');
    const good = await leaf('rules.example.org');
    const ca = await createCertificate({ commonName: 'Rules Root CA', isCA: true });
    const other = await generateKey('ECDSA');
    const cases: [string, unknown, number][] = [
      ['CA', uploadBody(ca), 1412],
      ['not PEM', { certificate: 'not a certificate', private_key: good.key.pkcs8Pem }, 1002],
      [
        'PEM of garbage',
        { certificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', private_key: good.key.pkcs8Pem },
        1408,
      ],
      ['no key', { certificate: good.certPem, private_key: 'not a key' }, 2106],
      [
        'key of garbage',
        { certificate: good.certPem, private_key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n' },
        2106,
      ],
      ['mismatch', { certificate: good.certPem, private_key: other.pkcs8Pem }, 2200],
      ['EC PARAMETERS', { certificate: good.certPem, private_key: `${ecParametersBlock()}${good.key.traditionalPem}` }, 2106],
    ];
    const count = emulator.state.aopCertificates.length;
    for (const [label, body, code] of cases) {
      assert.deepEqual(refusal(await upload(zone.id, body)), { status: 400, code, success: false }, label);
    }
    assert.equal(emulator.state.aopCertificates.length, count, 'nothing refused was stored');
    assert.equal(
      (await upload(zone.id, { certificate: good.certPem, private_key: good.key.traditionalPem })).status,
      200,
      'the same SEC1 key alone is accepted',
    );
  });

  const saas = () => zoneNamed(emulator, 'saas-platform.net');
  const pack = (kinds: string) =>
    emulator.state.customHostnames.find((record) => record.certificates.map((entry) => entry.certificate.keyType).join('+') === kinds)!;
  const packPath = (record: CustomHostnameRecord, certificateId: string) =>
    `/zones/${record.zoneId}/custom_hostnames/${record.id}/certificate_pack/${record.packId}/certificates/${certificateId}`;
  const replace = (record: CustomHostnameRecord, certificateId: string, body: unknown) =>
    call<CustomHostname>(emulator, 'PUT', packPath(record, certificateId), { body });
  const packBody = (certificate: { certPem: string; key: { pkcs8Pem: string } }) => ({
    custom_certificate: certificate.certPem,
    custom_key: certificate.key.pkcs8Pem,
  });

  it('replace keeps the key type: RSA→RSA accepted (202, pending_deployment, same id), ECDSA into RSA refused (1228 beside an ECDSA, 1229 alone)', async () => {
    const both = pack('RSA+ECDSA');
    const rsaOnly = pack('RSA');
    const ecdsa = packBody(await leaf('ec.saas-platform.net'));
    assert.deepEqual(refusal(await replace(both, both.certificates[0].id, ecdsa)), { status: 400, code: 1228, success: false });
    assert.deepEqual(refusal(await replace(rsaOnly, rsaOnly.certificates[0].id, ecdsa)), { status: 400, code: 1229, success: false });
    const rsa = await createCertificate({ commonName: 'rsa.saas-platform.net', keyKind: 'RSA' });
    const replaced = await replace(rsaOnly, rsaOnly.certificates[0].id, packBody(rsa));
    assert.equal(replaced.status, 202);
    assert.equal(replaced.body.result.ssl?.status, 'pending_deployment');
    assert.deepEqual(
      replaced.body.result.ssl?.certificates?.map((entry) => [entry.id, entry.serial_number, entry.signature]),
      [[rsaOnly.certificates[0].id, rsa.serialNumber, 'SHA256WithRSA']],
    );
    await pause(TRANSITION_MS + 30);
    const read = await call<CustomHostname>(emulator, 'GET', `/zones/${saas().id}/custom_hostnames/${rsaOnly.id}`);
    assert.equal(read.body.result.ssl?.status, rsaOnly.sslStatus);
  });

  it('delete removes one of two certificates (202) and refuses the last one (1305); a wrong pack id is 404 (1437)', async () => {
    const both = emulator.state.customHostnames.filter((record) => record.certificates.length === 2)[1];
    const [rsa, ecdsa] = both.certificates.map((entry) => entry.id);
    assert.deepEqual(refusal(await call(emulator, 'DELETE', packPath({ ...both, packId: 'not-the-pack' }, rsa))), {
      status: 404,
      code: 1437,
      success: false,
    });
    const deleted = await call<{ id: string }>(emulator, 'DELETE', packPath(both, rsa));
    assert.deepEqual([deleted.status, deleted.body], [202, { id: rsa }]);
    assert.deepEqual(
      both.certificates.map((entry) => entry.id),
      [ecdsa],
    );
    assert.deepEqual(refusal(await call(emulator, 'DELETE', packPath(both, ecdsa))), { status: 400, code: 1305, success: false });
    assert.deepEqual(
      both.certificates.map((entry) => entry.id),
      [ecdsa],
    );
  });

  it('answers 404 for an unknown zone (7003) and an unknown certificate (1404)', async () => {
    assert.deepEqual(refusal(await call(emulator, 'GET', aopPath('0123456789abcdef0123456789abcdef', '/hostnames/certificates'))), {
      status: 404,
      code: 7003,
      success: false,
    });
    assert.deepEqual(refusal(await call(emulator, 'GET', `/zones/0123456789abcdef0123456789abcdef/custom_hostnames`)), {
      status: 404,
      code: 7003,
      success: false,
    });
    const zone = zoneNamed(emulator, 'example.com');
    assert.deepEqual(refusal(await call(emulator, 'GET', aopPath(zone.id, '/hostnames/certificates/0123456789abcdef0123456789abcdef'))), {
      status: 404,
      code: 1404,
      success: false,
    });
  });

  it('answers 400 (6007) to a malformed JSON body, and 400 (1001) to per_page out of range', async () => {
    const zone = zoneNamed(emulator, 'example.org');
    const count = emulator.state.aopCertificates.length;
    const malformed = await invalidRequest(() =>
      call(emulator, 'POST', aopPath(zone.id, '/hostnames/certificates'), { rawBody: '{"certificate": "-----BEGIN' }),
    );
    assert.deepEqual(refusal(malformed), { status: 400, code: 6007, success: false });
    assert.equal(emulator.state.aopCertificates.length, count);
    const perPage = await invalidRequest(() => call(emulator, 'GET', '/zones?per_page=51'));
    assert.deepEqual(refusal(perPage), { status: 400, code: 1001, success: false });
  });

  it('keeps private keys out of its request log', async () => {
    const writes = emulator.log.writes().filter((entry) => entry.method === 'POST' || entry.method === 'PUT');
    const keyed = writes
      .map((entry) => entry.body as Record<string, unknown>)
      .filter((body) => body && ('private_key' in body || 'custom_key' in body));
    assert.ok(keyed.length >= 10, `${keyed.length} logged uploads`);
    for (const body of keyed) {
      const key = body.private_key ?? body.custom_key;
      assert.match(String(key), /^\[\d+ characters\]$/);
    }
    const text = JSON.stringify(emulator.log.entries());
    assert.ok(!/PRIVATE KEY/.test(text), 'a key header reached the log');
    const secret = (await leaf('probe.example')).key.pkcs8Pem.split('\n')[1];
    assert.ok(!text.includes(secret));
  });

  it("holds every request and answer above to Cloudflare's schema", () => {
    assert.deepEqual(emulator.contractViolations, []);
  });
});
