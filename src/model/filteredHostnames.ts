import type { CertificateAuthority, CustomHostnameSearch } from '../cloudflare/customHostnameQuery';
import { customHostnameRecord, type CustomHostnameRecord } from './customHostnameRecord';
import type { HostnameSearchClient } from './hostnameSearch';

/** Every SSL status the list filter takes (openapi.json's `ssl_status` enum). */
export const SSL_STATUSES = [
  'initializing',
  'pending_validation',
  'deleted',
  'pending_issuance',
  'pending_deployment',
  'pending_deletion',
  'pending_expiration',
  'expired',
  'active',
  'initializing_timed_out',
  'validation_timed_out',
  'issuance_timed_out',
  'deployment_timed_out',
  'deletion_timed_out',
  'pending_cleanup',
  'staging_deployment',
  'staging_active',
  'deactivating',
  'inactive',
  'backup_issued',
  'holding_deployment',
] as const;

/** A filter on a zone's Custom Hostnames group, answered by Cloudflare. */
export interface HostnameFilter {
  /** One SSL status, or every status but `active` ("what needs attention"). */
  readonly sslStatus?: string | { readonly not: 'active' };
  readonly hostnameStatus?: string;
  readonly certificateAuthority?: CertificateAuthority;
}

/** "SSL not active, hostname pending, CA lets_encrypt": what the group's description says it shows. */
export function describeFilter(filter: HostnameFilter): string {
  const parts: string[] = [];
  if (filter.sslStatus !== undefined) {
    parts.push(typeof filter.sslStatus === 'string' ? `SSL ${filter.sslStatus}` : 'SSL not active');
  }
  if (filter.hostnameStatus) {
    parts.push(`hostname ${filter.hostnameStatus}`);
  }
  if (filter.certificateAuthority) {
    parts.push(`CA ${filter.certificateAuthority}`);
  }
  return parts.join(', ');
}

export function isEmptyFilter(filter: HostnameFilter): boolean {
  return describeFilter(filter) === '';
}

/**
 * The searches whose answers together are the filter. `ssl_status` takes one value, so "not active"
 * is one search per other status (disjoint, so nothing is counted twice).
 */
export function filterSearches(filter: HostnameFilter): CustomHostnameSearch[] {
  const base: CustomHostnameSearch = { hostnameStatus: filter.hostnameStatus, certificateAuthority: filter.certificateAuthority };
  if (filter.sslStatus === undefined) {
    return [base];
  }
  if (typeof filter.sslStatus === 'string') {
    return [{ ...base, sslStatus: filter.sslStatus }];
  }
  const excluded = filter.sslStatus.not;
  return SSL_STATUSES.filter((status) => status !== excluded).map((status) => ({ ...base, sslStatus: status }));
}

interface Segment {
  readonly search: CustomHostnameSearch;
  total?: number;
  /** The next page to ask for at PAGE_SIZE. */
  nextPage: number;
}

/** A page of the filtered list, and the least Cloudflare accepts when only counting. */
export const FILTERED_PAGE_SIZE = 50;
const PROBE_SIZE = 5;

/**
 * One zone's custom hostnames under a filter, loaded from Cloudflare a page at a time as a person asks
 * for more, never the whole list first: Load more costs one request at row 5,000 as at row 50. With
 * several searches (SSL "not active"), the first load asks each for its count and first few rows at
 * once, and later pages come from the first search that has more.
 */
export class FilteredHostnames {
  readonly items: CustomHostnameRecord[] = [];
  private readonly seen = new Set<string>();
  private readonly segments: Segment[];
  private started = false;
  private pagesLoaded = 0;
  private pagesWanted = 1;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly client: () => Promise<HostnameSearchClient>,
    readonly zoneId: string,
    readonly filter: HostnameFilter,
  ) {
    this.segments = filterSearches(filter).map((search) => ({ search, nextPage: 1 }));
  }

  /** The same filter from the start (a refresh of the group). */
  fresh(): FilteredHostnames {
    return new FilteredHostnames(this.client, this.zoneId, this.filter);
  }

  /** Matches Cloudflare counted (result_info), once the first page has loaded. */
  get total(): number | undefined {
    return this.started && this.segments.every((segment) => segment.total !== undefined)
      ? this.segments.reduce((sum, segment) => sum + (segment.total ?? 0), 0)
      : undefined;
  }

  get complete(): boolean {
    return this.started && this.segments.every((segment) => this.exhausted(segment));
  }

  /** The person asked for one more page (Load more); ensure() then fetches it. */
  wantMore(): void {
    this.pagesWanted = this.pagesLoaded + 1;
  }

  /** Loads the pages asked for so far; callers at once share one load. */
  ensure(signal?: AbortSignal): Promise<void> {
    if (this.complete || this.pagesLoaded >= this.pagesWanted) {
      return Promise.resolve();
    }
    this.loading ??= this.loadMore(signal).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** Loads the first page, or one more page; resolves when it is in `items`. */
  async loadMore(signal?: AbortSignal): Promise<void> {
    const client = await this.client();
    if (!this.started) {
      const single = this.segments.length === 1;
      await Promise.all(this.segments.map((segment) => this.fetch(client, segment, single ? FILTERED_PAGE_SIZE : PROBE_SIZE, signal)));
      this.started = true;
    } else {
      const next = this.segments.find((segment) => !this.exhausted(segment));
      if (next) {
        await this.fetch(client, next, FILTERED_PAGE_SIZE, signal);
      }
    }
    this.pagesLoaded += 1;
  }

  private exhausted(segment: Segment): boolean {
    return segment.total !== undefined && (segment.nextPage - 1) * FILTERED_PAGE_SIZE >= segment.total;
  }

  private async fetch(client: HostnameSearchClient, segment: Segment, size: number, signal?: AbortSignal): Promise<void> {
    // A count-only first look uses its own page size; the pages after it start again at page 1 of 50,
    // and the rows the look already brought are not listed twice.
    const page = size === FILTERED_PAGE_SIZE ? segment.nextPage : 1;
    const answer = await client.searchCustomHostnames(this.zoneId, segment.search, page, size, signal);
    segment.total = answer.resultInfo?.total_count ?? (answer.items.length < size ? (page - 1) * size + answer.items.length : undefined);
    if (size === FILTERED_PAGE_SIZE) {
      segment.nextPage += 1;
    } else if (segment.total !== undefined && segment.total <= size) {
      // The look brought every row there is: nothing left to page through.
      segment.nextPage = 2;
    }
    for (const hostname of answer.items) {
      if (!this.seen.has(hostname.id)) {
        this.seen.add(hostname.id);
        this.items.push(customHostnameRecord(hostname));
      }
    }
  }
}
