import { DAY_MS } from '../fixtures/testClock';

/** Calendar days (UTC) from `from` to `to`: how people read a date, and how the extension counts. */
export function calendarDays(from: Date, to: Date): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

function utcMidnight(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/**
 * The words an expiry may be shown in, worked out apart from the extension. The extension reads the
 * real clock when it words a row, a lens or a message, so a test opens a window just before it makes
 * the extension word something and reads the words afterwards: the expected words are those of the
 * window's two ends. Both are the same unless a midnight (UTC) passed in between, the only case in
 * which either of two adjacent phrasings is right.
 */
export class ExpiryWindow {
  private readonly opened = new Date();

  /**
   * The calendar days from now to `date`, as a regex group: "(4)", or "(4|3)" across a midnight. For a
   * pattern that a waiter matches for a while, `waitMs` keeps the window open that much longer.
   */
  days(date: Date, waitMs = 0): string {
    return group(this.readings(waitMs).map((now) => `${Math.abs(calendarDays(now, date))}`));
  }

  /** "expires in 4 days", "expires tomorrow", "expired yesterday"…: every phrasing the window allows, as a regex group. */
  phrase(date: Date, waitMs = 0): string {
    return group(this.readings(waitMs).map((now) => escape(expiryPhrase(date, now))));
  }

  /** True when `test` holds for the day count at one end of the window at least. */
  some(date: Date, test: (daysLeft: number) => boolean): boolean {
    return this.readings().some((now) => test(calendarDays(now, date)));
  }

  /** The window's two ends: when it opened, and now (or `waitMs` from now). */
  readings(waitMs = 0): Date[] {
    return [this.opened, new Date(Date.now() + waitMs)];
  }
}

/** The extension's wording (calendar days, UTC), restated here so the tests check it rather than reuse it. */
function expiryPhrase(date: Date, now: Date): string {
  const left = calendarDays(now, date);
  if (date.getTime() <= now.getTime()) {
    return left >= 0 ? 'expired today' : left === -1 ? 'expired yesterday' : `expired ${-left} days ago`;
  }
  return left === 0 ? 'expires today' : left === 1 ? 'expires tomorrow' : `expires in ${left} days`;
}

function group(alternatives: string[]): string {
  return `(${[...new Set(alternatives)].join('|')})`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
