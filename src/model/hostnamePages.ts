import { entriesOf } from '../cloudflare/listEntries';
import type { CustomHostname, Page } from '../cloudflare/types';
import { customHostnameRecords, type CustomHostnameRecord } from './customHostnameRecord';
import type { DataChange } from './dataChange';
import type { Unsubscribe } from './emitter';

/** Rows a page holds: one request of a view's paging, and the rows one Load more adds. */
export const HOSTNAME_PAGE_SIZE = 50;

/** What the pages need of the client: one page of a zone's custom hostnames. */
export interface HostnamePageClient {
  listCustomHostnamesPage(zoneId: string, page: number, perPage: number, signal?: AbortSignal): Promise<Page<CustomHostname>>;
}

/** The zone's list as the scan loaded it; only a complete one stands in for Cloudflare's pages. */
export interface WholeHostnameList {
  readonly items: readonly CustomHostnameRecord[];
  readonly complete: boolean;
}

/**
 * One zone's custom hostnames a page at a time, for a view that shows them: page n is one request of
 * HOSTNAME_PAGE_SIZE (its count from result_info), asked for only when someone looks at it and kept
 * until the zone's hostnames change, so a view shows row 100,000 for the price of row 50. Once the
 * scan has loaded the zone's whole list, pages are cut from it and nothing is sent.
 */
export class HostnamePages {
  private readonly settled = new Map<number, readonly CustomHostnameRecord[]>();
  private readonly loading = new Map<number, Promise<readonly CustomHostnameRecord[]>>();
  private counted: number | undefined;
  /** The last look-up in the whole list: a reveal asks for the same hostname at every level it walks. */
  private lastFound: { readonly items: readonly CustomHostnameRecord[]; readonly id: string; readonly index: number } | undefined;
  /** Replaced by forget(): a page in flight for the old one is dropped, and its callers ask again. */
  private controller = new AbortController();

  constructor(
    private readonly client: () => Promise<HostnamePageClient>,
    readonly zoneId: string,
    private readonly whole: () => WholeHostnameList | undefined,
    /** Called when a page changes the count: the zone's row shows it before the whole list loads. */
    private readonly onCounted: () => void = () => undefined,
  ) {}

  /** How many custom hostnames the zone has: the whole list's length, else Cloudflare's count. */
  get total(): number | undefined {
    return this.wholeItems()?.length ?? this.counted;
  }

  /** Page n (from 1) if it is known without a request. */
  peek(page: number): readonly CustomHostnameRecord[] | undefined {
    const items = this.wholeItems();
    return items ? items.slice((page - 1) * HOSTNAME_PAGE_SIZE, page * HOSTNAME_PAGE_SIZE) : this.settled.get(page);
  }

  /** Page n (from 1): known, or one request that callers at once share. */
  async page(page: number): Promise<readonly CustomHostnameRecord[]> {
    for (;;) {
      const controller = this.controller;
      try {
        return await this.start(page);
      } catch (error) {
        // forget() overtook the request: the caller wants the page as it is now, not the abort.
        if (controller === this.controller || !controller.signal.aborted) {
          throw error;
        }
      }
    }
  }

  /** Loads the count (with page 1) unless it is known; resolves to it. */
  async count(): Promise<number | undefined> {
    if (this.total === undefined) {
      await this.page(1);
    }
    return this.total;
  }

  /** Where a hostname lies (0-based) and its newest copy, when the whole list or a loaded page holds it. */
  find(hostnameId: string): { readonly index: number; readonly hostname: CustomHostnameRecord } | undefined {
    const items = this.wholeItems();
    if (items) {
      if (this.lastFound?.items !== items || this.lastFound.id !== hostnameId) {
        this.lastFound = { items, id: hostnameId, index: items.findIndex((item) => item.id === hostnameId) };
      }
      const index = this.lastFound.index;
      return index < 0 ? undefined : { index, hostname: items[index] };
    }
    for (const [page, pageItems] of this.settled) {
      const index = pageItems.findIndex((item) => item.id === hostnameId);
      if (index >= 0) {
        return { index: (page - 1) * HOSTNAME_PAGE_SIZE + index, hostname: pageItems[index] };
      }
    }
    return undefined;
  }

  /** Whether the pages are cut from the scan's whole list (so none needs a request). */
  get wholeListLoaded(): boolean {
    return this.wholeItems() !== undefined;
  }

  /** Forget every page and the count, and drop the requests in flight: the zone's hostnames changed. */
  forget(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.settled.clear();
    this.loading.clear();
    this.counted = undefined;
  }

  /** Forget the page that holds this hostname, so the next look fetches it as it is now. */
  forgetHostname(hostnameId: string): void {
    for (const [page, items] of this.settled) {
      if (items.some((item) => item.id === hostnameId)) {
        this.settled.delete(page);
      }
    }
  }

  /** The whole list has loaded: the pages fetched before it are no longer needed in memory. */
  wholeLoaded(): void {
    if (this.wholeItems()) {
      this.settled.clear();
    }
  }

  private wholeItems(): readonly CustomHostnameRecord[] | undefined {
    const list = this.whole();
    return list?.complete ? list.items : undefined;
  }

  private start(page: number): Promise<readonly CustomHostnameRecord[]> {
    const known = this.peek(page);
    if (known) {
      return Promise.resolve(known);
    }
    let loading = this.loading.get(page);
    if (!loading) {
      loading = this.fetch(page, this.controller);
      this.loading.set(page, loading);
      const settle = () => {
        if (this.loading.get(page) === loading) {
          this.loading.delete(page);
        }
      };
      loading.then(settle, settle);
    }
    return loading;
  }

  private async fetch(page: number, controller: AbortController): Promise<readonly CustomHostnameRecord[]> {
    const client = await this.client();
    const answer = await client.listCustomHostnamesPage(this.zoneId, page, HOSTNAME_PAGE_SIZE, controller.signal);
    const items = await customHostnameRecords(entriesOf(answer.items));
    if (controller === this.controller) {
      this.settled.set(page, items);
      const total = answer.resultInfo?.total_count;
      const before = this.counted;
      // A short page without a count still tells how many there are.
      this.counted =
        total ?? (answer.items.length < HOSTNAME_PAGE_SIZE ? (page - 1) * HOSTNAME_PAGE_SIZE + answer.items.length : this.counted);
      if (this.counted !== before) {
        this.onCounted();
      }
    }
    return items;
  }
}

/** What the store needs of the account data: the scan's lists, and its change events. */
export interface HostnamePageSource {
  loaded(): { readonly customHostnames: ReadonlyMap<string, WholeHostnameList> };
  readonly onDidChange: (listener: (change: DataChange) => void) => Unsubscribe;
}

/**
 * Every zone's HostnamePages, kept in step with the account data: a reload of a zone's hostnames (or
 * of everything) forgets its pages, an operation on one hostname forgets only the page that holds it
 * (the next look shows it as Cloudflare has it now), and the scan's whole list replaces the pages.
 */
export class HostnamePageStore {
  private readonly zones = new Map<string, HostnamePages>();

  constructor(
    private readonly client: () => Promise<HostnamePageClient>,
    private readonly source: HostnamePageSource,
    /** How the store tells the account data's listeners that a zone's count is known or changed. */
    private readonly announce: (change: DataChange) => void = () => undefined,
  ) {
    source.onDidChange((change) => this.onChange(change));
  }

  zone(zoneId: string): HostnamePages {
    let pages = this.zones.get(zoneId);
    if (!pages) {
      pages = new HostnamePages(
        this.client,
        zoneId,
        () => this.source.loaded().customHostnames.get(zoneId),
        () => this.announce({ zoneId, part: 'customHostnameCount', cause: 'load' }),
      );
      this.zones.set(zoneId, pages);
    }
    return pages;
  }

  private onChange(change: DataChange): void {
    if (change.zoneId === undefined) {
      this.zones.forEach((pages) => pages.forget());
      this.zones.clear();
      return;
    }
    const pages = this.zones.get(change.zoneId);
    if (!pages || (change.part !== undefined && change.part !== 'customHostnames')) {
      return;
    }
    if (change.cause === 'load') {
      pages.wholeLoaded();
    } else if (change.cause === 'operation' && change.itemId !== undefined) {
      pages.forgetHostname(change.itemId);
    } else {
      pages.forget();
    }
  }
}
