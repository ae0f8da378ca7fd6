import * as assert from 'node:assert/strict';
import { AlreadyExistsError, CancelledError, NetworkError, NotNowError } from '../../../src/cloudflare/errors';
import { setZoneAop } from '../../../src/model/operations/associations';
import { uploadClientCertificate } from '../../../src/model/operations/uploadClientCertificate';
import { whenCloudflareAllows } from '../../../src/model/operations/whenCloudflareAllows';
import { certificate } from './fakeClient';
import { abortListeners, FAST_POLL, harness } from './modelHarness';
import { uploadOf } from './uploadFixtures';

const notNow = () =>
  new NotNowError('Cloudflare is still deploying the certificate, so nothing was changed yet; try again shortly.', {
    status: 400,
    codes: [1434],
  });

/** A write that answers with the given errors first, then succeeds; counts its attempts. */
function sender(failures: Error[]) {
  let attempts = 0;
  return {
    get attempts() {
      return attempts;
    },
    send: async () => {
      attempts += 1;
      const failure = failures.shift();
      if (failure) {
        throw failure;
      }
      return 'done';
    },
  };
}

describe('whenCloudflareAllows', () => {
  it('sends again while Cloudflare says "not now", and leaves no abort listener behind', async () => {
    const controller = new AbortController();
    const write = sender([notNow(), notNow(), notNow()]);
    assert.equal(await whenCloudflareAllows(write.send, FAST_POLL, controller.signal), 'done');
    assert.equal(write.attempts, 4);
    assert.equal(abortListeners(controller.signal), 0);
  });

  it('never repeats a write whose answer was lost: that may have landed', async () => {
    const write = sender([new NetworkError('Cloudflare could not be reached.')]);
    await assert.rejects(whenCloudflareAllows(write.send, FAST_POLL), NetworkError);
    assert.equal(write.attempts, 1);
  });

  it('gives up at the deadline with Cloudflare’s last answer', async () => {
    const write = sender(Array.from({ length: 1_000 }, notNow));
    await assert.rejects(whenCloudflareAllows(write.send, FAST_POLL), NotNowError);
    assert.ok(write.attempts >= 2 && write.attempts < 100, `${write.attempts} attempts`);
  });

  it('a cancel during the wait ends it with CancelledError', async () => {
    const controller = new AbortController();
    const write = sender([notNow()]);
    const running = whenCloudflareAllows(write.send, { initialDelayMs: 60_000, maxDelayMs: 60_000, timeoutMs: 600_000 }, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await assert.rejects(running, CancelledError);
    assert.equal(write.attempts, 1);
    assert.equal(abortListeners(controller.signal), 0);
  });

  it('the zone switch sent during a "not now" lands on the second PUT', async () => {
    const { fake, data, context } = harness();
    fake.seed('z1');
    fake.on('setAopSettings', { throw: notNow() });
    assert.deepEqual(await setZoneAop(context, 'z1', true), { enabled: true });
    assert.equal(fake.count('setAopSettings'), 2);
    assert.deepEqual(await data.aopSettings('z1'), { enabled: true });
  });
});

describe('uploadClientCertificate answered "already exists" (1406)', () => {
  it('carries on with the copy Cloudflare holds, which the loaded data had not shown', async () => {
    const { fake, data, context } = harness();
    fake.seed('z1', { certificates: [certificate({ id: 'c1' })] });
    await data.aop('z1');
    const upload = await uploadOf('z1');
    fake.zoneCertificates('z1').push(certificate({ id: 'copy', serial: upload.serialNumber.toUpperCase() }));
    fake.on('uploadHostnameCertificate', {
      throw: new AlreadyExistsError('Cloudflare already holds this certificate.', { status: 400, codes: [1406] }),
    });
    const outcome = await uploadClientCertificate(context, upload);
    assert.equal(outcome.certificate.id, 'copy');
    assert.equal(outcome.settled, true);
    assert.equal(fake.count('uploadHostnameCertificate'), 1);
    assert.deepEqual(
      data
        .loaded()
        .aop.get('z1')
        ?.certificates.map((item) => item.id),
      ['c1', 'copy'],
    );
  });

  it('passes the refusal on when no copy can be found', async () => {
    const { fake, context } = harness();
    fake.seed('z1');
    fake.on('uploadHostnameCertificate', {
      throw: new AlreadyExistsError('Cloudflare already holds this certificate.', { status: 400, codes: [1406] }),
    });
    await assert.rejects(uploadClientCertificate(context, await uploadOf('z1')), AlreadyExistsError);
  });
});
