import * as assert from 'node:assert/strict';
import { CloudflareApiError } from '../../../src/cloudflare/errors';
import { NodeIds } from '../../../src/model/nodeIds';
import { setAssociation, type AssociationChangeRequest } from '../../../src/model/operations/associations';
import { association, certificate } from './fakeClient';
import { abortListeners, assertCancelled, harness, watchActivity } from './modelHarness';

const change = (enabled: boolean | null): AssociationChangeRequest => ({
  zoneId: 'z1',
  certificateId: 'c1',
  hostname: 'a.example',
  enabled,
});
const spinnerId = NodeIds.aopCertificate('z1', 'c1');

async function seeded() {
  const h = harness();
  h.fake.seed('z1', {
    certificates: [certificate({ id: 'c1' })],
    associations: [association('a.example', 'c1', false), association('b.example', 'c1')],
  });
  await h.data.aop('z1');
  return h;
}

/** "hostname:enabled:status" of each association as the loaded data shows it. */
const shown = (h: ReturnType<typeof harness>) =>
  h.data
    .loaded()
    .aop.get('z1')
    ?.associations.map((item) => `${item.hostname}:${String(item.enabled)}:${item.status}`)
    .sort();

describe('setAssociation', () => {
  for (const [enabled, words] of [
    [true, 'Enabling…'],
    [false, 'Disabling…'],
  ] as const) {
    it(`${words.replace('…', '')}: sends one PUT, polls until deployed, and reloads the zone's two lists`, async () => {
      const h = await seeded();
      const before = h.fake.requests.length;
      const spinner = watchActivity(h.activity, spinnerId);
      const running = setAssociation(h.context, change(enabled));
      await h.fake.reached('updateHostnameAssociations');
      assert.equal(h.activity.of(spinnerId), words);
      const outcome = await running;
      assert.equal(outcome.settled, true);
      assert.equal(outcome.association?.enabled, enabled);
      assert.equal(outcome.association?.status, 'active');
      assert.deepEqual(h.fake.requests.slice(before), [
        `updateHostnameAssociations z1 a.example=${String(enabled)}`,
        'getHostnameAssociation z1 a.example',
        'getHostnameAssociation z1 a.example',
        'listHostnameCertificates z1',
        'listHostnameAssociations z1',
      ]);
      assert.deepEqual(shown(h), [`a.example:${String(enabled)}:active`, 'b.example:true:active']);
      assert.deepEqual(h.changes.at(-1), { zoneId: 'z1', part: 'aop', cause: 'operation' });
      assert.deepEqual(spinner, [words, undefined]);
    });
  }

  it('invalidating (enabled: null) settles once the association is gone, rather than failing on the 404', async () => {
    const h = await seeded();
    const spinner = watchActivity(h.activity, spinnerId);
    const outcome = await setAssociation(h.context, change(null));
    assert.deepEqual(outcome, { association: undefined, settled: true });
    assert.deepEqual(shown(h), ['b.example:true:active']);
    assert.deepEqual(spinner, ['Removing…', undefined]);
  });

  it('a refusal by Cloudflare leaves the data showing what Cloudflare holds', async () => {
    const h = await seeded();
    h.fake.on('updateHostnameAssociations', {
      throw: new CloudflareApiError('The certificate must be active before hostnames can use it.', { status: 400, codes: [1407] }),
    });
    await assert.rejects(setAssociation(h.context, change(true)), CloudflareApiError);
    assert.equal(h.fake.count('getHostnameAssociation'), 0);
    assert.deepEqual(shown(h), ['a.example:false:active', 'b.example:true:active']);
    assert.equal(h.activity.of(spinnerId), undefined);
  });

  it('polling that times out says settled: false and shows the association still deploying', async () => {
    const h = await seeded();
    h.fake.pollsToSettle = Infinity;
    const outcome = await setAssociation(h.context, change(true));
    assert.equal(outcome.settled, false);
    assert.deepEqual(shown(h), ['a.example:true:pending_deployment', 'b.example:true:active']);
  });
});

describe('setAssociation cancelled', () => {
  it('before the PUT: nothing is sent', async () => {
    const h = await seeded();
    const controller = new AbortController();
    controller.abort();
    await assertCancelled(setAssociation(h.context, change(true), { signal: controller.signal }));
    assert.equal(h.fake.count('updateHostnameAssociations'), 0);
    assert.equal(abortListeners(controller.signal), 0);
    assert.deepEqual(shown(h), ['a.example:false:active', 'b.example:true:active']);
  });

  it('during a PUT that Cloudflare carried out: the data shows the change', async () => {
    const h = await seeded();
    const controller = new AbortController();
    h.fake.on('updateHostnameAssociations', { hang: true, commit: true });
    const running = setAssociation(h.context, change(true), { signal: controller.signal });
    await h.fake.reached('updateHostnameAssociations');
    controller.abort();
    await assertCancelled(running);
    assert.equal(abortListeners(controller.signal), 0);
    assert.deepEqual(shown(h), ['a.example:true:pending_deployment', 'b.example:true:active']);
  });

  it('while polling: the data shows the association still deploying', async () => {
    const h = await seeded();
    const controller = new AbortController();
    h.fake.pollsToSettle = 3;
    h.fake.on('getHostnameAssociation', { abort: controller });
    await assertCancelled(setAssociation(h.context, change(false), { signal: controller.signal }));
    assert.equal(abortListeners(controller.signal), 0);
    assert.deepEqual(shown(h), ['a.example:false:pending_deployment', 'b.example:true:active']);
    assert.equal(h.activity.of(spinnerId), undefined);
  });
});
