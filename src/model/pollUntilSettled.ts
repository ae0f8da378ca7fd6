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

export async function pollUntilSettled<T>(load: () => Promise<T>, isSettled: (value: T) => boolean, options: PollOptions = {}): Promise<PollResult<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let delay = options.initialDelayMs ?? 500;
  let last: T | undefined;
  for (;;) {
    last = await load();
    if (isSettled(last)) {
      return { settled: true, value: last };
    }
    options.onWait?.(last);
    if (Date.now() + delay > deadline) {
      return { settled: false, value: last };
    }
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, delay);
      options.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(options.signal?.reason ?? new Error('aborted'));
      }, { once: true });
    });
    delay = Math.min(options.maxDelayMs ?? 5_000, delay * 2);
  }
}
