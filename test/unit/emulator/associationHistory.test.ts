import * as assert from 'node:assert/strict';
import { AssociationHistory } from '../../emulator/associationHistory';

// The record behind "each hostname always had an active certificate", on a hand-set clock.
describe('AssociationHistory (no network)', () => {
  const Z = 'zone';
  const H = 'h.example.com';
  const event = (at: number, certId: string, enabled: boolean | null, activeAt = at) => ({
    zoneId: Z,
    hostname: H,
    at,
    certId,
    enabled,
    activeAt,
  });

  it('a move keeps the old certificate serving until the new one is deployed: no gap', () => {
    const history = new AssociationHistory();
    history.add(event(0, 'A', true, 10));
    history.add(event(20, 'B', true, 30));
    assert.equal(history.servingAt(Z, H, 5), undefined, 'not served before the first deployment');
    assert.deepEqual(
      [10, 20, 29, 30, 99].map((t) => history.servingAt(Z, H, t)?.certId),
      ['A', 'A', 'A', 'B', 'B'],
    );
    assert.deepEqual(history.gaps(Z, H, 100), []);
  });

  it('a second move before the first is deployed replaces it: the old certificate serves until the last one is', () => {
    const history = new AssociationHistory();
    history.add(event(0, 'A', true));
    history.add(event(10, 'B', true, 50));
    history.add(event(20, 'C', true, 60));
    assert.deepEqual(
      [15, 49, 50, 59, 60].map((t) => history.servingAt(Z, H, t)?.certId),
      ['A', 'A', 'A', 'A', 'C'],
    );
    assert.deepEqual(history.gaps(Z, H, 100), []);
  });

  it('invalidating before the replacement serves is a gap until the hostname is served again', () => {
    const history = new AssociationHistory();
    history.add(event(0, 'A', true));
    history.add(event(10, 'A', null));
    history.add(event(20, 'B', true, 30));
    assert.deepEqual(history.gaps(Z, H, 100), [{ from: 10, to: 30 }]);
  });

  it('disabling is a gap that names the disabled certificate; a gap that lasts has no end', () => {
    const history = new AssociationHistory();
    history.add(event(0, 'A', true));
    history.add(event(10, 'A', false));
    assert.deepEqual(history.gaps(Z, H, 100), [{ from: 10, to: Infinity, disabledCertId: 'A' }]);
    assert.deepEqual(history.gaps(Z, H, 5), [], 'nothing yet at t = 5');
    assert.deepEqual(history.hostnames(Z), [H]);
    assert.deepEqual(history.hostnames('other'), []);
  });
});
