import type { Zone } from '../cloudflare/types';

/** The zones of one Cloudflare account, as the token sees them. */
export interface AccountZones {
  readonly accountId: string;
  readonly accountName: string;
  readonly zones: readonly Zone[];
}

/**
 * The zones grouped under their accounts, in the order each account first appears, when the token
 * sees more than one account; undefined when it sees one (or the zones do not say), since a single
 * group would only add a level to the tree.
 */
export function zonesByAccount(zones: readonly Zone[]): AccountZones[] | undefined {
  const groups = new Map<string, { accountName: string; zones: Zone[] }>();
  for (const zone of zones) {
    const accountId = zone.account?.id || '';
    const group = groups.get(accountId) ?? { accountName: zone.account?.name || zone.account?.id || 'Other zones', zones: [] };
    group.zones.push(zone);
    groups.set(accountId, group);
  }
  if (groups.size < 2) {
    return undefined;
  }
  return [...groups].map(([accountId, group]) => ({ accountId, accountName: group.accountName, zones: group.zones }));
}
