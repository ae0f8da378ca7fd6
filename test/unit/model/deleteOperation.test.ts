import * as assert from 'node:assert/strict';
import { NodeIds } from '../../../src/model/nodeIds';
import { RefusedError } from '../../../src/model/operations/operationContext';
import { deleteClientCertificate, hostnamesUsing, type ClientCertificateRef } from '../../../src/model/operations/deleteClientCertificate';
import { association, certificate } from './fakeClient';
import { abortListeners, assertCancelled, harness, watchActivity } from './modelHarness';

const target: ClientCertificateRef = { zoneId: 'z1', zoneName: 'z1.example', certificateId: 'c1', name: 'api.example.com' };

function seeded() {
  const h = harness();
  h.fake.seed('z1', {
    certificates: [certificate({ id: 'c1' }), certificate({ id: 'c2' })],
    associations: [association('a.example', 'c1'), association('b.example', 'c1', false), association('c.example', 'c2')],
  });
  return h;
}

const shown = (h: ReturnType<typeof harness>) => {
  const aop = h.data.loaded().aop.get('z1');
  return {
    certificates: aop?.certificates.map((item) => `${item.id}:${item.status}`),
    associations: aop?.associations.map((item) => item.hostname),
  };
};

describe('deleteClientCertificate', () => {
  it('invalidates the hostnames using it, deletes, polls until gone, and shows it gone without asking again', async () => {
    const h = seeded();
    await h.data.aop('z1');
    const spinner = watchActivity(h.activity, NodeIds.aopCertificate('z1', 'c1'));
    const users = await hostnamesUsing(h.context, 'z1', 'c1');
    assert.deepEqual(
      users.map((user) => user.hostname),
      ['a.example', 'b.example'],
    );
    const before = h.fake.requests.length;
    const progress: string[] = [];
    const running = deleteClientCertificate(h.context, target, users, { onProgress: (message) => progress.push(message) });
    await h.fake.reached('deleteHostnameCertificate');
    assert.equal(h.activity.of(NodeIds.aopCertificate('z1', 'c1')), 'Deleting…');
    assert.deepEqual(await running, { settled: true });
    assert.deepEqual(h.fake.requests.slice(before), [
      'listHostnameAssociations z1',
      'updateHostnameAssociations z1 a.example=null b.example=null',
      'deleteHostnameCertificate z1 c1',
      'getHostnameCertificate z1 c1',
      'getHostnameCertificate z1 c1',
    ]);
    assert.deepEqual(shown(h), { certificates: ['c2:active'], associations: ['c.example'] });
    assert.deepEqual(h.changes.at(-1), { zoneId: 'z1', part: 'aop', cause: 'operation' });
    assert.deepEqual(spinner, ['Deleting…', undefined]);
    assert.deepEqual(progress, ['invalidating 2 hostname associations…', 'waiting for Cloudflare to remove it…']);
  });

  it('hostnamesUsing asks Cloudflare, not the loaded data, and skips invalidated associations', async () => {
    const h = seeded();
    await h.data.aop('z1');
    h.fake.associations.set('z1', [association('late.example', 'c1'), association('old.example', 'c1', null)]);
    assert.deepEqual(
      (await hostnamesUsing(h.context, 'z1', 'c1')).map((user) => user.hostname),
      ['late.example'],
    );
  });

  it('works out who uses it at the moment of the delete: a hostname the person did not confirm is a refusal, nothing sent', async () => {
    const h = seeded();
    await h.data.aop('z1');
    // Confirmed for a.example only; b.example uses it too by now.
    await assert.rejects(
      deleteClientCertificate(h.context, target, [{ hostname: 'a.example' }]),
      (error: Error) => error instanceof RefusedError && /b\.example started using "api\.example\.com"/.test(error.message),
    );
    assert.equal(h.fake.count('updateHostnameAssociations') + h.fake.count('deleteHostnameCertificate'), 0);
    assert.deepEqual(shown(h), { certificates: ['c1:active', 'c2:active'], associations: ['a.example', 'b.example', 'c.example'] });
    assert.equal(h.activity.of(NodeIds.aopCertificate('z1', 'c1')), undefined);
  });

  it('polling that times out says settled: false, and shows the certificate pending deletion', async () => {
    const h = seeded();
    h.fake.pollsToSettle = Infinity;
    assert.deepEqual(await deleteClientCertificate(h.context, target, [{ hostname: 'a.example' }, { hostname: 'b.example' }]), {
      settled: false,
    });
    assert.deepEqual(shown(h).certificates, ['c1:pending_deletion', 'c2:active']);
  });
});

describe('deleteClientCertificate cancelled', () => {
  const users = [{ hostname: 'a.example' }, { hostname: 'b.example' }];

  it('before anything is sent: nothing changes, and the data is Cloudflare’s', async () => {
    const h = seeded();
    const controller = new AbortController();
    controller.abort();
    await assertCancelled(deleteClientCertificate(h.context, target, users, { signal: controller.signal }));
    assert.equal(h.fake.count('updateHostnameAssociations') + h.fake.count('deleteHostnameCertificate'), 0);
    assert.equal(abortListeners(controller.signal), 0);
    assert.deepEqual(shown(h), { certificates: ['c1:active', 'c2:active'], associations: ['a.example', 'b.example', 'c.example'] });
  });

  it('after the invalidation: associations gone, certificate still there; a second run finishes', async () => {
    const h = seeded();
    const controller = new AbortController();
    h.fake.on('updateHostnameAssociations', { abort: controller });
    await assertCancelled(deleteClientCertificate(h.context, target, users, { signal: controller.signal }));
    assert.equal(h.fake.count('deleteHostnameCertificate'), 0);
    assert.equal(abortListeners(controller.signal), 0);
    assert.deepEqual(shown(h), { certificates: ['c1:active', 'c2:active'], associations: ['c.example'] });
    const again = await hostnamesUsing(h.context, 'z1', 'c1');
    assert.deepEqual(again, []);
    assert.deepEqual(await deleteClientCertificate(h.context, target, again), { settled: true });
    assert.deepEqual(shown(h).certificates, ['c2:active']);
  });

  it('during the DELETE: the certificate is still there', async () => {
    const h = seeded();
    const controller = new AbortController();
    h.fake.on('deleteHostnameCertificate', { hang: true });
    const running = deleteClientCertificate(h.context, target, users, { signal: controller.signal });
    await h.fake.reached('deleteHostnameCertificate');
    controller.abort();
    await assertCancelled(running);
    assert.equal(abortListeners(controller.signal), 0);
    assert.deepEqual(shown(h), { certificates: ['c1:active', 'c2:active'], associations: ['c.example'] });
  });

  it('while polling: the certificate shows as pending deletion', async () => {
    const h = seeded();
    const controller = new AbortController();
    h.fake.on('getHostnameCertificate', { abort: controller });
    await assertCancelled(deleteClientCertificate(h.context, target, users, { signal: controller.signal }));
    assert.equal(abortListeners(controller.signal), 0);
    assert.deepEqual(shown(h).certificates, ['c1:pending_deletion', 'c2:active']);
    assert.equal(h.activity.of(NodeIds.aopCertificate('z1', 'c1')), undefined);
  });
});
