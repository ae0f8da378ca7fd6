import * as assert from 'node:assert/strict';
import { CloudflareApiError, NetworkError, ServerError } from '../../../src/cloudflare/errors';
import { packCertificates } from '../../../src/cloudflare/types';
import { NodeIds } from '../../../src/model/nodeIds';
import { deletePackCertificate, replacePackCertificate, type PackCertificateRef } from '../../../src/model/operations/packCertificates';
import { createCertificate, days } from '../../fixtures/certificateFactory';
import { hostname, packCertificate } from './fakeClient';
import { abortListeners, assertCancelled, harness, watchActivity } from './modelHarness';

const rsa: PackCertificateRef = { zoneId: 'z1', hostnameId: 'h1', packId: 'pack-h1', certificateId: 'rsa' };

async function seeded() {
  const h = harness();
  h.fake.seed('z1', {
    hostnames: [
      hostname('h1', 'shop.example', [
        packCertificate('rsa', 'SHA256WithRSA', days(24), 'old0rsa'),
        packCertificate('ec', 'ECDSAWithSHA256', days(24), 'old0ec'),
      ]),
      hostname('h2', 'other.example'),
    ],
  });
  await h.data.customHostnames('z1');
  const generated = await createCertificate({ commonName: 'shop.example' });
  return {
    ...h,
    material: { certificatePem: generated.certPem, privateKeyPem: generated.key.pkcs8Pem, serialNumber: generated.serialNumber },
    newSerial: generated.serialNumber,
  };
}

/** "id:serial" of each certificate of h1's pack as the loaded data shows it, and its SSL status. */
function shownPack(h: ReturnType<typeof harness>) {
  const item = h.data
    .loaded()
    .customHostnames.get('z1')
    ?.items.find((candidate) => candidate.id === 'h1');
  return {
    status: item?.ssl?.status,
    certificates: item ? packCertificates(item).map((certificate) => `${certificate.id}:${certificate.serial_number}`) : undefined,
  };
}

describe('replacePackCertificate', () => {
  it('replaces, polls until deployed, and the loaded hostname shows the new certificate', async () => {
    const h = await seeded();
    const before = h.fake.requests.length;
    const spinner = watchActivity(h.activity, NodeIds.packCertificate('z1', 'h1', 'pack-h1', 'rsa'));
    const running = replacePackCertificate(h.context, rsa, h.material);
    await h.fake.reached('replacePackCertificate');
    assert.equal(h.activity.of(NodeIds.packCertificate('z1', 'h1', 'pack-h1', 'rsa')), 'Replacing…');
    const outcome = await running;
    assert.equal(outcome.settled, true);
    assert.deepEqual(h.fake.requests.slice(before), [
      'replacePackCertificate z1 h1 pack-h1 rsa',
      'getCustomHostname z1 h1',
      'getCustomHostname z1 h1',
    ]);
    assert.deepEqual(shownPack(h), { status: 'active', certificates: [`rsa:${h.newSerial}`, 'ec:old0ec'] });
    assert.deepEqual(h.changes.at(-1), { zoneId: 'z1', part: 'customHostnames', itemId: 'h1', cause: 'operation' });
    assert.deepEqual(spinner, ['Replacing…', undefined]);
    assert.equal(h.data.loaded().customHostnames.get('z1')?.items.length, 2, 'the other hostnames stay');
  });

  it('a refusal by Cloudflare sends nothing more and leaves the hostname as it was', async () => {
    const h = await seeded();
    h.fake.on('replacePackCertificate', {
      throw: new CloudflareApiError('The pack already holds a certificate of this signature type.', { status: 400, codes: [1228] }),
    });
    await assert.rejects(replacePackCertificate(h.context, rsa, h.material), CloudflareApiError);
    assert.equal(h.fake.count('getCustomHostname'), 0);
    assert.deepEqual(shownPack(h), { status: 'active', certificates: ['rsa:old0rsa', 'ec:old0ec'] });
  });

  it('polling that times out says settled: false and shows the hostname still deploying', async () => {
    const h = await seeded();
    h.fake.pollsToSettle = Infinity;
    const outcome = await replacePackCertificate(h.context, rsa, h.material);
    assert.equal(outcome.settled, false);
    assert.deepEqual(shownPack(h), { status: 'pending_deployment', certificates: [`rsa:${h.newSerial}`, 'ec:old0ec'] });
  });

  it('an answer lost after Cloudflare replaced it: the error is passed on, and the hostname shows the new certificate', async () => {
    const h = await seeded();
    h.fake.on('replacePackCertificate', {
      lostAfterCommit: new ServerError('Cloudflare answered with a server error (502); try again shortly.', { status: 502 }),
    });
    await assert.rejects(replacePackCertificate(h.context, rsa, h.material), ServerError);
    assert.deepEqual(shownPack(h).certificates, [`rsa:${h.newSerial}`, 'ec:old0ec']);
  });

  it('when even the look-up fails, the custom-hostname list is forgotten so the next look reloads it', async () => {
    const h = await seeded();
    h.fake.on('replacePackCertificate', { lostAfterCommit: new NetworkError('Cloudflare could not be reached.') });
    h.fake.on('getCustomHostname', { throw: new NetworkError('Cloudflare could not be reached.') });
    await assert.rejects(replacePackCertificate(h.context, rsa, h.material), NetworkError);
    assert.equal(h.data.loaded().customHostnames.has('z1'), false);
    assert.deepEqual(h.changes.at(-1), { zoneId: 'z1', part: 'customHostnames', cause: 'reload' });
  });

  it('cancelled before the PUT: nothing is sent', async () => {
    const h = await seeded();
    const controller = new AbortController();
    controller.abort();
    await assertCancelled(replacePackCertificate(h.context, rsa, h.material, { signal: controller.signal }));
    assert.equal(h.fake.count('replacePackCertificate'), 0);
    assert.equal(abortListeners(controller.signal), 0);
  });

  it('cancelled during the PUT that Cloudflare carried out: the hostname shows the new certificate', async () => {
    const h = await seeded();
    const controller = new AbortController();
    h.fake.on('replacePackCertificate', { hang: true, commit: true });
    const running = replacePackCertificate(h.context, rsa, h.material, { signal: controller.signal });
    await h.fake.reached('replacePackCertificate');
    controller.abort();
    await assertCancelled(running);
    assert.equal(abortListeners(controller.signal), 0);
    assert.deepEqual(shownPack(h).certificates, [`rsa:${h.newSerial}`, 'ec:old0ec']);
  });

  it('cancelled while polling: the hostname shows the new certificate and Cloudflare’s current status', async () => {
    const h = await seeded();
    const controller = new AbortController();
    h.fake.on('getCustomHostname', { abort: controller });
    await assertCancelled(replacePackCertificate(h.context, rsa, h.material, { signal: controller.signal }));
    assert.equal(abortListeners(controller.signal), 0);
    const truth = h.fake.hostnames.get('z1')?.find((item) => item.id === 'h1');
    assert.deepEqual(shownPack(h), { status: truth?.ssl?.status, certificates: [`rsa:${h.newSerial}`, 'ec:old0ec'] });
    assert.equal(h.activity.of(NodeIds.packCertificate('z1', 'h1', 'pack-h1', 'rsa')), undefined);
  });
});

describe('deletePackCertificate', () => {
  it('deletes and polls until the certificate has left the pack, not merely until the status is active', async () => {
    const h = await seeded();
    const before = h.fake.requests.length;
    const outcome = await deletePackCertificate(h.context, rsa);
    assert.equal(outcome.settled, true);
    // The first read still lists it (status active): only the second shows it gone.
    assert.deepEqual(h.fake.requests.slice(before), [
      'deletePackCertificate z1 h1 pack-h1 rsa',
      'getCustomHostname z1 h1',
      'getCustomHostname z1 h1',
    ]);
    assert.deepEqual(shownPack(h), { status: 'active', certificates: ['ec:old0ec'] });
    assert.deepEqual(h.changes.at(-1), { zoneId: 'z1', part: 'customHostnames', itemId: 'h1', cause: 'operation' });
  });

  it('a refusal (the last certificate) leaves the pack as it was', async () => {
    const h = await seeded();
    h.fake.on('deletePackCertificate', {
      throw: new CloudflareApiError('Cloudflare cannot delete this now: it is still in use or still changing.', {
        status: 400,
        codes: [1305],
      }),
    });
    await assert.rejects(deletePackCertificate(h.context, rsa), CloudflareApiError);
    assert.deepEqual(shownPack(h).certificates, ['rsa:old0rsa', 'ec:old0ec']);
  });

  it('polling that times out says settled: false, with the certificate still listed', async () => {
    const h = await seeded();
    h.fake.pollsToSettle = Infinity;
    assert.equal((await deletePackCertificate(h.context, rsa)).settled, false);
    assert.deepEqual(shownPack(h).certificates, ['rsa:old0rsa', 'ec:old0ec']);
  });

  it('cancelled during a DELETE that Cloudflare carried out: the pack shows as Cloudflare now lists it', async () => {
    const h = await seeded();
    h.fake.pollsToSettle = 1;
    const controller = new AbortController();
    h.fake.on('deletePackCertificate', { hang: true, commit: true });
    const running = deletePackCertificate(h.context, rsa, { signal: controller.signal });
    await h.fake.reached('deletePackCertificate');
    controller.abort();
    await assertCancelled(running);
    assert.equal(abortListeners(controller.signal), 0);
    assert.deepEqual(shownPack(h).certificates, ['ec:old0ec']);
  });
});
