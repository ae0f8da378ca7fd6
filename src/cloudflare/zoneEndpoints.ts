import { AuthError } from './errors';
import type { CloudflareTransport } from './cloudflareTransport';
import { fetchAllPages } from './pagination';

import type { TokenVerification, Zone } from './types';

type Verification = { id: string; status: string; expires_on?: string };

/** Checks a user token, then (on 401) an account-owned one at each account its zones belong to. */
export async function verifyToken(transport: CloudflareTransport, signal?: AbortSignal): Promise<TokenVerification> {
  try {
    const result = await transport.call<Verification>('GET', '/user/tokens/verify', { needs: 'API Tokens: Read', signal });
    return { ...result.result, kind: 'user' };
  } catch (error) {
    if (!(error instanceof AuthError)) {
      throw error;
    }
    const zones = await transport.call<Zone[]>('GET', '/zones', { query: { per_page: 5 }, signal }).catch(() => undefined);
    // Read defensively: this answer only hints at which accounts to ask, so an odd one means none.
    const listed: unknown[] = Array.isArray(zones?.result) ? zones.result : [];
    const accountIds = listed.map((zone) => (zone && typeof zone === 'object' ? (zone as Zone).account?.id : undefined));
    const accounts = [...new Set(accountIds.filter((id): id is string => typeof id === 'string' && id.length > 0))];
    for (const account of accounts) {
      const checked = await transport
        .call<Verification>('GET', `/accounts/${encodeURIComponent(account)}/tokens/verify`, { needs: 'API Tokens: Read', signal })
        .catch(() => undefined);
      if (checked) {
        return { ...checked.result, kind: 'account' };
      }
    }
    throw error;
  }
}

export function listZones(transport: CloudflareTransport, signal?: AbortSignal): Promise<Zone[]> {
  return fetchAllPages((page, perPage) => transport.page<Zone>('/zones', { page, per_page: perPage }, signal), {
    perPage: 50,
    concurrency: 4,
    maxPages: 200,
  });
}
