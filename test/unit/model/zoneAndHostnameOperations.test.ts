import * as assert from 'node:assert/strict';
import { PermissionError, ServerError } from '../../../src/cloudflare/errors';
import { NodeIds } from '../../../src/model/nodeIds';
import { setZoneAop } from '../../../src/model/operations/associations';
import { refreshCustomHostname } from '../../../src/model/operations/refreshCustomHostname';
import { hostname } from './fakeClient';
import { abortListeners, assertCancelled, harness, watchActivity } from './modelHarness';

async function seeded() {
  const h = harness();
  h.fake.seed('z1', { aopEnabled: false, hostnames: [hostname('h1', 'a.example'), hostname('h2', 'b.example')] });
  await h.data.aopSettings('z1');
  return h;
}

describe('setZoneAop', () => {
  it('sends one PUT, stores the answer and announces it, with the zone busy meanwhile', async () => {
    const h = await seeded();
    const spinner = watchActivity(h.activity, NodeIds.zone('z1'));
    const running = setZoneAop(h.context, 'z1', true);
    await h.fake.reached('setAopSettings');
    assert.equal(h.activity.of(NodeIds.zone('z1')), 'Enabling Authenticated Origin Pulls…');
    assert.deepEqual(await running, { enabled: true });
    assert.deepEqual(h.fake.requests, ['getAopSettings z1', 'setAopSettings z1 true']);
    assert.deepEqual(await h.data.aopSettings('z1'), { enabled: true });
    assert.deepEqual(h.changes.at(-1), { zoneId: 'z1', part: 'aopSettings', cause: 'operation' });
    assert.deepEqual(spinner, ['Enabling Authenticated Origin Pulls…', undefined]);
  });

  it('a refusal leaves the switch as loaded', async () => {
    const h = await seeded();
    h.fake.on('setAopSettings', {
      throw: new PermissionError(
        'The API token lacks the "SSL and Certificates: Edit" permission needed for this.',
        'SSL and Certificates: Edit',
        { status: 403 },
      ),
    });
    await assert.rejects(setZoneAop(h.context, 'z1', true), PermissionError);
    assert.deepEqual(await h.data.aopSettings('z1'), { enabled: false });
    assert.equal(h.fake.count('getAopSettings'), 1);
  });

  it('cancelled before the PUT: nothing is sent', async () => {
    const h = await seeded();
    const controller = new AbortController();
    controller.abort();
    await assertCancelled(setZoneAop(h.context, 'z1', true, { signal: controller.signal }));
    assert.equal(h.fake.count('setAopSettings'), 0);
    assert.equal(abortListeners(controller.signal), 0);
  });

  it('cancelled during a PUT that Cloudflare carried out: the next look shows the switch as Cloudflare has it', async () => {
    const h = await seeded();
    const controller = new AbortController();
    h.fake.on('setAopSettings', { hang: true, commit: true });
    const running = setZoneAop(h.context, 'z1', true, { signal: controller.signal });
    await h.fake.reached('setAopSettings');
    controller.abort();
    await assertCancelled(running);
    assert.equal(abortListeners(controller.signal), 0);
    assert.deepEqual(await h.data.aopSettings('z1'), { enabled: true });
    assert.equal(h.activity.of(NodeIds.zone('z1')), undefined);
  });

  it('an answer lost after the commit: the error is passed on and the switch is loaded again', async () => {
    const h = await seeded();
    h.fake.on('setAopSettings', {
      lostAfterCommit: new ServerError('Cloudflare answered with a server error (502); try again shortly.', { status: 502 }),
    });
    await assert.rejects(setZoneAop(h.context, 'z1', true), ServerError);
    assert.deepEqual(await h.data.aopSettings('z1'), { enabled: true });
    assert.ok(h.changes.some((change) => change.zoneId === 'z1' && change.part === 'aopSettings'));
  });
});

describe('refreshCustomHostname', () => {
  it('sends one GET for that hostname and replaces it in the loaded list', async () => {
    const h = await seeded();
    await h.data.customHostnames('z1');
    h.fake.hostnames.set('z1', [hostname('h1', 'a.example'), { ...hostname('h2', 'b.example'), status: 'moved' }]);
    const before = h.fake.requests.length;
    const spinner = watchActivity(h.activity, NodeIds.customHostname('z1', 'h2'));
    await refreshCustomHostname(h.context, 'z1', 'h2');
    assert.deepEqual(h.fake.requests.slice(before), ['getCustomHostname z1 h2']);
    assert.deepEqual(
      h.data
        .loaded()
        .customHostnames.get('z1')
        ?.items.map((item) => item.status),
      ['active', 'moved'],
    );
    assert.deepEqual(h.changes.at(-1), { zoneId: 'z1', part: 'customHostnames', itemId: 'h2', cause: 'operation' });
    assert.deepEqual(spinner, ['Refreshing…', undefined]);
  });
});
