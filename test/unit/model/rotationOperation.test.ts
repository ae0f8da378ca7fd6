import * as assert from 'node:assert/strict';
import { NotNowError } from '../../../src/cloudflare/errors';
import { finishRotation, rotateClientCertificate, undoRotation } from '../../../src/model/operations/rotateClientCertificate';
import { association, certificate } from './fakeClient';
import { abortListeners, assertCancelled, harness, type Harness } from './modelHarness';
import { uploadOf } from './uploadFixtures';

const TARGET = { zoneId: 'z1', zoneName: 'z1.example', oldCertificateId: 'old' };
const HOSTS = ['a.example', 'b.example', 'c.example'];

/** Rotation against the fake client: each step reads Cloudflare's state, so an interrupted run carries on. */
describe('rotateClientCertificate', () => {
  function seeded(): Harness {
    const h = harness();
    h.fake.seed('z1', { certificates: [certificate({ id: 'old' })], associations: HOSTS.map((hostname) => association(hostname, 'old')) });
    return h;
  }
  const onCertificate = (h: Harness, id: string) =>
    (h.fake.associations.get('z1') ?? [])
      .filter((entry) => entry.cert_id === id)
      .map((entry) => entry.hostname)
      .sort();
  const uploaded = (h: Harness) => h.fake.zoneCertificates('z1').filter((entry) => entry.id !== 'old');

  it('uploads, waits until active, moves every hostname in one batch without invalidating any, and waits until each is active', async () => {
    const h = seeded();
    await h.data.aop('z1');
    const outcome = await rotateClientCertificate(h.context, TARGET, await uploadOf('z1', 'old-name.example'));
    const [replacement] = uploaded(h);
    assert.equal(outcome.complete, true);
    assert.deepEqual([...outcome.moved].sort(), HOSTS);
    assert.deepEqual(onCertificate(h, replacement.id), HOSTS);
    const writes = h.fake.requests.filter((line) => /^(upload|update|delete)/.test(line));
    assert.deepEqual(writes, [
      `uploadHostnameCertificate z1`,
      `updateHostnameAssociations z1 ${HOSTS.map((host) => `${host}=true`).join(' ')}`,
    ]);
    assert.ok(!h.fake.requests.some((line) => line.includes('=null')), 'nothing invalidated');
    assert.deepEqual(
      h.data
        .loaded()
        .aop.get('z1')
        ?.associations.map((entry) => entry.cert_id),
      HOSTS.map(() => replacement.id),
      'the tree sees the move',
    );
  });

  it('cancelled after the upload: nothing moved, and Finish Rotation moves them without a second upload', async () => {
    const h = seeded();
    await h.data.aop('z1');
    const controller = new AbortController();
    h.fake.on('uploadHostnameCertificate', { abort: controller });
    await assertCancelled(
      rotateClientCertificate(h.context, TARGET, await uploadOf('z1'), { signal: controller.signal }),
      /^Rotation stopped: the replacement is uploaded and still deploying; no hostname moved yet\. Finish Rotation is on the certificate\.$/,
    );
    assert.deepEqual(onCertificate(h, 'old'), HOSTS, 'every hostname still on the old certificate');
    assert.ok(
      h.data
        .loaded()
        .aop.get('z1')
        ?.certificates.some((entry) => entry.id === uploaded(h)[0].id),
      'the replacement is on screen at once, read back after the cancel',
    );
    assert.equal(abortListeners(controller.signal), 0);
    const [replacement] = uploaded(h);
    const finished = await finishRotation(h.context, TARGET, replacement.id);
    assert.equal(finished.complete, true);
    assert.deepEqual(onCertificate(h, replacement.id), HOSTS);
    assert.equal(h.fake.count('uploadHostnameCertificate'), 1);
  });

  it('cancelled after the move was sent: the data shows where each hostname is, and Finish waits for them', async () => {
    const h = seeded();
    await h.data.aop('z1');
    const controller = new AbortController();
    h.fake.on('updateHostnameAssociations', { abort: controller });
    await assertCancelled(
      rotateClientCertificate(h.context, TARGET, await uploadOf('z1'), { signal: controller.signal }),
      /^Rotation stopped after every hostname moved: the old certificate is unused/,
    );
    const [replacement] = uploaded(h);
    assert.deepEqual(
      h.data
        .loaded()
        .aop.get('z1')
        ?.associations.map((entry) => entry.cert_id),
      HOSTS.map(() => replacement.id),
    );
    const finished = await finishRotation(h.context, TARGET, replacement.id);
    assert.deepEqual(finished.moved, [], 'nothing left to move');
    assert.equal(finished.complete, true, 'but it waited until they were active');
    assert.ok((h.fake.associations.get('z1') ?? []).every((entry) => entry.status === 'active'));
  });

  it('sends the move again after "not now", and undoes a rotation back onto the old certificate', async () => {
    const h = seeded();
    await h.data.aop('z1');
    h.fake.on('updateHostnameAssociations', { throw: new NotNowError('Another change is in flight.', { status: 409 }) });
    const outcome = await rotateClientCertificate(h.context, TARGET, await uploadOf('z1'));
    assert.equal(outcome.complete, true);
    assert.equal(h.fake.count('updateHostnameAssociations'), 2);
    const undone = await undoRotation(h.context, TARGET, outcome.newCertificate.id);
    assert.equal(undone.complete, true);
    assert.deepEqual(onCertificate(h, 'old'), HOSTS);
  });
});
