/**
 * One budget of synchronous work per turn of the event loop, shared by everything that reads pages.
 * The extension host is shared with every other extension, and the scan reads eight pages at once:
 * slices that each yield on their own still run back to back when their turns come due together (all
 * immediates queued before a check phase run in it), so eight slices of 2.5 ms held the loop for 20 ms.
 * With one budget, whoever finds it spent queues for a later turn; each turn releases the longest
 * waiter, so pages read side by side share the turns in rounds.
 */
export class LoopShare {
  private turnStarted = Number.NEGATIVE_INFINITY;
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(
    /** About a quarter of a 16 ms frame, so a turn stays well inside one frame. */
    private readonly budgetMs = 2,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Undefined while this turn's budget lasts (go on at once, without the cost of an await); otherwise
   * a promise of a later turn. A caller that comes fresh from I/O has no budget yet and queues too, so
   * work arriving on several sockets in one poll phase is spread over turns.
   */
  pace(): Promise<void> | undefined {
    if (this.now() - this.turnStarted < this.budgetMs) {
      return undefined;
    }
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) {
      return;
    }
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.turnStarted = this.now();
      // One waiter per turn: it runs until the budget is spent, then queues behind the others.
      this.waiting.shift()?.();
      if (this.waiting.length > 0) {
        this.schedule();
      }
    });
  }
}

/** The one budget of the extension's process. */
export const sharedLoopShare = new LoopShare();
