import { CloudflareError, PartialResultError } from './errors';
import type { Page } from './types';

export interface PaginationOptions {
  readonly perPage: number;
  /** Pages requested at once after the first (the shared limiter bounds the whole extension too). */
  readonly concurrency: number;
  /** A hard stop however many pages result_info claims. */
  readonly maxPages: number;
}

/**
 * Every item of a paginated list: page 1, then the remaining pages concurrently in bounded waves.
 * result_info may lie or lack total_pages, so the walk stops at the first short or empty page and at
 * maxPages; items are de-duplicated by id. A failed page fails the whole call with a
 * PartialResultError that keeps what loaded, so no one mistakes part of a list for all of it.
 */
export async function fetchAllPages<T extends { id: string }>(
  fetchPage: (page: number, perPage: number) => Promise<Page<T>>,
  options: PaginationOptions,
): Promise<T[]> {
  const items = new Map<string, T>();
  const add = (page: Page<T>) => {
    for (const item of page.items) {
      if (!items.has(item.id)) {
        items.set(item.id, item);
      }
    }
  };
  const first = await fetchPage(1, options.perPage);
  add(first);
  const info = first.resultInfo;
  const perPage = info?.per_page && info.per_page > 0 ? info.per_page : options.perPage;
  const claimedPages = info?.total_pages ?? (info?.total_count !== undefined ? Math.ceil(info.total_count / perPage) : undefined);
  const expected = info?.total_count;
  if (first.items.length < perPage || claimedPages === 1 || first.items.length === 0) {
    return [...items.values()];
  }
  // Without a page count, walk one page at a time; with one, fan out in waves of `concurrency`.
  const lastPage = Math.min(claimedPages ?? options.maxPages, options.maxPages);
  const wave = claimedPages === undefined ? 1 : Math.max(1, options.concurrency);
  let page = 2;
  try {
    while (page <= lastPage) {
      const numbers = Array.from({ length: Math.min(wave, lastPage - page + 1) }, (_, index) => page + index);
      const pages = await Promise.all(numbers.map((number) => fetchPage(number, perPage)));
      pages.forEach(add);
      page += numbers.length;
      if (pages.some((result) => result.items.length < perPage)) {
        break;
      }
    }
  } catch (error) {
    if (error instanceof CloudflareError && !(error instanceof PartialResultError)) {
      throw new PartialResultError([...items.values()], expected, error);
    }
    throw error;
  }
  return [...items.values()];
}
