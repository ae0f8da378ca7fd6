import { MARK_KEY } from './tokenKeys';
import type { GuardedSecret } from './guardedSecret';

/**
 * Tells a window that another window changed or removed the API token when its own SecretStorage
 * cannot. VS Code in the browser (code-server 4.100.3 included) loads its secret storage once per page
 * and never hears of another page's writes, so that page would keep using a token that was removed or
 * replaced. Each change of the token therefore also writes a revision (a number, never anything taken
 * from the token) twice: into SecretStorage beside the token, and into a mark in the extension's
 * global state, which VS Code does share between windows. A window whose stored revision is older than
 * the mark is looking at an out-of-date copy of the secret storage.
 */

/** The part of vscode.Memento used here (the extension context's global state satisfies it). */
export interface MarkStore {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** What the mark holds: when the token last changed, and whether one was set then. No secret. */
export interface TokenMark {
  readonly revision: number;
  readonly present: boolean;
}

/** Where this window stands: its copy of the secret storage is current, or another window changed it. */
export type TokenElsewhere = 'none' | 'changed' | 'removed';

export { MARK_KEY };

export class TokenRevision {
  private lastSeen: number | undefined;

  constructor(
    private readonly marks: MarkStore,
    private readonly stored: GuardedSecret,
    private readonly now: () => number = Date.now,
  ) {}

  /** A revision later than any this or another window wrote (clocks can step back; the mark cannot). */
  next(): number {
    return Math.max(this.now(), (this.mark()?.revision ?? 0) + 1);
  }

  /**
   * Makes one change of the token (apply) under a new revision. The revision goes into this window's
   * secret storage first, so this window never judges itself out of date mid-change; the mark goes
   * last, so a crash before it leaves other windows unaware (as they were before this existed), never
   * wrong. When the revision cannot be stored the mark is not written either: it would outrun it.
   */
  async change(present: boolean, apply: () => Promise<void>): Promise<void> {
    const revision = this.next();
    const stored = await this.stored.write(String(revision)).then(
      () => true,
      () => false,
    );
    await apply();
    if (stored) {
      this.lastSeen = revision;
      const mark: TokenMark = { revision, present };
      // The token is already saved or removed; a mark that fails to save only leaves other windows unaware.
      await Promise.resolve(this.marks.update(MARK_KEY, mark)).catch(() => undefined);
    }
  }

  /** Whether the mark moved since the last judge(): a memory lookup, cheap enough to ask every second. */
  markMoved(): boolean {
    return this.mark()?.revision !== this.lastSeen;
  }

  /**
   * Compares the mark with the revision this window's secret storage holds. Undefined when that
   * storage cannot be read: its failure is then what the window reports, not a change elsewhere.
   */
  async judge(): Promise<TokenElsewhere | undefined> {
    const mark = this.mark();
    this.lastSeen = mark?.revision;
    const stored = await this.stored.read();
    if (this.stored.isUnavailable) {
      return undefined;
    }
    if (!mark || mark.revision <= (Number(stored) || 0)) {
      return 'none';
    }
    return mark.present ? 'changed' : 'removed';
  }

  private mark(): TokenMark | undefined {
    const value = this.marks.get(MARK_KEY) as Partial<TokenMark> | undefined;
    return value && typeof value.revision === 'number' && Number.isFinite(value.revision)
      ? { revision: value.revision, present: value.present === true }
      : undefined;
  }
}
