import * as l10n from '@vscode/l10n';
import { CancelledError } from '../cloudflare/errors';

/**
 * Polls after a change until Cloudflare leaves its transitional state: exponential backoff from
 * initialDelayMs to maxDelayMs, giving up after timeoutMs with the last value seen.
 */
export interface PollOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly onWait?: (value: unknown) => void;
}

export type PollResult<T> = { settled: true; value: T } | { settled: false; value: T | undefined };

export async function pollUntilSettled<T>(
  load: () => Promise<T>,
  isSettled: (value: T) => boolean,
  options: PollOptions = {},
): Promise<PollResult<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let delay = options.initialDelayMs ?? 500;
  let last: T | undefined;
  for (;;) {
    throwIfAborted(options.signal);
    last = await load();
    if (isSettled(last)) {
      return { settled: true, value: last };
    }
    options.onWait?.(last);
    if (Date.now() + delay > deadline) {
      return { settled: false, value: last };
    }
    await wait(delay, options.signal);
    delay = Math.min(options.maxDelayMs ?? 5_000, delay * 2);
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new CancelledError(l10n.t('The operation was cancelled.'));
  }
}

/** A delay that a cancellation cuts short; it removes its abort listener either way, so none pile up. */
export function wait(ms: number, signal?: AbortSignal): Promise<void> {
  throwIfAborted(signal);
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError(l10n.t('The operation was cancelled.')));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
