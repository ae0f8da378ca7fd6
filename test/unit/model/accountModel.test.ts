import * as assert from 'node:assert/strict';
import { AuthError } from '../../../src/cloudflare/errors';
import { AccountModel, type AccountStatus, type TokenSource } from '../../../src/model/accountModel';
import { heldByCloudflare } from '../../../src/model/heldByCloudflare';
import { days } from '../../fixtures/testClock';
import { certificate } from './fakeClient';
import { deferred, harness } from './modelHarness';

/** A token store as the model sees it: whether there is a token, and why not. */
function tokens(token: string | undefined, flags: Partial<Pick<TokenSource, 'storageUnavailable' | 'changedInAnotherWindow'>> = {}) {
  const source = { token, storageUnavailable: false, changedInAnotherWindow: false, ...flags, get: async () => source.token };
  return source;
}

function modelWith(token: string | undefined, flags = {}) {
  const h = harness();
  h.fake.seed('z1', { certificates: [certificate({ id: 'c1', serial: 'aa01', expiresOn: days(5) })] }).seed('z2');
  const source = tokens(token, flags);
  const account = new AccountModel(h.data, source);
  const statuses: AccountStatus[] = [];
  account.onDidChangeStatus((status) => statuses.push(status));
  return { ...h, account, source, statuses };
}

describe('AccountModel: knows the account with no view open', () => {
  it('with a token, lists the zones and scans every zone in the background, announcing loading then ready', async () => {
    const { account, data, fake, statuses } = modelWith('t');
    await account.refresh();
    assert.deepEqual(statuses, ['loading', 'ready']);
    const scan = await account.whenScanned();
    assert.deepEqual(scan, { zones: 2, scanned: 2, failed: 0, running: false, complete: true });
    assert.equal(data.loaded().aop.get('z1')?.certificates[0].id, 'c1');
    assert.ok(fake.requests.includes('listCustomHostnames z2'), 'both zones scanned');
    assert.equal(account.stillLoading, false);
  });

  it('without a token says so and sends nothing; storage unavailable and changed elsewhere are their own statuses', async () => {
    for (const [flags, expected] of [
      [{}, 'noToken'],
      [{ storageUnavailable: true }, 'storageUnavailable'],
      [{ changedInAnotherWindow: true }, 'changedElsewhere'],
    ] as const) {
      const { account, fake } = modelWith(undefined, flags);
      await account.refresh();
      assert.equal(account.status, expected);
      assert.deepEqual(fake.requests, []);
    }
  });

  it('a rejected token is the tokenRejected status, and a new token loads again', async () => {
    const { account, fake, source } = modelWith('revoked');
    fake.script.set('listZones', 1, { throw: new AuthError('Invalid API token') });
    await account.refresh();
    assert.equal(account.status, 'tokenRejected');
    source.token = 'new';
    await account.refresh();
    assert.equal(account.status, 'ready');
  });

  it('a token revoked while the scan runs ends in tokenRejected, and the scan is not complete', async () => {
    const { account, fake } = modelWith('t');
    fake.script.set('listHostnameCertificates', 2, { throw: new AuthError('Invalid API token') });
    await account.refresh();
    const scan = await account.whenScanned();
    assert.equal(scan.complete, false);
    assert.equal(scan.failed, 1);
    assert.equal(account.status, 'tokenRejected');
  });

  it('says "still loading" in a hover while the scan runs, and "no" once it is done', async () => {
    const { account, fake, data } = modelWith('t');
    const gate = deferred();
    fake.script.set('listCustomHostnames', 1, { gate: gate.promise });
    await account.refresh();
    await data.aop('z1');
    assert.match(heldByCloudflare(account, 'ffff', 'x'), /still loading/);
    assert.equal(heldByCloudflare(account, 'AA01', 'x'), 'yes: client certificate in z1.example');
    gate.resolve();
    await account.whenScanned();
    assert.match(heldByCloudflare(account, 'ffff', 'x'), /^no \(not among the certificates Cloudflare holds\)/);
  });

  it('a refresh during a scan drops the old scan: its results announce nothing', async () => {
    const { account, fake } = modelWith('t');
    const gate = deferred();
    fake.script.set('listCustomHostnames', 1, { gate: gate.promise });
    await account.refresh();
    const first = account.whenScanned();
    const scans: unknown[] = [];
    account.onDidScan((scan) => scans.push(scan));
    await account.refresh();
    gate.resolve();
    await first;
    await account.whenScanned();
    assert.equal(scans.length, 1, 'only the newer scan announced itself');
  });
});
