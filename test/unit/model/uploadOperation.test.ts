import * as assert from 'node:assert/strict';
import { CloudflareApiError, NetworkError, ServerError, TimeoutError } from '../../../src/cloudflare/errors';
import { NodeIds } from '../../../src/model/nodeIds';
import { RefusedError } from '../../../src/model/operations/operationContext';
import { uploadClientCertificate } from '../../../src/model/operations/uploadClientCertificate';
import { association, certificate } from './fakeClient';
import { harness, watchActivity } from './modelHarness';
import { uploadOf } from './uploadFixtures';

const ids = (list: readonly { id: string }[] | undefined) => list?.map((item) => item.id);

describe('uploadClientCertificate', () => {
  it('uploads, polls until deployed, and puts only that zone’s fresh list into the data', async () => {
    const { fake, data, activity, context, changes } = harness();
    fake.seed('z1', { certificates: [certificate({ id: 'c1' })] }).seed('z2');
    const upload = await uploadOf('z1');
    const spinner = watchActivity(activity, NodeIds.aopGroup('z1'));
    const progress: string[] = [];
    const running = uploadClientCertificate(context, upload, { onProgress: (message) => progress.push(message) });
    await fake.reached('uploadHostnameCertificate');
    assert.equal(activity.of(NodeIds.aopGroup('z1')), 'Uploading…');
    const outcome = await running;
    assert.equal(outcome.settled, true);
    assert.equal(outcome.certificate.status, 'active');
    assert.deepEqual(fake.requests, [
      'listHostnameCertificates z1',
      'listHostnameAssociations z1',
      'uploadHostnameCertificate z1',
      'getHostnameCertificate z1 uploaded-1',
      'getHostnameCertificate z1 uploaded-1',
      'listHostnameCertificates z1',
    ]);
    assert.deepEqual(ids(data.loaded().aop.get('z1')?.certificates), ['c1', 'uploaded-1']);
    assert.equal(data.loaded().aop.has('z2'), false, 'no other zone is loaded');
    assert.deepEqual(changes.at(-1), { zoneId: 'z1', part: 'aop', cause: 'operation' });
    assert.deepEqual(spinner, ['Uploading…', undefined]);
    assert.deepEqual(progress, ['waiting for Cloudflare to deploy it…']);
  });

  it('a refusal by Cloudflare sends one POST, no look-up, and leaves the data as it was', async () => {
    const { fake, data, activity, context } = harness();
    fake.seed('z1', { certificates: [certificate({ id: 'c1' })] });
    fake.on('uploadHostnameCertificate', {
      throw: new CloudflareApiError('Only leaf certificates can be uploaded as client certificates; this is a CA certificate.', {
        status: 400,
        codes: [1412],
      }),
    });
    await assert.rejects(uploadClientCertificate(context, await uploadOf('z1')), CloudflareApiError);
    assert.equal(fake.count('uploadHostnameCertificate'), 1);
    assert.equal(fake.count('listHostnameCertificates'), 1);
    assert.deepEqual(ids(data.loaded().aop.get('z1')?.certificates), ['c1']);
    assert.equal(activity.of(NodeIds.aopGroup('z1')), undefined);
  });

  it('polling that times out says settled: false, and the data shows the certificate still deploying', async () => {
    const { fake, data, context } = harness();
    fake.seed('z1');
    fake.pollsToSettle = Infinity;
    const outcome = await uploadClientCertificate(context, await uploadOf('z1'));
    assert.equal(outcome.settled, false);
    assert.equal(outcome.certificate.status, 'pending_deployment');
    assert.ok(fake.count('getHostnameCertificate') >= 2);
    assert.deepEqual(
      data
        .loaded()
        .aop.get('z1')
        ?.certificates.map((item) => item.status),
      ['pending_deployment'],
    );
  });

  for (const lost of [
    new NetworkError('Cloudflare could not be reached.'),
    new ServerError('Cloudflare answered with a server error (502).', { status: 502 }),
    new TimeoutError('Cloudflare did not answer in time.'),
  ]) {
    it(`an answer lost after the commit (${lost.name}) is found by serial: no second POST`, async () => {
      const { fake, data, context, logLines } = harness();
      fake.seed('z1', { certificates: [certificate({ id: 'c1' })] });
      fake.on('uploadHostnameCertificate', { lostAfterCommit: lost });
      const outcome = await uploadClientCertificate(context, await uploadOf('z1'));
      assert.equal(outcome.certificate.id, 'uploaded-1');
      assert.equal(outcome.settled, true);
      assert.equal(fake.count('uploadHostnameCertificate'), 1);
      assert.deepEqual(ids(fake.zoneCertificates('z1')), ['c1', 'uploaded-1'], 'exactly one stored');
      assert.deepEqual(ids(data.loaded().aop.get('z1')?.certificates), ['c1', 'uploaded-1']);
      assert.ok(logLines.some((line) => line.includes('answer to the upload was lost')));
    });
  }

  it('an answer lost before the commit says nothing was stored, after one POST, and shows the list as it is', async () => {
    const { fake, data, context } = harness();
    fake.seed('z1', { certificates: [certificate({ id: 'c1' })] });
    fake.on('uploadHostnameCertificate', { throw: new NetworkError('Cloudflare could not be reached.') });
    await assert.rejects(
      uploadClientCertificate(context, await uploadOf('z1')),
      (error: Error) => error instanceof RefusedError && /nothing was stored/.test(error.message),
    );
    assert.equal(fake.count('uploadHostnameCertificate'), 1);
    assert.deepEqual(ids(data.loaded().aop.get('z1')?.certificates), ['c1']);
  });

  it('when the look-up after a lost answer fails too, it says it cannot tell rather than that nothing landed', async () => {
    const { fake, context } = harness();
    fake.seed('z1');
    fake.on('uploadHostnameCertificate', { lostAfterCommit: new NetworkError('Cloudflare could not be reached.') });
    fake.on('listHostnameCertificates', { throw: new NetworkError('Cloudflare could not be reached.') }, 2);
    await assert.rejects(
      uploadClientCertificate(context, await uploadOf('z1')),
      (error: Error) => error instanceof RefusedError && /cannot be reached to check/.test(error.message),
    );
    assert.equal(fake.count('uploadHostnameCertificate'), 1);
  });
});

describe('uploadClientCertificate while the view reloads everything', () => {
  it('loads the zone’s whole part again after a reloadAll during the POST, rather than keeping stale data', async () => {
    const { fake, data, context } = harness();
    fake.seed('z1', { certificates: [certificate({ id: 'c1' })], associations: [association('a.example', 'c1')] });
    fake.on('uploadHostnameCertificate', {
      custom: (act) => {
        data.reloadAll();
        return act();
      },
    });
    await uploadClientCertificate(context, await uploadOf('z1'));
    const aop = data.loaded().aop.get('z1');
    assert.deepEqual(ids(aop?.certificates), ['c1', 'uploaded-1']);
    assert.deepEqual(
      aop?.associations.map((item) => item.hostname),
      ['a.example'],
    );
  });

  it('after a lost answer and a reloadAll, does not invent an empty list of associations', async () => {
    const { fake, data, context } = harness();
    fake.seed('z1', { certificates: [certificate({ id: 'c1' })], associations: [association('a.example', 'c1')] });
    fake.on('uploadHostnameCertificate', {
      custom: () => {
        data.reloadAll();
        throw new NetworkError('Cloudflare could not be reached.');
      },
    });
    await assert.rejects(uploadClientCertificate(context, await uploadOf('z1')), RefusedError);
    const aop = await data.aop('z1');
    assert.deepEqual(ids(aop.certificates), ['c1']);
    assert.deepEqual(
      aop.associations.map((item) => item.hostname),
      ['a.example'],
    );
  });
});

describe('checkRoomForClientCertificate (through the upload)', () => {
  it('refuses a certificate the zone already holds (serials compared in any case), sending nothing', async () => {
    const { fake, context } = harness();
    const upload = await uploadOf('z1');
    fake.seed('z1', { certificates: [certificate({ id: 'same', serial: upload.serialNumber.toUpperCase() })] });
    await assert.rejects(
      uploadClientCertificate(context, upload),
      (error: Error) => error instanceof RefusedError && /already holds "upload.example.com"/.test(error.message),
    );
    assert.deepEqual(fake.requests, ['listHostnameCertificates z1', 'listHostnameAssociations z1']);
  });

  it('refuses an eleventh certificate, counting the live ones in its words, sending nothing', async () => {
    const { fake, context } = harness();
    const statuses = ['deleted', 'pending_deletion', ...Array<string>(8).fill('active')];
    fake.seed('z1', { certificates: statuses.map((status, index) => certificate({ id: `c${index}`, status })) });
    await assert.rejects(
      uploadClientCertificate(context, await uploadOf('z1')),
      (error: Error) => error instanceof RefusedError && /already holds 10 client certificates \(8 live\)/.test(error.message),
    );
    assert.equal(fake.count('uploadHostnameCertificate'), 0);
  });

  it('lets the tenth in', async () => {
    const { fake, context } = harness();
    fake.seed('z1', { certificates: Array.from({ length: 9 }, (_, index) => certificate({ id: `c${index}` })) });
    assert.equal((await uploadClientCertificate(context, await uploadOf('z1'))).settled, true);
  });
});
