import * as assert from 'node:assert/strict';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import { answerBytes, envelope, withKnownText } from '../../emulator/wire';
import { createCertificate } from '../../fixtures/certificateFactory';
import type { CustomHostname } from '../../../src/cloudflare/types';
import { call, pause } from './emulatorHttp';

const TRANSITION_MS = 100;

// The emulator serialises each custom hostname once and joins the texts of a list's entries
// (wire.ts, responseShapes.ts): what it sends must be byte for byte what JSON.stringify would send,
// and a hostname that changed must never be answered from its old text.
describe('emulator answers from known entry texts', () => {
  const plain = (body: unknown) => Buffer.from(JSON.stringify(body));

  it('joins known entries into exactly the bytes JSON.stringify makes, non-ASCII text included', () => {
    const entries = [{ id: 'a', hostname: 'café.example' }, { id: 'b', nested: { list: [1, 'two', null] } }, { id: 'c' }].map(
      withKnownText,
    );
    const body = { ...envelope(true, entries, []), result_info: { page: 1, per_page: 3, count: 3 } };
    assert.deepEqual(answerBytes(body), plain(body));
    assert.deepEqual(answerBytes(envelope(true, [entries[2]], [])), plain(envelope(true, [entries[2]], [])));
  });

  it('serialises whole what it cannot join: unknown entries, empty or null lists, a mark-like text in the envelope', () => {
    const known = withKnownText({ id: 'known' });
    const bodies = [
      envelope(true, [known, { id: 'unknown' }], []),
      envelope(true, [], []),
      envelope(false, null, [{ code: 1, message: 'no' }]),
      { ...envelope(true, [known], []), messages: ['\u0000list\u0000'] },
      { entries: [known] },
    ];
    for (const body of bodies) {
      assert.deepEqual(answerBytes(body), plain(body), JSON.stringify(body));
    }
  });

  describe('over HTTP', () => {
    let emulator: Emulator;
    let zoneId: string;

    before(async () => {
      emulator = await startEmulator({
        port: 0,
        seed: { zones: 1, certificatesPerZone: 0, associationsPerCertificate: 0, customHostnamesPerZone: 30 },
        transitionMs: TRANSITION_MS,
      });
      zoneId = emulator.state.zones[0].id;
    });
    after(() => emulator.close());

    const list = async () => (await call<CustomHostname[]>(emulator, 'GET', `/zones/${zoneId}/custom_hostnames?per_page=50`)).body.result;

    it('lists a replaced certificate, a changed status and a finished deployment, not the text it listed before', async () => {
      const record = emulator.state.customHostnamesOf(zoneId)[7];
      const listed = await list();
      const before = listed[7];
      assert.equal(before.id, record.id);
      const replacement = await createCertificate({ commonName: record.hostname, keyKind: record.certificates[0].certificate.keyType });
      const path = `/zones/${zoneId}/custom_hostnames/${record.id}/certificate_pack/${record.packId}/certificates/${record.certificates[0].id}`;
      const replaced = await call<CustomHostname>(emulator, 'PUT', path, {
        body: { custom_certificate: replacement.certPem, custom_key: replacement.key.pkcs8Pem },
      });
      assert.equal(replaced.status, 202);
      const deploying = (await list())[7];
      assert.equal(deploying.ssl?.status, 'pending_deployment');
      assert.equal(deploying.ssl?.certificates?.[0].serial_number, replacement.serialNumber);
      assert.notEqual(deploying.ssl?.certificates?.[0].serial_number, before.ssl?.certificates?.[0].serial_number);
      await pause(TRANSITION_MS + 30);
      assert.equal((await list())[7].ssl?.status, before.ssl?.status);
      record.status = 'blocked';
      const blocked = (await list())[7];
      assert.deepEqual([blocked.status, blocked.verification_errors], ['blocked', ['The hostname is blocked by policy.']]);
      const others = (answer: CustomHostname[]) => answer.filter((_, index) => index !== 7);
      assert.deepEqual(others(await list()), others(listed));
    });
  });
});
