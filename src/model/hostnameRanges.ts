import { HOSTNAME_PAGE_SIZE } from './hostnamePages';

/**
 * Up to this many custom hostnames a group lists as rows with Load more; beyond it, in ranges. A view
 * re-sends every row of the node it refreshes, so a Load more costs as much as the rows above it:
 * ranges keep that bounded at any depth.
 */
export const MOST_ROWS_WITH_LOAD_MORE = 1_000;
/** The most ranges one level holds, as the debugger's chunks of a large array. */
export const RANGES_PER_LEVEL = 100;

/** Rows [first, end) of a zone's list (0-based); `size` is the span of a full range of its level. */
export interface HostnameRange {
  readonly first: number;
  readonly end: number;
  readonly size: number;
}

/** A range of one page: its rows are one request (page numbers start at 1). */
export function isPageRange(range: HostnameRange): boolean {
  return range.size <= HOSTNAME_PAGE_SIZE;
}

export function pageOf(range: HostnameRange): number {
  return Math.floor(range.first / HOSTNAME_PAGE_SIZE) + 1;
}

/**
 * The ranges rows [first, end) split into: pages, or ranges of 100 pages, of 10,000 pages… whichever
 * is the smallest that needs no more than RANGES_PER_LEVEL of them. Each starts on a page boundary,
 * so a range of one page is exactly one request. A range's own rows split the same way, a level down.
 */
export function rangesOf(first: number, end: number): HostnameRange[] {
  let size = HOSTNAME_PAGE_SIZE;
  while (Math.ceil((end - first) / size) > RANGES_PER_LEVEL) {
    size *= RANGES_PER_LEVEL;
  }
  const ranges: HostnameRange[] = [];
  for (let start = first; start < end; start += size) {
    ranges.push({ first: start, end: Math.min(start + size, end), size });
  }
  return ranges;
}
