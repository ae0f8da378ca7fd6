import * as assert from 'node:assert/strict';
import type { Zone } from '../../../src/cloudflare/types';
import { zonesByAccount } from '../../../src/model/zoneAccounts';

const zone = (id: string, account?: { id?: string; name?: string }): Zone => ({ id, name: `${id}.example`, account });

describe('zonesByAccount', () => {
  it('groups the zones under their accounts, in the order each account first appears, when the token sees two or more', () => {
    const groups = zonesByAccount([
      zone('z1', { id: 'a1', name: 'Agency' }),
      zone('z2', { id: 'a2', name: 'Shop' }),
      zone('z3', { id: 'a1', name: 'Agency' }),
    ]);
    assert.deepEqual(
      groups?.map((group) => [group.accountId, group.accountName, group.zones.map((entry) => entry.id)]),
      [
        ['a1', 'Agency', ['z1', 'z3']],
        ['a2', 'Shop', ['z2']],
      ],
    );
  });

  it('adds no level for a single account, or for zones that do not name theirs', () => {
    assert.equal(zonesByAccount([zone('z1', { id: 'a1', name: 'Agency' }), zone('z2', { id: 'a1', name: 'Agency' })]), undefined);
    assert.equal(zonesByAccount([zone('z1'), zone('z2')]), undefined);
    assert.equal(zonesByAccount([]), undefined);
  });

  it('keeps zones without an account apart, and names an account by its id when the name is missing', () => {
    const groups = zonesByAccount([zone('z1', { id: 'a1' }), zone('z2')]);
    assert.deepEqual(
      groups?.map((group) => [group.accountId, group.accountName]),
      [
        ['a1', 'a1'],
        ['', 'Other zones'],
      ],
    );
  });
});
