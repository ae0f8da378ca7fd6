import * as assert from 'node:assert/strict';
import { calendarDays, ExpiryWindow } from '../../harness/expiryWording';
import { days, TEST_NOW } from '../../fixtures/testClock';

/** The oracle the integration and browser suites word expiry with: it must count as people do. */
describe('expiryWording (the expected words of the slow suites)', () => {
  const midnight = new Date(Date.UTC(TEST_NOW.getUTCFullYear(), TEST_NOW.getUTCMonth(), TEST_NOW.getUTCDate()));

  it('counts whole days from any hour as that many calendar days', () => {
    for (const n of [-400, -3, -1, 0, 1, 2, 30, 365, 400]) {
      assert.equal(calendarDays(TEST_NOW, days(n)), n);
    }
  });

  it('counts across a midnight by the date, not by the hours between', () => {
    const lateEvening = new Date(midnight.getTime() - 1_000);
    const justAfter = new Date(midnight.getTime() + 1_000);
    assert.equal(calendarDays(lateEvening, justAfter), 1);
    assert.equal(calendarDays(justAfter, lateEvening), -1);
    assert.equal(calendarDays(justAfter, days(1, justAfter)), 1);
  });

  it('allows exactly the phrasing of now, for a window that no midnight crosses', () => {
    const wording = new ExpiryWindow();
    const today = wording.readings()[0];
    // Both ends on one date (the window was opened a moment ago): one phrasing only; else, both.
    if (calendarDays(today, wording.readings()[1]) === 0) {
      assert.equal(wording.days(days(4, today)), '(4)');
      assert.equal(wording.phrase(days(4, today)), '(expires in 4 days)');
      assert.equal(wording.phrase(days(-3, today)), '(expired 3 days ago)');
      assert.equal(wording.phrase(days(1, today)), '(expires tomorrow)');
      assert.equal(wording.phrase(days(-1, today)), '(expired yesterday)');
    } else {
      assert.equal(wording.days(days(4, today)), '(4|3)');
    }
  });

  it('allows both phrasings when the window is kept open past a midnight', () => {
    const wording = new ExpiryWindow();
    const opened = wording.readings()[0];
    const untilMidnight = Date.UTC(opened.getUTCFullYear(), opened.getUTCMonth(), opened.getUTCDate() + 1) - opened.getTime();
    const notAfter = days(10, opened);
    assert.equal(wording.days(notAfter, untilMidnight + 1_000), '(10|9)');
    assert.equal(wording.phrase(notAfter, untilMidnight + 1_000), '(expires in 10 days|expires in 9 days)');
  });
});
