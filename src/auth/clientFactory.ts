import { checkBaseUrl, CloudflareClient } from '../cloudflare/cloudflareClient';
import type { FetchLike } from '../cloudflare/fetchLike';
import { RequestLimiter } from '../cloudflare/requestLimiter';
import type { TokenStore } from './tokenStore';
import { apiBaseUrl } from '../config/settings';
import type { Logger } from '../logging/logger';

let loadedFetch: FetchLike | undefined;

/** node-fetch on the first request (./nodeFetch is the separate dist/fetch.js in the bundle), not at activation. */
const lazyNodeFetch: FetchLike = (url, init) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain require keeps it out of the activation bundle
  loadedFetch ??= (require('./nodeFetch') as typeof import('./nodeFetch')).nodeFetch;
  return loadedFetch(url, init);
};

/**
 * Builds the API client from the current settings and token. Every client shares one limiter, so the
 * extension as a whole stays under Cloudflare's rate limit whatever runs at once.
 */
export class ClientFactory {
  readonly limiter = new RequestLimiter();
  private cached: { baseUrl: string; client: CloudflareClient } | undefined;
  private timeoutMs = 30_000;

  constructor(
    private readonly tokens: TokenStore,
    private readonly log: Logger,
    private readonly fetch: FetchLike = lazyNodeFetch,
  ) {}

  /** The client for the stored token; throws a sentence when the base URL setting is refused. */
  async client(): Promise<CloudflareClient> {
    const baseUrl = this.checkedBaseUrl();
    if (this.cached?.baseUrl !== baseUrl) {
      this.cached = { baseUrl, client: this.create(baseUrl, () => this.tokens.get()) };
    }
    return this.cached.client;
  }

  /** How long one attempt may take before it counts as timed out (tests shorten it). */
  setRequestTimeout(ms: number): void {
    this.timeoutMs = ms;
    this.cached = undefined;
  }

  /** A client for a token that is not stored yet (checking it before it is kept). */
  forToken(token: string): CloudflareClient {
    return this.create(this.checkedBaseUrl(), async () => token);
  }

  private checkedBaseUrl(): string {
    const checked = checkBaseUrl(apiBaseUrl());
    if (!checked.ok) {
      throw new Error(checked.message);
    }
    return checked.url;
  }

  private create(baseUrl: string, getToken: () => Promise<string | undefined>): CloudflareClient {
    return new CloudflareClient({
      baseUrl,
      getToken,
      fetch: this.fetch,
      limiter: this.limiter,
      timeoutMs: this.timeoutMs,
      log: (line) => this.log.debug(line),
    });
  }
}
