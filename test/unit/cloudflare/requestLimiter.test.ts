import * as assert from 'node:assert/strict';
import { CancelledError } from '../../../src/cloudflare/errors';
import { RequestLimiter } from '../../../src/cloudflare/requestLimiter';
import { pause } from '../emulator/emulatorHttp';

describe('RequestLimiter', () => {
  it('never has more than maxConcurrent tasks running, and runs every one', async () => {
    const limiter = new RequestLimiter({ maxConcurrent: 3 });
    let running = 0;
    let most = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        limiter.run(async () => {
          running += 1;
          most = Math.max(most, running);
          await pause(3 + (index % 4));
          running -= 1;
          return index;
        }),
      ),
    );
    assert.deepEqual(
      results,
      Array.from({ length: 20 }, (_, index) => index),
    );
    assert.equal(most, 3);
    assert.deepEqual(limiter.stats(), { inFlight: 0, peakInFlight: 3, queued: 0, sentInWindow: 20 });
  });

  it('frees a slot when a task fails', async () => {
    const limiter = new RequestLimiter({ maxConcurrent: 1 });
    await assert.rejects(
      limiter.run(() => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.equal(await limiter.run(async () => 'next'), 'next');
    assert.equal(limiter.stats().inFlight, 0);
  });

  it('starts at most windowRequests tasks in any windowMs', async () => {
    const windowMs = 150;
    const limiter = new RequestLimiter({ maxConcurrent: 10, windowRequests: 3, windowMs });
    const origin = Date.now();
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 7 }, () => limiter.run(async () => void starts.push(Date.now() - origin))));
    assert.equal(starts.length, 7);
    assert.ok(
      starts.slice(0, 3).every((start) => start < 100),
      `the first three waited: ${starts}`,
    );
    for (let index = 3; index < starts.length; index += 1) {
      assert.ok(
        starts[index] - starts[index - 3] >= windowMs - 2,
        `task ${index} started ${starts[index] - starts[index - 3]} ms after task ${index - 3}: ${starts}`,
      );
    }
    assert.ok(starts[6] >= 2 * windowMs - 4, `${starts}`);
    assert.ok(limiter.stats().sentInWindow <= 3);
  });

  it('says how long requests wait when the budget is spent, and when they flow again', async () => {
    // A clock that moves only when the limiter says it waits, so a slow machine cannot expire the window.
    let clock = 0;
    const windowMs = 50;
    const limiter = new RequestLimiter({ maxConcurrent: 10, windowRequests: 2, windowMs, now: () => clock });
    const told: (number | undefined)[] = [];
    limiter.onBudgetWait((resumeInMs) => {
      told.push(resumeInMs);
      clock += resumeInMs ?? 0;
    });
    await Promise.all(Array.from({ length: 2 }, () => limiter.run(async () => undefined)));
    assert.deepEqual(told, [], 'nothing to say while the budget lasts');
    await limiter.run(async () => undefined);
    assert.deepEqual(told, [windowMs, undefined]);
  });

  it('setWindow lifts a spent budget at once, releasing what queued', async () => {
    const limiter = new RequestLimiter({ maxConcurrent: 10, windowRequests: 1, windowMs: 60_000 });
    await limiter.run(async () => undefined);
    let ran = false;
    const queued = limiter.run(async () => {
      ran = true;
    });
    await pause(20);
    assert.equal(ran, false, 'the budget of one was spent');
    limiter.setWindow(100);
    await queued;
    assert.equal(ran, true);
  });

  it('a queued call can be aborted: it rejects with CancelledError and never runs', async () => {
    const limiter = new RequestLimiter({ maxConcurrent: 1 });
    let release!: () => void;
    const first = limiter.run(() => new Promise<string>((resolve) => (release = () => resolve('first'))));
    const controller = new AbortController();
    let ran = false;
    const queued = limiter.run(async () => {
      ran = true;
    }, controller.signal);
    const after = limiter.run(async () => 'after');
    assert.equal(limiter.stats().queued, 2);
    controller.abort();
    await assert.rejects(queued, CancelledError);
    assert.equal(limiter.stats().queued, 1);
    release();
    assert.deepEqual(await Promise.all([first, after]), ['first', 'after']);
    assert.equal(ran, false);
    await assert.rejects(
      limiter.run(async () => 'never', AbortSignal.abort()),
      CancelledError,
    );
    assert.equal(limiter.stats().inFlight, 0);
  });

  it('aborting a call that already runs does not disturb the queue', async () => {
    const limiter = new RequestLimiter({ maxConcurrent: 1 });
    const controller = new AbortController();
    const running = limiter.run(async () => {
      controller.abort();
      await pause(5);
      return 'done';
    }, controller.signal);
    assert.equal(await running, 'done');
    assert.equal(await limiter.run(async () => 'next'), 'next');
  });
});
