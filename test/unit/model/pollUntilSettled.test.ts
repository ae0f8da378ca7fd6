import * as assert from 'node:assert/strict';
import { CancelledError } from '../../../src/cloudflare/errors';
import { pollUntilSettled, wait } from '../../../src/model/pollUntilSettled';
import { abortListeners, FAST_POLL } from './modelHarness';

describe('pollUntilSettled', () => {
  it('throws CancelledError before loading anything when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let loads = 0;
    const load = async () => {
      loads += 1;
      return 'active';
    };
    await assert.rejects(
      pollUntilSettled(load, () => true, { ...FAST_POLL, signal: controller.signal }),
      CancelledError,
    );
    assert.equal(loads, 0);
  });

  it('leaves no abort listener behind after many waits (it used to add one per wait)', async () => {
    const controller = new AbortController();
    const seenByLoad: number[] = [];
    let loads = 0;
    const load = async () => {
      seenByLoad.push(abortListeners(controller.signal));
      loads += 1;
      return loads < 8 ? 'pending_deployment' : 'active';
    };
    const outcome = await pollUntilSettled(load, (status) => status === 'active', {
      signal: controller.signal,
      initialDelayMs: 1,
      maxDelayMs: 1,
      timeoutMs: 5_000,
    });
    assert.deepEqual(outcome, { settled: true, value: 'active' });
    assert.equal(loads, 8);
    assert.deepEqual(seenByLoad, [0, 0, 0, 0, 0, 0, 0, 0]);
    assert.equal(abortListeners(controller.signal), 0);
  });

  it('gives up after timeoutMs with the last value seen, settled: false', async () => {
    const values: string[] = [];
    const outcome = await pollUntilSettled(
      async () => 'pending_deployment',
      () => false,
      { ...FAST_POLL, onWait: (value) => values.push(String(value)) },
    );
    assert.deepEqual(outcome, { settled: false, value: 'pending_deployment' });
    assert.ok(values.length >= 2, `polled ${values.length} times`);
  });

  it('a cancel during a wait ends it at once, with no listener left', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const polling = pollUntilSettled(
      async () => 'pending',
      () => false,
      { signal: controller.signal, initialDelayMs: 10_000, maxDelayMs: 10_000, timeoutMs: 60_000 },
    );
    setTimeout(() => controller.abort(), 5);
    await assert.rejects(polling, CancelledError);
    assert.ok(Date.now() - started < 1_000);
    assert.equal(abortListeners(controller.signal), 0);
  });

  it('a load failure ends polling with that error', async () => {
    const failure = new Error('boom');
    await assert.rejects(
      pollUntilSettled(
        () => Promise.reject(failure),
        () => true,
        FAST_POLL,
      ),
      failure,
    );
  });
});

describe('wait', () => {
  it('throws at once for an aborted signal and removes its listener when the delay ends', async () => {
    const controller = new AbortController();
    await wait(1, controller.signal);
    await wait(1, controller.signal);
    assert.equal(abortListeners(controller.signal), 0);
    controller.abort();
    assert.throws(() => wait(1, controller.signal), CancelledError);
  });
});
