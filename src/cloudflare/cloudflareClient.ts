import { checkBaseUrl } from './baseUrl';
import { customHostnameQuery, type CustomHostnameSearch } from './customHostnameQuery';
import { AuthError, CancelledError, CloudflareError, failureToError, RateLimitError, type RequestDescription } from './errors';
import { listOf, unwrap } from './envelope';
import type { FetchLike, FetchResponse } from './fetchLike';
import { fetchAllPages } from './pagination';
import { RequestLimiter, USER_LANE, type Lane } from './requestLimiter';
import type {
  AssociationChange,
  CustomHostname,
  HostnameAssociation,
  HostnameCertificate,
  Page,
  ResultInfo,
  TokenVerification,
  Zone,
} from './types';

export { checkBaseUrl } from './baseUrl';
export { parseRetryAfter } from './envelope';

export interface CloudflareClientOptions {
  readonly baseUrl: string;
  readonly getToken: () => Promise<string | undefined>;
  readonly fetch: FetchLike;
  readonly limiter?: RequestLimiter;
  /** Per attempt. */
  readonly timeoutMs?: number;
  /** Extra attempts for idempotent GETs after a 5xx, a network failure or a timeout. */
  readonly maxRetries?: number;
  /** Extra attempts after 429 (any method: Cloudflare did not process a rate-limited request). */
  readonly maxRateLimitRetries?: number;
  /** The longest single wait for Retry-After; a longer one is surfaced as an error instead. */
  readonly maxRetryWaitMs?: number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  /** One line per request: method, path, status, time. Never headers, bodies or the token. */
  readonly log?: (line: string) => void;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const READ = 'Zone: Read' as const;
const EDIT = 'SSL and Certificates: Edit' as const;

/**
 * The one seam to Cloudflare's API v4: every endpoint the extension uses, each taking an AbortSignal.
 * request() is the single place that sends, retries, unwraps the envelope and maps errors.
 */
export class CloudflareClient {
  readonly baseUrl: string;
  readonly limiter: RequestLimiter;
  private readonly options: CloudflareClientOptions;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  /** The limiter's queue this client's requests wait in (see withLane). */
  private lane: Readonly<Lane> = USER_LANE;

  constructor(options: CloudflareClientOptions) {
    const checked = checkBaseUrl(options.baseUrl);
    if (!checked.ok) {
      throw new CloudflareError(checked.message);
    }
    this.baseUrl = checked.url;
    this.options = options;
    this.limiter = options.limiter ?? new RequestLimiter();
    this.sleep = options.sleep ?? abortableSleep;
    this.random = options.random ?? Math.random;
  }

  /**
   * The same client, its requests queued in `lane`: the background scan uses a lane the model can
   * promote when a person starts waiting for what it loads. Shares everything else with this client.
   */
  withLane(lane: Readonly<Lane>): CloudflareClient {
    const view = Object.create(this) as CloudflareClient;
    view.lane = lane;
    return view;
  }

  /** Checks a user token, then (on 401) an account-owned one at each account its zones belong to. */
  async verifyToken(signal?: AbortSignal): Promise<TokenVerification> {
    try {
      const result = await this.call<{ id: string; status: string; expires_on?: string }>('GET', '/user/tokens/verify', {
        needs: 'API Tokens: Read',
        signal,
      });
      return { ...result.result, kind: 'user' };
    } catch (error) {
      if (!(error instanceof AuthError)) {
        throw error;
      }
      const zones = await this.call<Zone[]>('GET', '/zones', { query: { per_page: 5 }, signal }).catch(() => undefined);
      // Read defensively: this answer only hints at which accounts to ask, so an odd one means none.
      const listed: unknown[] = Array.isArray(zones?.result) ? zones.result : [];
      const accountIds = listed.map((zone) => (zone && typeof zone === 'object' ? (zone as Zone).account?.id : undefined));
      const accounts = [...new Set(accountIds.filter((id): id is string => typeof id === 'string' && id.length > 0))];
      for (const account of accounts) {
        const checked = await this.call<{ id: string; status: string; expires_on?: string }>(
          'GET',
          `/accounts/${encodeURIComponent(account)}/tokens/verify`,
          { needs: 'API Tokens: Read', signal },
        ).catch(() => undefined);
        if (checked) {
          return { ...checked.result, kind: 'account' };
        }
      }
      throw error;
    }
  }

  listZones(signal?: AbortSignal): Promise<Zone[]> {
    return fetchAllPages((page, perPage) => this.page<Zone>('/zones', { page, per_page: perPage }, signal), {
      perPage: 50,
      concurrency: 4,
      maxPages: 200,
    });
  }

  /** Not paginated by Cloudflare: one request returns the zone's (at most 10) certificates. */
  async listHostnameCertificates(zoneId: string, signal?: AbortSignal): Promise<HostnameCertificate[]> {
    const path = `${zonePath(zoneId)}/origin_tls_client_auth/hostnames/certificates`;
    return listOf((await this.call<HostnameCertificate[] | null>('GET', path, { signal })).result, { method: 'GET', path, needs: READ });
  }

  async getHostnameCertificate(zoneId: string, certificateId: string, signal?: AbortSignal): Promise<HostnameCertificate> {
    return (
      await this.call<HostnameCertificate>(
        'GET',
        `${zonePath(zoneId)}/origin_tls_client_auth/hostnames/certificates/${encodeURIComponent(certificateId)}`,
        { signal },
      )
    ).result;
  }

  async uploadHostnameCertificate(
    zoneId: string,
    body: { certificate: string; private_key: string },
    signal?: AbortSignal,
  ): Promise<HostnameCertificate> {
    return (
      await this.call<HostnameCertificate>('POST', `${zonePath(zoneId)}/origin_tls_client_auth/hostnames/certificates`, {
        body,
        needs: EDIT,
        signal,
      })
    ).result;
  }

  async deleteHostnameCertificate(zoneId: string, certificateId: string, signal?: AbortSignal): Promise<HostnameCertificate | undefined> {
    return (
      await this.call<HostnameCertificate>(
        'DELETE',
        `${zonePath(zoneId)}/origin_tls_client_auth/hostnames/certificates/${encodeURIComponent(certificateId)}`,
        { needs: EDIT, signal },
      )
    ).result;
  }

  /** Every association of the zone, in every status (the API defaults to active ones only). */
  listHostnameAssociations(zoneId: string, signal?: AbortSignal): Promise<HostnameAssociation[]> {
    return fetchAllPages(
      async (page, perPage) => {
        const result = await this.page<HostnameAssociation>(
          `${zonePath(zoneId)}/origin_tls_client_auth/hostnames`,
          { page, per_page: perPage, status: 'all' },
          signal,
        );
        return { ...result, items: result.items.map((association) => ({ ...association, id: association.hostname })) };
      },
      { perPage: 1000, concurrency: 4, maxPages: 100 },
    );
  }

  async getHostnameAssociation(zoneId: string, hostname: string, signal?: AbortSignal): Promise<HostnameAssociation> {
    return (
      await this.call<HostnameAssociation>('GET', `${zonePath(zoneId)}/origin_tls_client_auth/hostnames/${encodeURIComponent(hostname)}`, {
        signal,
      })
    ).result;
  }

  async updateHostnameAssociations(
    zoneId: string,
    config: readonly AssociationChange[],
    signal?: AbortSignal,
  ): Promise<HostnameAssociation[]> {
    const path = `${zonePath(zoneId)}/origin_tls_client_auth/hostnames`;
    return listOf((await this.call<HostnameAssociation[] | null>('PUT', path, { body: { config }, needs: EDIT, signal })).result, {
      method: 'PUT',
      path,
      needs: EDIT,
    });
  }

  async getAopSettings(zoneId: string, signal?: AbortSignal): Promise<{ enabled: boolean }> {
    return (await this.call<{ enabled: boolean }>('GET', `${zonePath(zoneId)}/origin_tls_client_auth/settings`, { signal })).result;
  }

  async setAopSettings(zoneId: string, enabled: boolean, signal?: AbortSignal): Promise<{ enabled: boolean }> {
    return (
      await this.call<{ enabled: boolean }>('PUT', `${zonePath(zoneId)}/origin_tls_client_auth/settings`, {
        body: { enabled },
        needs: EDIT,
        signal,
      })
    ).result;
  }

  listCustomHostnamesPage(zoneId: string, page: number, perPage: number, signal?: AbortSignal): Promise<Page<CustomHostname>> {
    return this.page<CustomHostname>(`${zonePath(zoneId)}/custom_hostnames`, { page, per_page: perPage }, signal);
  }

  /**
   * One page of the zone's custom hostnames that match `search`, filtered and counted by Cloudflare
   * (result_info counts the matches), so finding one among 100,000 costs one request.
   */
  searchCustomHostnames(
    zoneId: string,
    search: CustomHostnameSearch,
    page: number,
    perPage: number,
    signal?: AbortSignal,
  ): Promise<Page<CustomHostname>> {
    return this.page<CustomHostname>(`${zonePath(zoneId)}/custom_hostnames`, customHostnameQuery(search, page, perPage), signal);
  }

  /** Every custom hostname, 1,000 a page (the most the API allows, so the fewest requests). */
  listCustomHostnames(zoneId: string, signal?: AbortSignal): Promise<CustomHostname[]> {
    return fetchAllPages((page, perPage) => this.listCustomHostnamesPage(zoneId, page, perPage, signal), {
      perPage: 1000,
      concurrency: 4,
      maxPages: 1000,
    });
  }

  async getCustomHostname(zoneId: string, customHostnameId: string, signal?: AbortSignal): Promise<CustomHostname> {
    return (
      await this.call<CustomHostname>('GET', `${zonePath(zoneId)}/custom_hostnames/${encodeURIComponent(customHostnameId)}`, { signal })
    ).result;
  }

  async replacePackCertificate(
    zoneId: string,
    customHostnameId: string,
    packId: string,
    certificateId: string,
    body: { custom_certificate: string; custom_key: string },
    signal?: AbortSignal,
  ): Promise<CustomHostname> {
    return (
      await this.call<CustomHostname>('PUT', packCertificatePath(zoneId, customHostnameId, packId, certificateId), {
        body,
        needs: EDIT,
        signal,
      })
    ).result;
  }

  /** Documented to answer 202 with a bare `{"id": …}`, not the envelope: both are taken as success. */
  async deletePackCertificate(
    zoneId: string,
    customHostnameId: string,
    packId: string,
    certificateId: string,
    signal?: AbortSignal,
  ): Promise<void> {
    await this.call<unknown>('DELETE', packCertificatePath(zoneId, customHostnameId, packId, certificateId), {
      needs: EDIT,
      signal,
      bareIdAnswer: true,
    });
  }

  private async page<T>(path: string, query: Record<string, string | number>, signal?: AbortSignal): Promise<Page<T>> {
    const envelope = await this.call<T[] | null>('GET', path, { query, signal });
    return { items: listOf(envelope.result, { method: 'GET', path, needs: READ }), resultInfo: envelope.result_info };
  }

  /** Sends one request with retries; resolves to a success envelope or throws a typed error. */
  private async call<T>(
    method: Method,
    path: string,
    options: {
      query?: Record<string, string | number>;
      body?: unknown;
      needs?: RequestDescription['needs'];
      signal?: AbortSignal;
      bareIdAnswer?: boolean;
    },
  ): Promise<{ result: T; result_info?: ResultInfo }> {
    const request: RequestDescription = { method, path, needs: options.needs ?? READ };
    const search = options.query
      ? `?${new URLSearchParams(Object.entries(options.query).map(([key, value]): [string, string] => [key, String(value)]))}`
      : '';
    const url = `${this.baseUrl}${path}${search}`;
    const maxRetries = this.options.maxRetries ?? 3;
    const maxRateLimitRetries = this.options.maxRateLimitRetries ?? 4;
    for (let attempt = 0, rateLimited = 0; ; attempt += 1) {
      try {
        return await this.attempt<T>(request, url, options.body, options.signal, options.bareIdAnswer ?? false);
      } catch (error) {
        if (!(error instanceof CloudflareError) || error instanceof CancelledError || options.signal?.aborted) {
          throw error instanceof CloudflareError ? error : failureToError(request, 'cancelled', undefined, error);
        }
        let wait: number | undefined;
        if (error instanceof RateLimitError && rateLimited < maxRateLimitRetries) {
          rateLimited += 1;
          wait = error.retryAfterMs ?? this.backoff(rateLimited);
          if (wait > (this.options.maxRetryWaitMs ?? 60_000)) {
            throw error;
          }
        } else if (method === 'GET' && error.retryable && !(error instanceof RateLimitError) && attempt - rateLimited < maxRetries) {
          // Only reads are retried blindly: a write that failed in flight may have landed.
          wait = this.backoff(attempt - rateLimited + 1);
        }
        if (wait === undefined) {
          throw error;
        }
        this.options.log?.(`${method} ${path}: ${error.name}; retrying in ${Math.round(wait)} ms`);
        await this.sleep(wait, options.signal).catch(() => {
          throw failureToError(request, 'cancelled');
        });
      }
    }
  }

  /** Exponential backoff with full jitter: 250 ms, 500 ms, 1 s, … capped at 8 s. */
  private backoff(retry: number): number {
    const ceiling = Math.min(8_000, 250 * 2 ** (retry - 1));
    return ceiling / 2 + this.random() * (ceiling / 2);
  }

  private async attempt<T>(
    request: RequestDescription,
    url: string,
    body: unknown,
    signal: AbortSignal | undefined,
    bareIdAnswer: boolean,
  ): Promise<{ result: T; result_info?: ResultInfo }> {
    const token = await this.options.getToken();
    if (!token) {
      throw new AuthError('No Cloudflare API token is set. Run "Cloudflare Certificates: Set API Token".');
    }
    return this.limiter.run(
      async () => {
        const controller = new AbortController();
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, this.options.timeoutMs ?? 30_000);
        const forwardAbort = () => controller.abort();
        signal?.addEventListener('abort', forwardAbort, { once: true });
        const started = Date.now();
        let response: FetchResponse;
        let text: string;
        try {
          response = await this.options.fetch(url, {
            method: request.method,
            headers: {
              Authorization: `Bearer ${token}`,
              Accept: 'application/json',
              ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: controller.signal,
            redirect: 'manual',
          });
          text = await response.text();
        } catch (error) {
          const reason = timedOut ? 'timeout' : signal?.aborted ? 'cancelled' : 'network';
          this.options.log?.(`${request.method} ${request.path} failed: ${reason} after ${Date.now() - started} ms`);
          throw failureToError(request, reason, reason === 'network' ? networkDetail(error) : undefined, error);
        } finally {
          clearTimeout(timer);
          signal?.removeEventListener('abort', forwardAbort);
        }
        this.options.log?.(`${request.method} ${request.path} ${response.status} (${Date.now() - started} ms)`);
        return unwrap<T>(request, response, text, bareIdAnswer);
      },
      signal,
      this.lane,
    );
  }
}

function networkDetail(error: unknown): string | undefined {
  const code = (error as { code?: string; cause?: { code?: string } })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code ? `${code}` : undefined;
}

function zonePath(zoneId: string): string {
  return `/zones/${encodeURIComponent(zoneId)}`;
}

function packCertificatePath(zoneId: string, customHostnameId: string, packId: string, certificateId: string): string {
  return `${zonePath(zoneId)}/custom_hostnames/${encodeURIComponent(customHostnameId)}/certificate_pack/${encodeURIComponent(packId)}/certificates/${encodeURIComponent(certificateId)}`;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('aborted'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
