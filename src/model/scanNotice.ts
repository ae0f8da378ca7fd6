import type { HostnameCount } from './hostnameCount';
import { hostnameTallyText } from './hostnameCount';
import { Emitter, type Unsubscribe } from './emitter';

/** What the limiter tells of its budget: a wait in ms when requests queue for it, undefined when they flow. */
export interface BudgetWaits {
  onBudgetWait(listener: (resumeInMs: number | undefined) => void): Unsubscribe;
}

export interface ScanNoticeState {
  /** "counted 300,000 of 500,000 custom hostnames; continuing". */
  readonly text: string;
  /** How long until requests flow again, while they wait for the budget. */
  readonly resumeInMs: number | undefined;
}

/**
 * Says when a scan cannot finish inside the rate budget (500,000 hostnames need about 500 requests;
 * the scan may use 880 per 5 minutes): from the first wait for the budget until every zone has
 * loaded whole, how many hostnames are counted of how many there are, and that it continues.
 */
export class ScanNotice {
  private stretched = false;
  private resumeInMs: number | undefined;
  private readonly changes = new Emitter<void>();
  readonly onDidChange = this.changes.event;
  private readonly subscriptions: Unsubscribe[];

  constructor(
    private readonly count: HostnameCount,
    budget: BudgetWaits,
  ) {
    this.subscriptions = [
      budget.onBudgetWait((resumeInMs) => {
        this.resumeInMs = resumeInMs;
        this.stretched ||= resumeInMs !== undefined && !this.count.tally().complete;
        this.changes.fire();
      }),
      count.onDidChange(() => {
        if (this.stretched && this.count.tally().complete) {
          this.stretched = false;
        }
        this.changes.fire();
      }),
    ];
  }

  /** Undefined while there is nothing to say: no scan outran the budget, or it has finished. */
  get state(): ScanNoticeState | undefined {
    const tally = this.count.tally();
    if (!this.stretched || tally.complete) {
      return undefined;
    }
    return { text: hostnameTallyText(tally, true), resumeInMs: this.resumeInMs };
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.changes.dispose();
  }
}
