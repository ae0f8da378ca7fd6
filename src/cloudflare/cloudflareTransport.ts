import * as l10n from '@vscode/l10n';
import { abortableSleep } from './abortableSleep';
import { checkBaseUrl } from './baseUrl';
import { AuthError, CancelledError, CloudflareError, failureToError, RateLimitError, type RequestDescription } from './errors';
import { listOf, unwrap } from './envelope';
import { answerText, receiveAnswer, type ReceivedAnswer } from './answerText';
import { entriesOf, lazyEntries, splitListAnswer, type ListEntries, type UnreadKey } from './listEntries';
import { sharedLoopShare } from './loopShare';
import type { FetchLike, FetchResponse } from './fetchLike';
import { RequestLimiter, USER_LANE, type Lane } from './requestLimiter';
import type { Page, ResultInfo } from './types';

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

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The permission a request needs, named in the error when the token lacks it. */
export const READ = 'Zone: Read' as const;
export const EDIT = 'SSL and Certificates: Edit' as const;

export interface CallOptions {
  readonly query?: Record<string, string | number>;
  readonly body?: unknown;
  readonly needs?: RequestDescription['needs'];
  readonly signal?: AbortSignal;
  /** The endpoint may answer a bare `{"id": …}` instead of the envelope. */
  readonly bareIdAnswer?: boolean;
}

/** One page of a list endpoint whose entries are parsed as they are read (listEntries.ts). */
export interface EntryPage<T> {
  readonly entries: ListEntries<T>;
  readonly resultInfo?: ResultInfo;
}

/**
 * How every request reaches Cloudflare: the limiter's lanes, the token, the timeout, retries with
 * back-off, the envelope unwrapped and every failure mapped to a typed error, all in call(). The
 * endpoints (one file per resource) only say which path, method and body.
 */
export class CloudflareTransport {
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
  withLane(lane: Readonly<Lane>): this {
    const view = Object.create(this) as this;
    view.lane = lane;
    return view;
  }

  /** One page of a list endpoint, with Cloudflare's counts. */
  async page<T>(path: string, query: Record<string, string | number>, signal?: AbortSignal): Promise<Page<T>> {
    const envelope = await this.call<T[] | null>('GET', path, { query, signal });
    return { items: listOf(envelope.result, { method: 'GET', path, needs: READ }), resultInfo: envelope.result_info };
  }

  /**
   * One page of a large list endpoint, its entries left unparsed until read, so the caller can turn
   * them into what it keeps one at a time, in slices. An answer that cannot be split is read whole.
   * `unread`: see splitListAnswer.
   */
  async entryPage<T>(
    path: string,
    query: Record<string, string | number>,
    signal?: AbortSignal,
    unread?: readonly UnreadKey[],
  ): Promise<EntryPage<T>> {
    const request: RequestDescription = { method: 'GET', path, needs: READ };
    const envelope = await this.call<ListEntries<T>>('GET', path, {
      query,
      signal,
      read: async (response, text) => {
        // Splitting a page of 1,000 takes about 1.6 ms: within the turn's budget, like its records.
        await sharedLoopShare.pace();
        const split = response.status >= 200 && response.status < 300 ? splitListAnswer(text, unread) : undefined;
        const answer = unwrap<T[] | null>(request, response, split?.envelope ?? text);
        // A second "result" key would be the one JSON.parse keeps: then the answer is read whole.
        if (split && Array.isArray(answer.result) && answer.result.length === 0) {
          return { result: lazyEntries<T>(text, split, request), result_info: answer.result_info };
        }
        const whole = split ? unwrap<T[] | null>(request, response, text) : answer;
        return { result: entriesOf(listOf(whole.result, request)), result_info: whole.result_info };
      },
    });
    return { entries: envelope.result, resultInfo: envelope.result_info };
  }

  /** Sends one request with retries; resolves to a success envelope or throws a typed error. */
  async call<T>(method: Method, path: string, options: CallOptions & Reading<T>): Promise<{ result: T; result_info?: ResultInfo }> {
    const request: RequestDescription = { method, path, needs: options.needs ?? READ };
    const search = options.query
      ? `?${new URLSearchParams(Object.entries(options.query).map(([key, value]): [string, string] => [key, String(value)]))}`
      : '';
    const url = `${this.baseUrl}${path}${search}`;
    const maxRetries = this.options.maxRetries ?? 3;
    const maxRateLimitRetries = this.options.maxRateLimitRetries ?? 4;
    const read =
      options.read ?? ((response: FetchResponse, text: string) => unwrap<T>(request, response, text, options.bareIdAnswer ?? false));
    for (let attempt = 0, rateLimited = 0; ; attempt += 1) {
      try {
        return await this.attempt<T>(request, url, options.body, options.signal, read);
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
    read: NonNullable<Reading<T>['read']>,
  ): Promise<{ result: T; result_info?: ResultInfo }> {
    const token = await this.options.getToken();
    if (!token) {
      throw new AuthError(l10n.t('No Cloudflare API token is set. Run "Cloudflare Certificates: Set API Token".'));
    }
    // The limiter's slot is held while the answer travels, not while it is read: reading a page of
    // 1,000 waits for its share of the event loop (loopShare.ts), and the next request need not.
    const { response, received } = await this.limiter.run(
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
        let received: ReceivedAnswer;
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
          received = await receiveAnswer(response);
        } catch (error) {
          const reason = timedOut ? 'timeout' : signal?.aborted ? 'cancelled' : 'network';
          this.options.log?.(`${request.method} ${request.path} failed: ${reason} after ${Date.now() - started} ms`);
          throw failureToError(request, reason, reason === 'network' ? networkDetail(error) : undefined, error);
        } finally {
          clearTimeout(timer);
          signal?.removeEventListener('abort', forwardAbort);
        }
        this.options.log?.(`${request.method} ${request.path} ${response.status} (${Date.now() - started} ms)`);
        return { response, received };
      },
      signal,
      this.lane,
    );
    return read(response, await answerText(received));
  }
}

/** How an answer's text becomes its result; unwrap() of the envelope unless an endpoint says otherwise. */
interface Reading<T> {
  readonly read?: (
    response: FetchResponse,
    text: string,
  ) => { result: T; result_info?: ResultInfo } | Promise<{ result: T; result_info?: ResultInfo }>;
}

function networkDetail(error: unknown): string | undefined {
  const code = (error as { code?: string; cause?: { code?: string } })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code ? `${code}` : undefined;
}

/** Every endpoint the extension uses lives under a zone. */
export function zonePath(zoneId: string): string {
  return `/zones/${encodeURIComponent(zoneId)}`;
}
