import { zonePath, type CloudflareTransport, type EntryPage } from './cloudflareTransport';
import { customHostnameQuery, type CustomHostnameSearch } from './customHostnameQuery';
import type { UnreadKey } from './listEntries';
import { fetchAllPages } from './pagination';
import type { CustomHostname, Page } from './types';

/** Cloudflare for SaaS: a zone's custom hostnames and the certificates of their packs. */
const customHostnamesPath = (zoneId: string) => `${zonePath(zoneId)}/custom_hostnames`;

export function listCustomHostnamesPage(
  transport: CloudflareTransport,
  zoneId: string,
  page: number,
  perPage: number,
  signal?: AbortSignal,
): Promise<Page<CustomHostname>> {
  return transport.page<CustomHostname>(customHostnamesPath(zoneId), { page, per_page: perPage }, signal);
}

/**
 * What a scan's entries leave unread (splitListAnswer). The custom certificate's PEM (it reads as
 * UNREAD_VALUE): a record keeps only that there is one, and the PEM is fetched when a person asks for
 * it. The ownership verification record and the TLS settings (they read as `{}`): no record keeps
 * them. Together they skip about 15 % of the JSON.parse an entry costs without them; `created_at`
 * and other short values are parsed, since each cut adds two pieces to join before the parse.
 */
const SCAN_UNREAD: readonly UnreadKey[] = [
  { key: 'custom_certificate', depth: 1 },
  { key: 'settings', depth: 1 },
  { key: 'ownership_verification', depth: 0 },
];

/**
 * The same page, its entries parsed one at a time as they are read: for the scan's pages of 1,000,
 * which keep slim records, with SCAN_UNREAD left unread.
 */
export function listCustomHostnameEntries(
  transport: CloudflareTransport,
  zoneId: string,
  page: number,
  perPage: number,
  signal?: AbortSignal,
): Promise<EntryPage<CustomHostname>> {
  return transport.entryPage<CustomHostname>(customHostnamesPath(zoneId), { page, per_page: perPage }, signal, SCAN_UNREAD);
}

/**
 * One page of the zone's custom hostnames that match `search`, filtered and counted by Cloudflare
 * (result_info counts the matches), so finding one among 100,000 costs one request.
 */
export function searchCustomHostnames(
  transport: CloudflareTransport,
  zoneId: string,
  search: CustomHostnameSearch,
  page: number,
  perPage: number,
  signal?: AbortSignal,
): Promise<Page<CustomHostname>> {
  return transport.page<CustomHostname>(customHostnamesPath(zoneId), customHostnameQuery(search, page, perPage), signal);
}

/** Every custom hostname, 1,000 a page (the most the API allows, so the fewest requests). */
export function listCustomHostnames(transport: CloudflareTransport, zoneId: string, signal?: AbortSignal): Promise<CustomHostname[]> {
  return fetchAllPages((page, perPage) => listCustomHostnamesPage(transport, zoneId, page, perPage, signal), {
    perPage: 1000,
    concurrency: 4,
    maxPages: 1000,
  });
}

export async function getCustomHostname(
  transport: CloudflareTransport,
  zoneId: string,
  customHostnameId: string,
  signal?: AbortSignal,
): Promise<CustomHostname> {
  return (await transport.call<CustomHostname>('GET', `${customHostnamesPath(zoneId)}/${encodeURIComponent(customHostnameId)}`, { signal }))
    .result;
}
