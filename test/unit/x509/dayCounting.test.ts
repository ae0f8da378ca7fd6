import * as assert from 'node:assert/strict';
import { daysLeft, expiryBand, expiryPhrase } from '../../../src/x509/certificateSummary';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * One rule for days, used by the tree, hovers, CodeLens, the status bar and diagnostics: calendar
 * days (UTC) between today and the expiry date, whatever the hour on either side.
 */
describe('Day counting', () => {
  const morning = new Date('2026-12-01T00:05:00Z');
  const evening = new Date('2026-12-01T23:55:00Z');

  it('says a 90-day certificate made today expires in 90 days, at any hour of its first day', () => {
    for (const now of [morning, new Date('2026-12-01T14:30:00Z'), evening]) {
      assert.equal(expiryPhrase(new Date(now.getTime() + 90 * DAY), now), 'expires in 90 days');
      // notBefore a minute in the past, as certificate tools set it, changes nothing.
      assert.equal(daysLeft(new Date(now.getTime() + 90 * DAY - 60_000), now), 90);
    }
  });

  it('says "expires today" for a certificate that ends later today, and "tomorrow" just after midnight', () => {
    assert.equal(expiryPhrase(new Date('2026-12-01T23:59:00Z'), morning), 'expires today');
    assert.equal(expiryPhrase(new Date('2026-12-02T00:01:00Z'), evening), 'expires tomorrow');
    assert.equal(expiryPhrase(new Date('2026-12-02T23:59:00Z'), morning), 'expires tomorrow');
    assert.equal(expiryPhrase(new Date('2026-12-03T00:00:00Z'), evening), 'expires in 2 days');
  });

  it('says "expired today", "yesterday" and "N days ago" by the date it ended', () => {
    assert.equal(expiryPhrase(new Date(evening.getTime() - HOUR), evening), 'expired today');
    assert.equal(expiryPhrase(new Date('2026-11-30T23:59:00Z'), morning), 'expired yesterday');
    assert.equal(expiryPhrase(new Date('2026-11-28T12:00:00Z'), morning), 'expired 3 days ago');
    assert.equal(expiryPhrase(evening, evening), 'expired today', 'the very moment it ends counts as expired');
  });

  it('puts a certificate in the warning and critical bands by the same count the words show', () => {
    const now = new Date('2026-12-01T20:00:00Z');
    const inDays = (n: number) => new Date(Date.UTC(2026, 11, 1 + n, 6));
    assert.equal(expiryBand(inDays(30), now, 30, 7), 'warning', 'expires in 30 days is inside a 30-day window');
    assert.equal(expiryBand(inDays(31), now, 30, 7), 'ok');
    assert.equal(expiryBand(inDays(7), now, 30, 7), 'critical');
    assert.equal(expiryBand(inDays(8), now, 30, 7), 'warning');
    assert.equal(expiryBand(new Date(now.getTime() - 1), now, 30, 7), 'expired');
    assert.equal(expiryPhrase(inDays(30), now), 'expires in 30 days');
  });
});
