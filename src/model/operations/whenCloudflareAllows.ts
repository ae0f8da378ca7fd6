import { isNotNow } from '../../cloudflare/errors';
import { wait } from '../pollUntilSettled';
import type { PollTiming } from './operationContext';

/**
 * Sends a write again while Cloudflare answers "not now" (1434 pending deployment, 1414 pending
 * deletion, HTTP 409 another change on the zone): such an answer means the change was not applied,
 * so repeating it is safe. Waits back off like polling does and give up at the same deadline, with
 * Cloudflare's last answer. Anything else, including a lost answer, goes to the caller untouched.
 */
export async function whenCloudflareAllows<T>(
  send: () => Promise<T>,
  timing: PollTiming,
  signal?: AbortSignal,
  onWait?: (error: unknown) => void,
): Promise<T> {
  const deadline = Date.now() + timing.timeoutMs;
  let delay = timing.initialDelayMs;
  for (;;) {
    try {
      return await send();
    } catch (error) {
      if (!isNotNow(error) || Date.now() + delay > deadline) {
        throw error;
      }
      onWait?.(error);
      await wait(delay, signal);
      delay = Math.min(timing.maxDelayMs, delay * 2);
    }
  }
}
