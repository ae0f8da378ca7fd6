import type { CloudflareClient } from '../../cloudflare/cloudflareClient';
import { CancelledError } from '../../cloudflare/errors';
import type { AccountData } from '../accountData';
import type { ActivityTracker } from '../activityTracker';

/** How operations poll until Cloudflare settles (tests shorten it). */
export interface PollTiming {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly timeoutMs: number;
}

/** What every operation works with: no vscode, so each one runs in plain Node against a fake client. */
export interface OperationContext {
  readonly client: () => Promise<CloudflareClient>;
  readonly data: AccountData;
  readonly activity: ActivityTracker;
  readonly timing: PollTiming;
  readonly log: (line: string) => void;
}

export interface OperationOptions {
  /** Cancels the operation between (and during) its requests. */
  readonly signal?: AbortSignal;
  /** Short words for a progress notification ("waiting for Cloudflare to deploy it…"). */
  readonly onProgress?: (message: string) => void;
}

/** An operation refused before sending anything, in words a person can act on. */
export class RefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedError';
  }
}

/**
 * An operation the person cancelled, after the model read back what Cloudflare holds: `message` says
 * in one line what happened and what is left. Still a cancellation to anything that waits on it.
 */
export class StoppedError extends CancelledError {
  constructor(message: string) {
    super(message);
    this.name = 'StoppedError';
  }
}

/**
 * Whether the person's cancel ended the operation: a cancellation while the caller's signal is
 * aborted, not yet turned into a StoppedError (which already says what is left).
 */
export function stoppedByPerson(error: unknown, signal: AbortSignal | undefined): boolean {
  return error instanceof CancelledError && !(error instanceof StoppedError) && signal?.aborted === true;
}
