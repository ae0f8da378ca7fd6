import * as assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { AccountData } from '../../../src/model/accountData';
import { ActivityTracker } from '../../../src/model/activityTracker';
import type { DataChange } from '../../../src/model/dataChange';
import type { OperationContext, PollTiming } from '../../../src/model/operations/operationContext';
import { clientOf, FakeClient } from './fakeClient';

/** Polling in milliseconds, so a test that waits for Cloudflare to settle (or time out) stays fast. */
export const FAST_POLL: PollTiming = { initialDelayMs: 1, maxDelayMs: 2, timeoutMs: 20 };

export interface Harness {
  readonly fake: FakeClient;
  readonly data: AccountData;
  readonly activity: ActivityTracker;
  readonly context: OperationContext;
  /** Every change event, in order. */
  readonly changes: DataChange[];
  readonly logLines: string[];
}

export function harness(fake = new FakeClient()): Harness {
  const data = new AccountData(clientOf(fake));
  const activity = new ActivityTracker();
  const changes: DataChange[] = [];
  data.onDidChange((change) => changes.push(change));
  const logLines: string[] = [];
  const context: OperationContext = { client: clientOf(fake), data, activity, timing: FAST_POLL, log: (line) => logLines.push(line) };
  return { fake, data, activity, context, changes, logLines };
}

/** A promise the test settles by hand: how a slow answer is held back until the test says so. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** What ActivityTracker.of(id) said at each of its changes: proves the spinner was shown, then cleared. */
export function watchActivity(activity: ActivityTracker, id: string): (string | undefined)[] {
  const seen: (string | undefined)[] = [];
  activity.onDidChange((changed) => {
    if (changed === id) {
      seen.push(activity.of(id));
    }
  });
  return seen;
}

export function abortListeners(signal: AbortSignal): number {
  return getEventListeners(signal, 'abort').length;
}

/**
 * The operation threw a cancellation (by name: the class is the model's, not the test's concern):
 * CancelledError, or StoppedError when it read back what is left; `said` matches the latter's line.
 */
export async function assertCancelled(promise: Promise<unknown>, said?: RegExp): Promise<void> {
  await assert.rejects(promise, (error: Error) => {
    if (said) {
      assert.equal(error.name, 'StoppedError');
      assert.match(error.message, said);
      return true;
    }
    return error.name === 'CancelledError' || error.name === 'StoppedError';
  });
}

/** Lets pending callbacks (then-handlers, setImmediate answers) run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}
