import * as l10n from '@vscode/l10n';
import { CancelledError } from '../cloudflare/errors';
import type { CustomHostnameSearch } from '../cloudflare/customHostnameQuery';
import type { CustomHostname, Page, Zone } from '../cloudflare/types';
import { customHostnameRecord, type CustomHostnameRecord } from './customHostnameRecord';

/** What a search needs of the client: one filtered page of a zone's custom hostnames. */
export interface HostnameSearchClient {
  searchCustomHostnames(
    zoneId: string,
    search: CustomHostnameSearch,
    page: number,
    perPage: number,
    signal?: AbortSignal,
  ): Promise<Page<CustomHostname>>;
}

export interface HostnameMatch {
  readonly zone: Zone;
  readonly hostname: CustomHostnameRecord;
}

export interface HostnameSearchResult {
  readonly matches: readonly HostnameMatch[];
  /** Matches Cloudflare counted in every zone searched (result_info), shown or not. */
  readonly total: number;
  /** Zones whose search failed (a zone without Cloudflare for SaaS may refuse the list). */
  readonly failedZones: readonly Zone[];
}

/** The most a zone contributes to one answer: a person narrows the text rather than scroll hundreds. */
export const MATCHES_PER_ZONE = 20;

/**
 * The zones worth asking: those whose custom hostnames are not known to be none. A token that sees
 * hundreds of zones then spends one request per SaaS zone per search, not one per zone.
 */
export function zonesToSearch(
  zones: readonly Zone[],
  loadedCounts: ReadonlyMap<string, { items: readonly unknown[]; complete: boolean }>,
): Zone[] {
  return zones.filter((zone) => {
    const loaded = loadedCounts.get(zone.id);
    return !loaded || !loaded.complete || loaded.items.length > 0;
  });
}

/**
 * Searches the zones' custom hostnames on the server (`hostname.contain`), one request per zone, all
 * at once under the client's limiter. Exact matches come first, then those that start with the text.
 */
export async function searchHostnames(
  client: HostnameSearchClient,
  zones: readonly Zone[],
  text: string,
  signal: AbortSignal,
): Promise<HostnameSearchResult> {
  const search: CustomHostnameSearch = { hostname: { match: 'contain', value: text } };
  const answers = await Promise.allSettled(zones.map((zone) => client.searchCustomHostnames(zone.id, search, 1, MATCHES_PER_ZONE, signal)));
  const matches: HostnameMatch[] = [];
  const failedZones: Zone[] = [];
  let total = 0;
  answers.forEach((answer, index) => {
    const zone = zones[index];
    if (answer.status === 'rejected') {
      failedZones.push(zone);
      return;
    }
    matches.push(...answer.value.items.map((hostname) => ({ zone, hostname: customHostnameRecord(hostname) })));
    total += answer.value.resultInfo?.total_count ?? answer.value.items.length;
  });
  const first = answers.find((answer): answer is PromiseRejectedResult => answer.status === 'rejected');
  if (signal.aborted || first?.reason instanceof CancelledError || (first && failedZones.length === zones.length)) {
    throw first?.reason ?? new CancelledError(l10n.t('The search was cancelled.'));
  }
  const wanted = text.trim().toLowerCase();
  const rank = (match: HostnameMatch) => (match.hostname.hostname === wanted ? 0 : match.hostname.hostname.startsWith(wanted) ? 1 : 2);
  matches.sort((a, b) => rank(a) - rank(b) || a.hostname.hostname.localeCompare(b.hostname.hostname));
  return { matches, total, failedZones };
}
