import { failureToError } from './errors';

export interface RequestLimiterOptions {
  /** Requests in flight at once. */
  readonly maxConcurrent?: number;
  /** Requests per window: Cloudflare allows 1,200 per 5 minutes per token; stay a margin under it. */
  readonly windowRequests?: number;
  readonly windowMs?: number;
  readonly now?: () => number;
}

interface Waiter {
  readonly grant: () => void;
  readonly signal?: AbortSignal;
}

/**
 * One limiter for every call the extension makes: at most N requests in flight and a sliding-window
 * budget under Cloudflare's rate limit. It queues (never drops), and a queued call can be aborted.
 */
export class RequestLimiter {
  readonly maxConcurrent: number;
  private readonly windowRequests: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly queue: Waiter[] = [];
  private readonly sent: number[] = [];
  private inFlight = 0;
  private peak = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: RequestLimiterOptions = {}) {
    this.maxConcurrent = options.maxConcurrent ?? 8;
    this.windowRequests = options.windowRequests ?? 1_100;
    this.windowMs = options.windowMs ?? 300_000;
    this.now = options.now ?? Date.now;
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.inFlight -= 1;
      this.pump();
    }
  }

  stats(): { inFlight: number; peakInFlight: number; queued: number; sentInWindow: number } {
    this.prune();
    return { inFlight: this.inFlight, peakInFlight: this.peak, queued: this.queue.length, sentInWindow: this.sent.length };
  }

  resetPeak(): void {
    this.peak = this.inFlight;
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) {
      return Promise.reject(failureToError({ method: '', path: '', needs: 'Zone: Read' }, 'cancelled'));
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        signal,
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) {
          this.queue.splice(index, 1);
          reject(failureToError({ method: '', path: '', needs: 'Zone: Read' }, 'cancelled'));
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  private pump(): void {
    this.prune();
    while (this.queue.length > 0 && this.inFlight < this.maxConcurrent && this.sent.length < this.windowRequests) {
      const waiter = this.queue.shift()!;
      this.inFlight += 1;
      this.peak = Math.max(this.peak, this.inFlight);
      this.sent.push(this.now());
      waiter.grant();
    }
    if (this.queue.length > 0 && this.sent.length >= this.windowRequests && !this.timer) {
      // The budget frees up when the oldest request leaves the window.
      const wait = Math.max(1, this.sent[0] + this.windowMs - this.now());
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, wait);
    }
  }

  private prune(): void {
    const horizon = this.now() - this.windowMs;
    while (this.sent.length > 0 && this.sent[0] <= horizon) {
      this.sent.shift();
    }
  }
}
