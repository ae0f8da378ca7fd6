import * as assert from 'node:assert/strict';
import { ActivityTracker } from '../../../src/model/activityTracker';
import type { AccountData } from '../../../src/model/accountData';
import { AccountModel } from '../../../src/model/accountModel';
import { heldByCloudflare } from '../../../src/model/heldByCloudflare';
import { certificate, hostname, type FakeClient } from './fakeClient';
import { deferred, harness } from './modelHarness';

/** An account model that has read its token and listed z1 (example.com); nothing else loaded unless a test does. */
async function readyAccount(data: AccountData, fake: FakeClient): Promise<AccountModel> {
  fake.zones.push({ id: 'z1', name: 'example.com' });
  const account = new AccountModel(data, { get: async () => 't', storageUnavailable: false, changedInAnotherWindow: false });
  await account.refresh();
  await account.whenScanned();
  return account;
}

describe('heldByCloudflare', () => {
  it('says it cannot tell before the account has read its token, and why when there is none', async () => {
    const { data } = harness();
    const account = new AccountModel(data, { get: async () => undefined, storageUnavailable: false, changedInAnotherWindow: false });
    assert.match(heldByCloudflare(account, 'ab', 'cd'), /^unknown \(still loading/);
    await account.refresh();
    assert.equal(heldByCloudflare(account, 'ab', 'cd'), 'unknown (no API token is set)');
  });

  it('matches client certificates by serial, in any case', async () => {
    const { data, fake } = harness();
    const account = await readyAccount(data, fake);
    data.setAop('z1', { certificates: [certificate({ id: 'c1', serial: 'ABCDEF01' })], associations: [] });
    assert.equal(heldByCloudflare(account, 'abcdef01', 'x'), 'yes: client certificate in example.com');
    assert.match(heldByCloudflare(account, '99', 'x'), /^no/);
  });

  it('finds pack certificates by fingerprint with colons, and names at most three places', async () => {
    const { fake, data } = harness();
    const pack = [{ id: 'p', serial_number: '01', fingerprint_sha256: 'AB:CD:EF' }];
    fake.seed('z1', { hostnames: ['a', 'b', 'c', 'd', 'e'].map((name) => hostname(name, `${name}.example`, pack)) });
    fake.zones.length = 0;
    const account = await readyAccount(data, fake);
    assert.equal(
      heldByCloudflare(account, 'ff', 'abcdef'),
      'yes: pack certificate of a.example (example.com); pack certificate of b.example (example.com); pack certificate of c.example (example.com); and 2 more',
    );
  });
});

describe('ActivityTracker', () => {
  it('shows the latest words while work runs and clears them after, even when the work fails', async () => {
    const activity = new ActivityTracker();
    const first = deferred();
    const second = deferred();
    const one = activity.run('n', 'Uploading…', () => first.promise);
    const two = activity.run('n', 'Deleting…', () => second.promise.then(() => Promise.reject(new Error('refused'))));
    assert.equal(activity.of('n'), 'Deleting…');
    second.resolve();
    await assert.rejects(two, /refused/);
    assert.equal(activity.of('n'), 'Uploading…');
    first.resolve();
    await one;
    assert.equal(activity.of('n'), undefined);
  });
});
