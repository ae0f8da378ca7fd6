import * as assert from 'node:assert/strict';
import { entriesOf } from '../../../src/cloudflare/listEntries';
import { LoopShare } from '../../../src/cloudflare/loopShare';
import type { CustomHostname } from '../../../src/cloudflare/types';
import { customHostnameRecords } from '../../../src/model/customHostnameRecord';
import { turnsDuring } from '../../support/loopTurns';

/** A clock the test moves by hand: the budget is about time, and the real clock is never compared. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let time = 1_000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('LoopShare: one budget of synchronous work per turn of the event loop', () => {
  it('lets work go on at once while the turn has budget, and waits for the next turn once it is spent', async () => {
    const clock = manualClock();
    const loop = new LoopShare(4, clock.now);
    // Fresh from I/O there is no budget yet: the first look waits one turn.
    const first = loop.pace();
    assert.ok(first instanceof Promise);
    await first;
    assert.equal(loop.pace(), undefined);
    clock.advance(3);
    assert.equal(loop.pace(), undefined);
    clock.advance(1);
    assert.ok(loop.pace() instanceof Promise, 'a spent budget must send the work to the next turn');
  });

  it('releases one waiter per turn, the longest waiting first, each with a fresh budget', async () => {
    const clock = manualClock();
    const loop = new LoopShare(4, clock.now);
    const released: string[] = [];
    const waits = ['a', 'b', 'c'].map((name) => loop.pace()!.then(() => released.push(name)));
    await nextTurn();
    assert.deepEqual(released, ['a']);
    assert.equal(loop.pace(), undefined, "the released waiter has the new turn's budget");
    await Promise.all(waits);
    assert.deepEqual(released, ['a', 'b', 'c']);
  });

  it('lets the event loop run between the slices of several pages recorded at once', async () => {
    const clock = manualClock();
    const loop = new LoopShare(4, clock.now);
    const order: string[] = [];
    // Each entry read costs 1 ms on the manual clock: a page of 100 is 25 turns' worth of budget.
    const page = (name: string) => {
      const items = Array.from({ length: 100 }, (_, index): CustomHostname => ({
        id: `${name}-${index}`,
        hostname: `${name}-${index}.example.com`,
      }));
      const entries = entriesOf(items);
      return {
        length: entries.length,
        at: (index: number) => {
          clock.advance(1);
          order.push(name);
          return entries.at(index);
        },
      };
    };
    const {
      result: [a, b],
      turns,
    } = await turnsDuring(() => Promise.all([customHostnameRecords(page('a'), loop), customHostnameRecords(page('b'), loop)]));
    assert.equal(a.length, 100);
    assert.equal(b.at(-1)?.hostname, 'b-99.example.com');
    // 200 ms of work in steps of 20 entries (20 ms here), one step per turn: at least 10 turns, so
    // other callbacks ran in between, and both pages advanced side by side rather than one after the other.
    assert.ok(turns >= 10, `turns the loop took meanwhile: ${turns}`);
    assert.ok(order.indexOf('b') < order.lastIndexOf('a'), 'page b waited for the whole of page a');
  });
});
