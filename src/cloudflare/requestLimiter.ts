import { failureToError } from './errors';

export interface RequestLimiterOptions {
  /** Requests in flight at once. */
  readonly maxConcurrent?: number;
  /** Requests per window: Cloudflare allows 1,200 per 5 minutes per token; stay a margin under it. */
  readonly windowRequests?: number;
  readonly windowMs?: number;
  readonly now?: () => number;
}

/**
 * Which queue a request waits in. What a person does (an expand, a search, an operation) goes first;
 * the background scan waits behind it, never fills the last free slots, and leaves a fifth of the
 * window's budget for the person. Held by reference: when a person starts waiting for a load the scan
 * began, the scan's ticket is promoted to 'user' and its queued requests jump ahead.
 */
export interface Lane {
  lane: 'user' | 'background';
}

export const USER_LANE: Readonly<Lane> = Object.freeze({ lane: 'user' });

/** Slots in flight that the background scan never takes, so a person's request starts at once. */
const RESERVED_FOR_USER = 2;
/** The share of the window's budget the background scan may use. */
const BACKGROUND_BUDGET_SHARE = 0.8;

interface Waiter {
  readonly grant: () => void;
  readonly signal?: AbortSignal;
  readonly lane: Readonly<Lane>;
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

  async run<T>(task: () => Promise<T>, signal?: AbortSignal, lane: Readonly<Lane> = USER_LANE): Promise<T> {
    await this.acquire(signal, lane);
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

  private acquire(signal: AbortSignal | undefined, lane: Readonly<Lane>): Promise<void> {
    if (signal?.aborted) {
      return Promise.reject(failureToError({ method: '', path: '', needs: 'Zone: Read' }, 'cancelled'));
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        signal,
        lane,
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
    for (;;) {
      const next = this.next();
      if (next < 0) {
        break;
      }
      const [waiter] = this.queue.splice(next, 1);
      this.inFlight += 1;
      this.peak = Math.max(this.peak, this.inFlight);
      this.sent.push(this.now());
      waiter.grant();
    }
    const userWaits = this.queue.some((waiter) => waiter.lane.lane === 'user');
    const budget = userWaits ? this.windowRequests : this.backgroundBudget();
    const blockedByBudget = this.queue.length > 0 && this.sent.length >= budget;
    if (blockedByBudget && !this.timer) {
      // The budget frees up when the oldest request leaves the window.
      const wait = Math.max(1, this.sent[0] + this.windowMs - this.now());
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, wait);
      // Explained, so a pause of minutes does not look like a hang (the view's rows wait for the scan too).
      this.tellBudget(wait);
    } else if (this.timer && !blockedByBudget) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (!this.timer && this.waitingForBudget) {
      this.tellBudget(undefined);
    }
  }

  /** The index of the waiter to grant now, or -1: a person's request first, the scan's only within its share. */
  private next(): number {
    if (this.inFlight >= this.maxConcurrent || this.sent.length >= this.windowRequests) {
      return -1;
    }
    const user = this.queue.findIndex((waiter) => waiter.lane.lane === 'user');
    if (user >= 0) {
      return user;
    }
    const backgroundSlots = Math.max(1, this.maxConcurrent - RESERVED_FOR_USER);
    return this.queue.length > 0 && this.inFlight < backgroundSlots && this.sent.length < this.backgroundBudget() ? 0 : -1;
  }

  private backgroundBudget(): number {
    return Math.max(1, Math.floor(this.windowRequests * BACKGROUND_BUDGET_SHARE));
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
