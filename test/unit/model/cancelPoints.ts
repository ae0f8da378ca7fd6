import * as assert from 'node:assert/strict';
import { CancelledError } from '../../../src/cloudflare/errors';
import { abortListeners, type Harness } from './modelHarness';

/** A fresh harness with Cloudflare seeded and the data loaded, and the operation ready to run on it. */
export type Prepare = () => Promise<{ readonly h: Harness; readonly run: (signal?: AbortSignal) => Promise<unknown> }>;

/**
 * Where a cancel lands, counted in the requests of an uncancelled run (1-based): before the first,
 * while one is in flight (a write either before or after Cloudflare applied it), or right after one
 * answered (so the next request, or the wait before the next poll, meets an aborted signal).
 */
export type CancelPoint =
  | { readonly kind: 'before' }
  | { readonly kind: 'inFlight'; readonly step: number; readonly landed: boolean }
  | { readonly kind: 'after'; readonly step: number };

const WRITE = /^(upload|update|delete|replace|set)/;

export const isWrite = (request: string): boolean => WRITE.test(request);

export function describePoint(point: CancelPoint, steps: readonly string[]): string {
  if (point.kind === 'before') {
    return 'before the first request';
  }
  const request = steps[point.step - 1];
  if (point.kind === 'after') {
    return `after "${request}" answered`;
  }
  return `while "${request}" was in flight${isWrite(request) ? (point.landed ? ', after Cloudflare applied it' : ', before Cloudflare applied it') : ''}`;
}

/** The requests an uncancelled run makes, and the cancellable ones among them (made under the signal). */
export async function stepsOf(prepare: Prepare): Promise<{ steps: string[]; cancellable: number }> {
  const { h, run } = await prepare();
  const before = h.fake.requests.length;
  await run(new AbortController().signal);
  const steps = h.fake.requests.slice(before);
  const signalled = h.fake.script.signalled.slice(before);
  // Past the last request made under the signal only the read-back is left: a cancel then changes nothing.
  return { steps, cancellable: signalled.lastIndexOf(true) + 1 };
}

/** Every place a cancel can land in a run whose first `cancellable` requests honour the signal. */
export function cancelPoints(steps: readonly string[], cancellable: number): CancelPoint[] {
  const points: CancelPoint[] = [{ kind: 'before' }];
  for (let step = 1; step <= cancellable; step += 1) {
    points.push({ kind: 'inFlight', step, landed: false });
    if (isWrite(steps[step - 1])) {
      points.push({ kind: 'inFlight', step, landed: true });
    }
    if (step < cancellable) {
      points.push({ kind: 'after', step });
    }
  }
  return points;
}

/**
 * Runs the operation on a fresh harness with the person's cancel at `point`. Hands back how it
 * ended and every request sent once the cancel was pressed; no abort listener may be left behind.
 */
export async function cancelAt(prepare: Prepare, point: CancelPoint): Promise<{ h: Harness; error: unknown; afterCancel: string[] }> {
  const { h, run } = await prepare();
  const controller = new AbortController();
  const start = h.fake.requests.length;
  let cancelledAt = start;
  if (point.kind === 'before') {
    controller.abort();
  } else if (point.kind === 'after') {
    cancelledAt = start + point.step;
    h.fake.onRequest(cancelledAt, { abort: controller });
  } else {
    cancelledAt = start + point.step;
    // The person presses Cancel while the request is on the wire: the client aborts it and reports a
    // cancellation, whether or not Cloudflare had already applied it.
    h.fake.onRequest(cancelledAt, {
      custom: (act) => {
        if (point.landed) {
          act();
        }
        controller.abort();
        throw new CancelledError('The request was cancelled.');
      },
    });
  }
  const error = await run(controller.signal).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  assert.ok(controller.signal.aborted, 'the cancel was pressed');
  assert.equal(abortListeners(controller.signal), 0, 'no listener left on the signal');
  return { h, error, afterCancel: h.fake.requests.slice(cancelledAt) };
}

/** The stopped result: a StoppedError whose message is one line and starts with what stopped. */
export function assertStopped(error: unknown, operation: string): string {
  assert.ok(error instanceof Error, `ended with an error, not ${String(error)}`);
  assert.equal(error.name, 'StoppedError', error.message);
  assert.match(error.message, new RegExp(`^${operation} stopped\\b`));
  assert.doesNotMatch(error.message, /\n/, 'one line');
  return error.message;
}
