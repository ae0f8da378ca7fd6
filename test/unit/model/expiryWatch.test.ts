import * as assert from 'node:assert/strict';
import { expiryWatchMessage } from '../../../src/format/expiryWatchText';
import { AccountModel } from '../../../src/model/accountModel';
import { ExpiryWatch, thresholdOf, type Crossing } from '../../../src/model/expiryWatch';
import { DAY_MS, days, TEST_NOW } from '../../fixtures/testClock';
import { certificate } from './fakeClient';
import { harness } from './modelHarness';

const WINDOW = { warningDays: 30, criticalDays: 7 };

/** A watch over a fake account, its clock moved by the test, its global state a plain array. */
function setup(expiries: Record<string, Date>, remembered: string[] = []) {
  const h = harness();
  h.fake.seed('z1', { certificates: Object.entries(expiries).map(([id, expiresOn]) => certificate({ id, expiresOn })) });
  const account = new AccountModel(h.data, { get: async () => 't', storageUnavailable: false, changedInAnotherWindow: false });
  const state = { keys: remembered };
  const notified: (readonly Crossing[])[] = [];
  let now = TEST_NOW;
  const watch = new ExpiryWatch(
    account,
    { get: () => state.keys, set: async (keys) => void (state.keys = [...keys]) },
    { window: () => WINDOW, intervalHours: () => 12, now: () => now, notify: (crossings) => notified.push(crossings) },
  );
  const scanAndCheck = async () => {
    await account.refresh();
    await account.whenScanned();
    return watch.whenChecked();
  };
  return { ...h, account, watch, state, notified, scanAndCheck, setNow: (date: Date) => (now = date) };
}

describe('ExpiryWatch: one notification per certificate per threshold', () => {
  it('works out the threshold in calendar days, at any hour', () => {
    assert.equal(thresholdOf(days(-1), TEST_NOW, 30, 7), 'expired');
    assert.equal(thresholdOf(days(7), TEST_NOW, 30, 7), 'critical');
    assert.equal(thresholdOf(days(8), TEST_NOW, 30, 7), 'warning');
    assert.equal(thresholdOf(days(31), TEST_NOW, 30, 7), undefined);
  });

  it('notifies what crossed, once: a second check, a reload (a new watch over the same global state) say nothing', async () => {
    const first = setup({ gone: days(-2), soon: days(5), later: days(20), far: days(200) });
    const crossings = await first.scanAndCheck();
    assert.deepEqual(crossings.map((crossing) => [crossing.certificate.nodeId.split('/').pop(), crossing.threshold]).sort(), [
      ['gone', 'expired'],
      ['later', 'warning'],
      ['soon', 'critical'],
    ]);
    assert.equal(first.notified.length, 1, 'several at once are one notification');
    assert.deepEqual(await first.watch.check(), []);
    const reloaded = setup({ gone: days(-2), soon: days(5), later: days(20), far: days(200) }, first.state.keys);
    assert.deepEqual(await reloaded.scanAndCheck(), []);
    assert.equal(reloaded.notified.length, 0);
    first.watch.dispose();
    reloaded.watch.dispose();
  });

  it('notifies again when a certificate crosses the next threshold as the clock moves on', async () => {
    const watch = setup({ soon: days(10) });
    assert.deepEqual(
      (await watch.scanAndCheck()).map((crossing) => crossing.threshold),
      ['warning'],
    );
    watch.setNow(new Date(TEST_NOW.getTime() + 4 * DAY_MS));
    assert.deepEqual(
      (await watch.watch.check()).map((crossing) => crossing.threshold),
      ['critical'],
    );
    watch.setNow(new Date(TEST_NOW.getTime() + 11 * DAY_MS));
    assert.deepEqual(
      (await watch.watch.check()).map((crossing) => crossing.threshold),
      ['expired'],
    );
    assert.deepEqual(await watch.watch.check(), []);
    watch.watch.dispose();
  });

  it('a check whose scan could not finish notifies nothing', async () => {
    const watch = setup({ soon: days(5) });
    watch.fake.script.set('listCustomHostnames', 1, { throw: new Error('network down') });
    assert.deepEqual(await watch.scanAndCheck(), []);
    assert.equal(watch.notified.length, 0);
    assert.deepEqual(watch.state.keys, [], 'nothing remembered either, so the next complete check says it');
    watch.watch.dispose();
  });

  it('says it in one line per threshold, most urgent first, naming at most three', () => {
    const crossing = (label: string, threshold: Crossing['threshold']): Crossing => ({
      threshold,
      certificate: {
        zoneId: 'z',
        kind: 'aop',
        nodeId: label,
        label,
        notAfter: TEST_NOW,
        expired: threshold === 'expired',
        certificateId: label,
      },
    });
    assert.equal(
      expiryWatchMessage([crossing('a', 'warning'), crossing('b', 'expired'), crossing('c', 'warning')], WINDOW),
      '1 certificate Cloudflare holds expired: "b". 2 certificates Cloudflare holds crossed 30 days to expiry: "a" and "c".',
    );
    assert.equal(
      expiryWatchMessage(
        ['a', 'b', 'c', 'd', 'e'].map((label) => crossing(label, 'critical')),
        WINDOW,
      ),
      '5 certificates Cloudflare holds crossed 7 days to expiry: "a", "b", "c" and 2 more.',
    );
  });
});
