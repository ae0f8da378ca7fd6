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
  private windowRequests: number;
  private windowMs: number;
  private readonly now: () => number;
  private readonly queue: Waiter[] = [];
  private readonly sent: number[] = [];
  private inFlight = 0;
  private peak = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waitingForBudget = false;
  private readonly budgetListeners = new Set<(resumeInMs: number | undefined) => void>();

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

  /**
   * Told with the wait in ms when requests queue because the window's budget is spent, and with
   * undefined when they flow again: a pause of minutes must be explained, not look like a hang.
   */
  onBudgetWait(listener: (resumeInMs: number | undefined) => void): { dispose(): void } {
    this.budgetListeners.add(listener);
    return { dispose: () => this.budgetListeners.delete(listener) };
  }

  /**
   * Replaces the window budget and starts counting afresh. For tests: the soak lifts the budget, since
   * 1,000 refreshes would otherwise take an hour, and puts it back without the soak's count.
   */
  setWindow(requests: number, windowMs = this.windowMs): void {
    this.windowRequests = requests;
    this.windowMs = windowMs;
    this.sent.length = 0;
    this.pump();
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
      this.tellBudget(wait);
    } else if (this.timer && (this.queue.length === 0 || this.sent.length < this.windowRequests)) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!this.timer && this.waitingForBudget) {
      this.tellBudget(undefined);
    }
  }

  private tellBudget(resumeInMs: number | undefined): void {
    this.waitingForBudget = resumeInMs !== undefined;
    for (const listener of this.budgetListeners) {
      listener(resumeInMs);
    }
  }

  private prune(): void {
    const horizon = this.now() - this.windowMs;
    while (this.sent.length > 0 && this.sent[0] <= horizon) {
      this.sent.shift();
    }
  }
}
