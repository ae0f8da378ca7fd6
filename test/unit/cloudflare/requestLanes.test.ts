import * as assert from 'node:assert/strict';
import { RequestLimiter, type Lane } from '../../../src/cloudflare/requestLimiter';

/** A task the test finishes by hand, recording when it started. */
function held(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { task: () => (started.push(name), done), finish: () => finish() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('RequestLimiter lanes: the background scan never stands in a person’s way', () => {
  it('keeps two slots free of the scan, so a person’s request starts at once', async () => {
    const limiter = new RequestLimiter({ maxConcurrent: 4 });
    const started: string[] = [];
    const background: Lane = { lane: 'background' };
    const scan = ['s1', 's2', 's3', 's4'].map((name) => held(started, name));
    const scanRuns = scan.map((step) => limiter.run(step.task, undefined, background));
    await tick();
    assert.deepEqual(started, ['s1', 's2'], 'the scan takes only maxConcurrent - 2 slots');
    const person = held(started, 'expand');
    const expand = limiter.run(person.task);
    await tick();
    assert.deepEqual(started, ['s1', 's2', 'expand']);
    person.finish();
    scan.forEach((step) => step.finish());
    await Promise.all([expand, ...scanRuns]);
    assert.deepEqual(started, ['s1', 's2', 'expand', 's3', 's4']);
  });

  it('a person’s request goes ahead of every queued scan request', async () => {
    const limiter = new RequestLimiter({ maxConcurrent: 3 });
    const started: string[] = [];
    const first = held(started, 'busy');
    const busy = limiter.run(first.task);
    const scan = ['s1', 's2', 's3'].map((name) => held(started, name));
    const scanRuns = scan.map((step) => limiter.run(step.task, undefined, { lane: 'background' }));
    const person = held(started, 'operation');
    const operation = limiter.run(person.task);
    await tick();
    // Three slots, two kept from the scan: "busy" holds the scan's one, so only the person gets in.
    assert.deepEqual(started, ['busy', 'operation']);
    [first, person, ...scan].forEach((step) => step.finish());
    await Promise.all([busy, operation, ...scanRuns]);
  });

  it('a person waiting for what the scan queued promotes it: its lane is held by reference', async () => {
    const limiter = new RequestLimiter({ maxConcurrent: 3 });
    const started: string[] = [];
    const lane: Lane = { lane: 'background' };
    const s1 = held(started, 's1');
    const r1 = limiter.run(s1.task, undefined, lane);
    const queued = held(started, 'zone-49');
    const r2 = limiter.run(queued.task, undefined, lane);
    await tick();
    assert.deepEqual(started, ['s1']);
    lane.lane = 'user';
    const r3 = limiter.run(async () => void started.push('poke'));
    await r3;
    assert.ok(started.includes('zone-49'), 'the promoted request started with the next look at the queue');
    s1.finish();
    queued.finish();
    await Promise.all([r1, r2]);
  });

  it('leaves a fifth of the window’s budget to the person', async () => {
    let now = 0;
    const limiter = new RequestLimiter({ maxConcurrent: 8, windowRequests: 10, windowMs: 1_000, now: () => now });
    let scanned = 0;
    const scan = Array.from({ length: 10 }, () => limiter.run(async () => void (scanned += 1), undefined, { lane: 'background' }));
    await tick();
    await tick();
    assert.equal(scanned, 8, 'the scan stops at 80% of the budget');
    let person = false;
    await limiter.run(async () => void (person = true));
    assert.ok(person, 'the person still gets through at once');
    now = 1_001;
    // The window has moved on: the scan may go on.
    await limiter.run(async () => undefined);
    await Promise.all(scan);
    assert.equal(scanned, 10);
  });
});
