import { CancelledError } from '../../../src/cloudflare/errors';

/**
 * What one scripted call does instead of answering normally:
 * - `throw`: Cloudflare refuses; nothing is stored.
 * - `lostAfterCommit`: the change is stored, then the answer is lost (throws the given error).
 * - `hang`: waits until the caller's signal aborts, then fails as a cancelled request would;
 *   with `commit` the change lands first (the request reached Cloudflare before the cancel).
 * - `gate`: answers with the state at call time, but only once the gate opens (a slow answer).
 * - `abort`: answers normally, then aborts the given controller (a cancel between two steps).
 * - `custom`: anything else; it gets the normal answer as a function (calling it applies the change).
 */
export type Behaviour =
  | { readonly throw: Error }
  | { readonly lostAfterCommit: Error }
  | { readonly hang: true; readonly commit?: boolean }
  | { readonly gate: Promise<void> }
  | { readonly abort: AbortController }
  | { readonly custom: (act: () => unknown) => unknown };

/** The request log, per-call scripting and "has the nth call started yet?" waits of the fake client. */
export class Script<M extends string> {
  readonly log: string[] = [];
  /** Whether each logged call was made under a signal (so it could be cancelled in flight). */
  readonly signalled: boolean[] = [];
  private readonly counts = new Map<M, number>();
  /** "method#n" of each call that got past the network (not aborted on the way). */
  private readonly arrived = new Set<string>();
  private readonly behaviours = new Map<string, Behaviour>();
  /** Behaviours by position in the log (1-based), whatever the method: "the 3rd request". */
  private readonly byPosition = new Map<number, Behaviour>();
  private readonly waiters: { method: M; nth: number; resolve: () => void }[] = [];

  set(method: M, nth: number, behaviour: Behaviour): void {
    this.behaviours.set(`${method}#${nth}`, behaviour);
  }

  setAt(position: number, behaviour: Behaviour): void {
    this.byPosition.set(position, behaviour);
  }

  reached(method: M, nth: number): Promise<void> {
    if (this.arrived.has(`${method}#${nth}`)) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push({ method, nth, resolve }));
  }

  async call<T>(method: M, args: readonly string[], signal: AbortSignal | undefined, act: () => T): Promise<T> {
    const nth = (this.counts.get(method) ?? 0) + 1;
    this.counts.set(method, nth);
    // Logged even when the signal is already aborted: a real client would at least have tried.
    this.log.push([method, ...args].join(' '));
    this.signalled.push(signal !== undefined);
    const position = this.log.length;
    // A real answer never arrives synchronously; the model must cope with the interleaving.
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) {
      throw new CancelledError('The request was cancelled.');
    }
    this.arrived.add(`${method}#${nth}`);
    // Waiters resume only after this call has reached its scripted step (a hang is listening by then).
    for (const waiter of this.waiters.filter((candidate) => candidate.method === method && candidate.nth === nth)) {
      waiter.resolve();
    }
    const behaviour = this.byPosition.get(position) ?? this.behaviours.get(`${method}#${nth}`);
    if (!behaviour) {
      return structuredClone(act());
    }
    if ('throw' in behaviour) {
      throw behaviour.throw;
    }
    if ('lostAfterCommit' in behaviour) {
      act();
      throw behaviour.lostAfterCommit;
    }
    if ('hang' in behaviour) {
      if (behaviour.commit) {
        act();
      }
      await untilAborted(method, signal);
      throw new CancelledError('The request was cancelled.');
    }
    if ('gate' in behaviour) {
      const answer = structuredClone(act());
      await opened(behaviour.gate, signal);
      return answer;
    }
    if ('custom' in behaviour) {
      return structuredClone((await behaviour.custom(act)) as T);
    }
    const answer = structuredClone(act());
    behaviour.abort.abort();
    return answer;
  }
}

function untilAborted(method: string, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) {
    // Fail at once rather than hang until mocha's timeout: the model sent this call uncancellable.
    return Promise.reject(new Error(`${method} was scripted to hang but was called without a signal`));
  }
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** Waits for the gate, or fails like a cancelled request; the abort listener goes either way. */
function opened(gate: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new CancelledError('The request was cancelled.'));
    signal?.addEventListener('abort', onAbort, { once: true });
    void gate.then(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
