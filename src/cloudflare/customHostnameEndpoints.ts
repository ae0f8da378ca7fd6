import { zonePath, type CloudflareTransport, type EntryPage } from './cloudflareTransport';
import { customHostnameQuery, type CustomHostnameSearch } from './customHostnameQuery';
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
 * The same page, its entries parsed one at a time as they are read: for the scan's pages of 1,000,
 * which keep slim records. Each custom certificate's PEM is left unread (it reads as UNREAD_VALUE):
 * a record keeps only that there is one, and the PEM is fetched when a person asks for it.
 */
export function listCustomHostnameEntries(
  transport: CloudflareTransport,
  zoneId: string,
  page: number,
  perPage: number,
  signal?: AbortSignal,
): Promise<EntryPage<CustomHostname>> {
  return transport.entryPage<CustomHostname>(customHostnamesPath(zoneId), { page, per_page: perPage }, signal, 'custom_certificate');
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
