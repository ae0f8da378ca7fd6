import * as assert from 'node:assert/strict';
import type { ZoneAopData } from '../../../src/model/accountData';
import { association, certificate, hostname } from './fakeClient';
import { deferred, harness, settle } from './modelHarness';

describe('AccountData: changes', () => {
  it('announces each settled load once, with its zone and part', async () => {
    const { fake, data, changes } = harness();
    fake.seed('z1');
    await Promise.all([data.aop('z1'), data.aop('z1'), data.customHostnames('z1'), data.aopSettings('z1')]);
    await settle();
    assert.deepEqual(changes.map((change) => `${change.zoneId}/${change.part}/${change.cause}`).sort(), [
      'z1/aop/load',
      'z1/aopSettings/load',
      'z1/customHostnames/load',
    ]);
    await data.aop('z1');
    await settle();
    assert.equal(changes.length, 3, 'a settled part served again is no new load');
  });

  it('announces reloads: everything without a zone, one part with it', () => {
    const { data, changes } = harness();
    data.reloadAll();
    data.reload('z1', 'aop');
    data.reload('z2');
    assert.deepEqual(changes, [
      { cause: 'reload' },
      { zoneId: 'z1', part: 'aop', cause: 'reload' },
      { zoneId: 'z2', part: undefined, cause: 'reload' },
    ]);
  });

  it('each setter stores the value and announces an operation on its part', async () => {
    const { fake, data, changes } = harness();
    const loaded = [hostname('h1', 'a.example'), hostname('h2', 'b.example')];
    fake.seed('z1', { certificates: [certificate({ id: 'c1' })], associations: [association('a.example', 'c1')], hostnames: loaded });
    await Promise.all([data.aop('z1'), data.customHostnames('z1')]);
    await settle();
    changes.length = 0;

    data.setCertificates('z1', [certificate({ id: 'c2' })]);
    assert.deepEqual(
      data
        .loaded()
        .aop.get('z1')
        ?.certificates.map((item) => item.id),
      ['c2'],
    );
    assert.deepEqual(
      data
        .loaded()
        .aop.get('z1')
        ?.associations.map((item) => item.hostname),
      ['a.example'],
      'setCertificates keeps the associations',
    );

    const aop: ZoneAopData = { certificates: [], associations: [] };
    data.setAop('z1', aop);
    assert.equal(data.loaded().aop.get('z1'), aop);

    data.replaceCustomHostname('z1', { ...loaded[1], status: 'moved' });
    assert.deepEqual(
      data
        .loaded()
        .customHostnames.get('z1')
        ?.items.map((item) => `${item.id}:${item.status}`),
      ['h1:active', 'h2:moved'],
    );

    data.setAopSettings('z1', { enabled: true });
    assert.deepEqual(await data.aopSettings('z1'), { enabled: true });

    assert.deepEqual(changes, [
      { zoneId: 'z1', part: 'aop', cause: 'operation' },
      { zoneId: 'z1', part: 'aop', cause: 'operation' },
      { zoneId: 'z1', part: 'customHostnames', itemId: 'h2', cause: 'operation' },
      { zoneId: 'z1', part: 'aopSettings', cause: 'operation' },
    ]);
    // What the setters stored is served without a request.
    const before = fake.requests.length;
    assert.equal(await data.aop('z1'), aop);
    assert.equal(fake.requests.length, before);
  });

  it('setCertificates on a zone whose associations are not loaded forgets the part rather than inventing none', async () => {
    const { fake, data, changes } = harness();
    fake.seed('z1', { certificates: [certificate({ id: 'c1' })], associations: [association('a.example', 'c1')] });
    data.setCertificates('z1', [certificate({ id: 'c1' })]);
    assert.equal(data.loaded().aop.has('z1'), false);
    assert.deepEqual(changes, [{ zoneId: 'z1', part: 'aop', cause: 'operation' }]);
    assert.deepEqual(
      (await data.aop('z1')).associations.map((item) => item.hostname),
      ['a.example'],
    );
  });

  it('a late-settling old load does not overwrite a newer put(), nor announce itself', async () => {
    const { fake, data, changes } = harness();
    fake.seed('z1', { certificates: [certificate({ id: 'stale' })] });
    const slow = deferred();
    fake.on('listHostnameCertificates', { gate: slow.promise });
    const old = data.aop('z1');
    await fake.reached('listHostnameCertificates');
    const fresh: ZoneAopData = { certificates: [certificate({ id: 'fresh' })], associations: [] };
    data.setAop('z1', fresh);
    slow.resolve();
    assert.deepEqual(
      (await old).certificates.map((item) => item.id),
      ['stale'],
      'the old caller gets its answer',
    );
    await settle();
    assert.equal(data.loaded().aop.get('z1'), fresh);
    assert.equal(await data.aop('z1'), fresh);
    assert.equal(changes.filter((change) => change.cause === 'load').length, 0);
  });

  it('a load that reload(zone, part) overtook does not come back when it settles', async () => {
    const { fake, data } = harness();
    fake.seed('z1', { hostnames: [hostname('h1', 'old.example')] });
    const slow = deferred();
    fake.on('listCustomHostnames', { gate: slow.promise });
    const old = data.customHostnames('z1');
    await fake.reached('listCustomHostnames');
    data.reload('z1', 'customHostnames');
    fake.seed('z1', { hostnames: [hostname('h1', 'new.example')] });
    const fresh = await data.customHostnames('z1');
    slow.resolve();
    await old;
    await settle();
    assert.deepEqual(data.loaded().customHostnames.get('z1'), fresh);
    assert.equal(fresh.items[0].hostname, 'new.example');
  });

  it('diagnostics fall back to zero pending loads and zero abort listeners when idle', async () => {
    const { fake, data } = harness();
    fake.seed('z1').seed('z2');
    fake.on('listCustomHostnames', { hang: true });
    const loads = [data.zones(), data.aop('z1'), data.aop('z2'), data.customHostnames('z1'), data.aopSettings('z2')];
    await fake.reached('listCustomHostnames');
    const busy = data.diagnostics();
    assert.ok(busy.pending >= 1, `pending while loading: ${busy.pending}`);
    assert.equal(busy.abortListeners, 1, 'the hanging request listens on the shared signal');
    data.reloadAll();
    await Promise.all(loads);
    await settle();
    assert.deepEqual(data.diagnostics(), { pending: 0, abortListeners: 0, changeListeners: 1 });
    data.dispose();
    assert.equal(data.diagnostics().changeListeners, 0);
  });

  it('a listener that throws does not stop the others', async () => {
    const { fake, data, changes } = harness();
    fake.seed('z1');
    data.onDidChange(() => {
      throw new Error('a broken listener');
    });
    const later: string[] = [];
    const subscription = data.onDidChange((change) => later.push(change.cause));
    data.setAopSettings('z1', { enabled: true });
    subscription.dispose();
    data.setAopSettings('z1', { enabled: false });
    assert.deepEqual(later, ['operation']);
    assert.equal(changes.length, 2);
  });
});
