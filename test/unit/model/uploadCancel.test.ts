import * as assert from 'node:assert/strict';
import { NodeIds } from '../../../src/model/nodeIds';
import { uploadClientCertificate } from '../../../src/model/operations/uploadClientCertificate';
import { certificate } from './fakeClient';
import { abortListeners, assertCancelled, harness } from './modelHarness';
import { uploadOf } from './uploadFixtures';

const ids = (list: readonly { id: string }[] | undefined) => list?.map((item) => item.id);

/** Each cancel must end in CancelledError, leave no listener on the caller's signal, and show Cloudflare's truth. */
describe('uploadClientCertificate cancelled', () => {
  it('before the POST: nothing is sent', async () => {
    const { fake, data, activity, context } = harness();
    fake.seed('z1', { certificates: [certificate({ id: 'c1' })] });
    const controller = new AbortController();
    controller.abort();
    await assertCancelled(uploadClientCertificate(context, await uploadOf('z1'), { signal: controller.signal }));
    assert.equal(fake.count('uploadHostnameCertificate'), 0);
    assert.equal(abortListeners(controller.signal), 0);
    assert.deepEqual(ids(data.loaded().aop.get('z1')?.certificates), ['c1']);
    assert.equal(activity.of(NodeIds.aopGroup('z1')), undefined);
  });

  it('during the POST, before Cloudflare stored it: the look-up shows nothing new', async () => {
    const { fake, data, context } = harness();
    fake.seed('z1', { certificates: [certificate({ id: 'c1' })] });
    fake.on('uploadHostnameCertificate', { hang: true });
    const controller = new AbortController();
    const running = uploadClientCertificate(context, await uploadOf('z1'), { signal: controller.signal });
    await fake.reached('uploadHostnameCertificate');
    controller.abort();
    await assertCancelled(running);
    assert.equal(fake.count('uploadHostnameCertificate'), 1);
    assert.equal(abortListeners(controller.signal), 0);
    assert.deepEqual(ids(data.loaded().aop.get('z1')?.certificates), ['c1']);
  });

  it('during the POST, after Cloudflare stored it: the data shows the certificate it holds', async () => {
    const { fake, data, context } = harness();
    fake.seed('z1', { certificates: [certificate({ id: 'c1' })] });
    fake.on('uploadHostnameCertificate', { hang: true, commit: true });
    const controller = new AbortController();
    const running = uploadClientCertificate(context, await uploadOf('z1'), { signal: controller.signal });
    await fake.reached('uploadHostnameCertificate');
    controller.abort();
    await assertCancelled(running);
    assert.equal(abortListeners(controller.signal), 0);
    assert.deepEqual(ids(data.loaded().aop.get('z1')?.certificates), ['c1', 'uploaded-1']);
  });

  it('while polling: the data shows the certificate, still deploying', async () => {
    const { fake, data, activity, context } = harness();
    fake.seed('z1', { certificates: [certificate({ id: 'c1' })] });
    const controller = new AbortController();
    fake.on('getHostnameCertificate', { abort: controller });
    await assertCancelled(uploadClientCertificate(context, await uploadOf('z1'), { signal: controller.signal }));
    assert.equal(fake.count('getHostnameCertificate'), 1);
    assert.equal(abortListeners(controller.signal), 0);
    assert.deepEqual(
      data
        .loaded()
        .aop.get('z1')
        ?.certificates.map((item) => `${item.id}:${item.status}`),
      ['c1:active', 'uploaded-1:pending_deployment'],
    );
    assert.equal(activity.of(NodeIds.aopGroup('z1')), undefined);
  });

  it('while waiting between two polls: the wait ends at once and its listener goes', async () => {
    const { fake, data, context } = harness();
    fake.seed('z1');
    const controller = new AbortController();
    const slow = { ...context, timing: { initialDelayMs: 60_000, maxDelayMs: 60_000, timeoutMs: 600_000 } };
    const running = uploadClientCertificate(slow, await uploadOf('z1'), { signal: controller.signal });
    await fake.reached('getHostnameCertificate');
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(abortListeners(controller.signal), 1, 'the wait listens');
    controller.abort();
    await assertCancelled(running);
    assert.equal(abortListeners(controller.signal), 0);
    assert.deepEqual(ids(data.loaded().aop.get('z1')?.certificates), ['uploaded-1']);
  });
});
