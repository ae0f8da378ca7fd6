import * as assert from 'node:assert/strict';
import { CancelledError, PartialResultError, ServerError } from '../../../src/cloudflare/errors';
import { certificate, hostname } from './fakeClient';
import { assertCancelled, harness, settle } from './modelHarness';

describe('AccountData: loads', () => {
  it('overlapping callers share one load per part and zone', async () => {
    const { fake, data } = harness();
    fake.seed('z1', { certificates: [certificate({ id: 'c1' })] }).seed('z2');
    const [a, b, c] = await Promise.all([data.aop('z1'), data.aop('z1'), data.aop('z1', false)]);
    assert.equal(a, b);
    assert.equal(b, c);
    assert.equal(fake.count('listHostnameCertificates'), 1);
    assert.equal(fake.count('listHostnameAssociations'), 1);
    // Settled data is served without another request; a different zone is its own load.
    await data.aop('z1');
    await data.aop('z2');
    assert.deepEqual(fake.requests, [
      'listHostnameCertificates z1',
      'listHostnameAssociations z1',
      'listHostnameCertificates z2',
      'listHostnameAssociations z2',
    ]);
    await Promise.all([data.zones(), data.zones()]);
    assert.equal(fake.count('listZones'), 1);
  });

  it('forgets a failed load, so the next caller retries', async () => {
    const { fake, data } = harness();
    fake.seed('z1', { certificates: [certificate({ id: 'c1' })] });
    fake.on('listHostnameCertificates', { throw: new ServerError('503', { status: 503 }) });
    fake.on('listZones', { throw: new ServerError('503', { status: 503 }) });
    fake.on('getAopSettings', { throw: new ServerError('503', { status: 503 }) });
    await assert.rejects(data.aop('z1'), ServerError);
    await assert.rejects(data.zones(), ServerError);
    await assert.rejects(data.aopSettings('z1'), ServerError);
    assert.equal(data.loaded().aop.has('z1'), false);
    assert.deepEqual(
      (await data.aop('z1')).certificates.map((item) => item.id),
      ['c1'],
    );
    assert.equal((await data.zones()).length, 1);
    assert.deepEqual(await data.aopSettings('z1'), { enabled: false });
    assert.equal(fake.count('listHostnameCertificates'), 2);
    assert.equal(fake.count('listZones'), 2);
  });

  it('reloadAll aborts loads in flight; their callers get the fresh load, not a CancelledError', async () => {
    const { fake, data } = harness();
    fake.seed('z1', { certificates: [certificate({ id: 'old' })] });
    fake.on('listHostnameCertificates', { hang: true });
    fake.on('listZones', { hang: true });
    const first = data.aop('z1');
    const second = data.aop('z1');
    const zones = data.zones();
    await fake.reached('listHostnameCertificates');
    await fake.reached('listZones');
    fake.seed('z1', { certificates: [certificate({ id: 'new' })] });
    data.reloadAll();
    assert.deepEqual(
      (await first).certificates.map((item) => item.id),
      ['new'],
    );
    assert.equal(await second, await first);
    assert.equal((await zones).length, 1);
    // One superseded request and one fresh one, however many callers were waiting.
    assert.equal(fake.count('listHostnameCertificates'), 2);
    assert.equal(fake.count('listZones'), 2);
  });

  it('does not redo a follow=false load that a reloadAll superseded: that caller sees the cancellation', async () => {
    const { fake, data } = harness();
    fake.seed('z1');
    fake.on('listCustomHostnames', { hang: true }).on('getAopSettings', { hang: true });
    const scan = data.customHostnames('z1', false);
    const settings = data.aopSettings('z1', false);
    await fake.reached('listCustomHostnames');
    await fake.reached('getAopSettings');
    data.reloadAll();
    await assertCancelled(scan);
    await assertCancelled(settings);
    await settle();
    assert.equal(fake.count('listCustomHostnames'), 1);
    assert.equal(fake.count('getAopSettings'), 1);
  });

  it('passes on a cancellation no reloadAll caused, without retrying', async () => {
    const { fake, data } = harness();
    fake.seed('z1');
    fake.on('listHostnameAssociations', { throw: new CancelledError('The request was cancelled.') });
    await assertCancelled(data.aop('z1'));
    assert.equal(fake.count('listHostnameAssociations'), 1);
  });

  it('keeps a partial custom-hostname list, marked incomplete, with what was expected and why', async () => {
    const { fake, data } = harness();
    const loaded = [hostname('h1', 'a.example'), hostname('h2', 'b.example')];
    const cause = new ServerError('Cloudflare answered with a server error (503); try again shortly.', { status: 503 });
    fake.seed('z1', { hostnames: loaded });
    fake.on('listCustomHostnames', { throw: new PartialResultError(loaded, 5, cause) });
    const list = await data.customHostnames('z1');
    assert.equal(list.complete, false);
    assert.equal(list.expected, 5);
    assert.equal(list.error, cause);
    assert.deepEqual(
      list.items.map((item) => item.id),
      ['h1', 'h2'],
    );
    assert.equal(data.loaded().customHostnames.get('z1'), list);
    // A complete list says so and carries no error.
    data.reload('z1', 'customHostnames');
    const again = await data.customHostnames('z1');
    assert.equal(again.complete, true);
    assert.equal(again.error, undefined);
    assert.equal(again.expected, undefined);
  });

  it('reload(zone, part) forgets only that part of that zone', async () => {
    const { fake, data } = harness();
    fake.seed('z1').seed('z2');
    await Promise.all(['z1', 'z2'].flatMap((zone) => [data.aop(zone), data.customHostnames(zone), data.aopSettings(zone)]));
    const before = fake.requests.length;
    data.reload('z1', 'customHostnames');
    assert.equal(data.loaded().customHostnames.has('z1'), false);
    assert.equal(data.loaded().customHostnames.has('z2'), true);
    assert.equal(data.loaded().aop.has('z1'), true);
    assert.equal(data.loaded().aopSettings.has('z1'), true);
    await Promise.all(['z1', 'z2'].flatMap((zone) => [data.aop(zone), data.customHostnames(zone), data.aopSettings(zone)]));
    assert.deepEqual(fake.requests.slice(before), ['listCustomHostnames z1']);
    // Without a part, every part of that zone (and only that zone) is forgotten.
    data.reload('z2');
    assert.deepEqual(
      [data.loaded().aop.has('z2'), data.loaded().customHostnames.has('z2'), data.loaded().aopSettings.has('z2')],
      [false, false, false],
    );
    assert.deepEqual(
      [data.loaded().aop.has('z1'), data.loaded().customHostnames.has('z1'), data.loaded().aopSettings.has('z1')],
      [true, true, true],
    );
  });
});
