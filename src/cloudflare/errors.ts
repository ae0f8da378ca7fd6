import * as l10n from '@vscode/l10n';
/**
 * Every failure of a Cloudflare call, typed, with a sentence a person understands. Mapped in exactly
 * one place (toCloudflareError / failureToError); nothing else inspects status codes or bodies, and
 * no message ever holds the token or a request body.
 */
export class CloudflareError extends Error {
  /** Cloudflare's error codes from the envelope, first one in `code`. */
  readonly codes: readonly number[];
  readonly status?: number;
  /** Worth retrying later without changing anything. */
  readonly retryable: boolean;

  constructor(message: string, options: { status?: number; codes?: readonly number[]; retryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.status = options.status;
    this.codes = options.codes ?? [];
    this.retryable = options.retryable ?? false;
  }

  get code(): number | undefined {
    return this.codes[0];
  }
}

export class AuthError extends CloudflareError {}
export class PermissionError extends CloudflareError {
  constructor(
    message: string,
    readonly permission: string,
    options: { status?: number; codes?: readonly number[] } = {},
  ) {
    super(message, options);
  }
}
export class NotFoundError extends CloudflareError {}
export class RateLimitError extends CloudflareError {
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
    options: { status?: number; codes?: readonly number[] } = {},
  ) {
    super(message, { ...options, retryable: true });
  }
}
export class ServerError extends CloudflareError {}
export class NetworkError extends CloudflareError {}
export class TimeoutError extends CloudflareError {}
export class MalformedResponseError extends CloudflareError {}
export class CloudflareApiError extends CloudflareError {}

/**
 * "Not now": Cloudflare did not apply the change because something is still settling (1434 pending
 * deployment, 1414 pending deletion, HTTP 409 another change on the zone in flight). Safe to send again
 * after a wait, which is the caller's decision: the client never re-sends a write on its own.
 */
export class NotNowError extends CloudflareError {
  constructor(message: string, options: { status?: number; codes?: readonly number[] } = {}) {
    super(message, { ...options, retryable: true });
  }
}

/** 1406: Cloudflare already holds this certificate; look it up and carry on with that copy. */
export class AlreadyExistsError extends CloudflareError {}

/** Whether the failure means "the change was not applied; the same request may succeed after a wait". */
export function isNotNow(error: unknown): boolean {
  return error instanceof NotNowError;
}

/**
 * Whether a failed write may still have been carried out: the answer was lost (network, timeout,
 * cancelled mid-request), unreadable, or a server error that can come after the change was stored
 * (a proxy's 502 after the origin committed). Before such a write is called failed or offered again,
 * look for its result.
 */
export function outcomeUnknown(error: unknown): boolean {
  return (
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof ServerError ||
    error instanceof MalformedResponseError
  );
}
export class CancelledError extends CloudflareError {}

/** A list that failed part-way: what loaded is kept, and said to be incomplete. */
export class PartialResultError<T = unknown> extends CloudflareError {
  constructor(
    readonly loaded: readonly T[],
    readonly expected: number | undefined,
    cause: CloudflareError,
  ) {
    super(`Only ${loaded.length}${expected === undefined ? '' : ` of ${expected}`} loaded: ${cause.message}`, {
      status: cause.status,
      codes: cause.codes,
      retryable: cause.retryable,
      cause,
    });
  }
}

/** What the request was, for messages: never the token, never the body. */
export interface RequestDescription {
  readonly method: string;
  readonly path: string;
  /** The permission the request needs, named in a 403's message. */
  readonly needs: 'Zone: Read' | 'SSL and Certificates: Edit' | 'API Tokens: Read';
}

export interface EnvelopeMessage {
  readonly code?: number;
  readonly message?: string;
}

const CODE_WORDS: Readonly<Record<number, string>> = {
  1412: 'Only leaf certificates can be uploaded as client certificates; this is a CA certificate.',
  1002: 'Cloudflare could not read the certificate.',
  2106: 'Cloudflare could not read the private key.',
  2200: 'The certificate and the private key do not match.',
  1228: 'The pack already holds a certificate of this signature type.',
  1305: 'Cloudflare cannot delete this now: it is still in use or still changing.',
  1408: 'Cloudflare could not parse the certificate; check that it is a complete PEM certificate.',
  1415: 'Cloudflare does not know this certificate id: the certificate is invalid or was deleted. Refresh to see what Cloudflare holds.',
  1433: 'The certificate is still used by a hostname association; stop using it for those hostnames before deleting it.',
};

/** Codes after which the same request may succeed later: nothing was changed (see NotNowError). */
const NOT_NOW_WORDS: Readonly<Record<number, string>> = {
  1434: 'Cloudflare is still deploying the certificate, so nothing was changed yet; try again shortly.',
  1414: 'Cloudflare is still deleting the certificate, so nothing was changed; try again shortly.',
};

/** 971 is Cloudflare's own "slow down", whatever the HTTP status it comes with. */
const RATE_LIMIT_CODE = 971;
const ALREADY_EXISTS_CODE = 1406;

/** The error for an HTTP answer that is not a success envelope. */
export function toCloudflareError(
  request: RequestDescription,
  status: number,
  messages: readonly EnvelopeMessage[],
  retryAfterMs?: number,
): CloudflareError {
  const codes = messages.map((message) => message.code).filter((code): code is number => typeof code === 'number');
  const said = serviceWords(messages);
  if (status === 401) {
    return new AuthError(l10n.t('Cloudflare rejected the API token (it may be wrong, expired or revoked). Set a new token.{0}', said), {
      status,
      codes,
    });
  }
  if (status === 403) {
    return new PermissionError(l10n.t('The API token lacks the "{0}" permission needed for this.{1}', request.needs, said), request.needs, {
      status,
      codes,
    });
  }
  if (status === 404) {
    return new NotFoundError(l10n.t('Cloudflare has no such item (it may have been deleted).{0}', said), { status, codes });
  }
  if (status === 429 || codes.includes(RATE_LIMIT_CODE)) {
    const wait = retryAfterMs === undefined ? '' : l10n.t(' Try again in {0} s.', Math.max(1, Math.ceil(retryAfterMs / 1000)));
    return new RateLimitError(l10n.t("Cloudflare's rate limit was reached.{0}", wait), retryAfterMs, { status, codes });
  }
  if (status >= 500) {
    return new ServerError(l10n.t('Cloudflare answered with a server error ({0}); try again shortly.{1}', status, said), {
      status,
      codes,
      retryable: true,
    });
  }
  if (status >= 300 && status < 400) {
    return new CloudflareError(
      l10n.t(
        'Cloudflare answered with a redirect ({0}), which is not followed so the token stays with the configured API host. Check the API base URL setting.',
        status,
      ),
      { status },
    );
  }
  const notNow = codes.map((code) => NOT_NOW_WORDS[code]).find(Boolean);
  if (notNow) {
    return new NotNowError(`${notNow}${said}`, { status, codes });
  }
  if (status === 409) {
    return new NotNowError(
      l10n.t('Another change to this zone is still in progress at Cloudflare, so nothing was changed; try again shortly.{0}', said),
      { status, codes },
    );
  }
  if (codes.includes(ALREADY_EXISTS_CODE)) {
    return new AlreadyExistsError(l10n.t('Cloudflare already holds this certificate.{0}', said), { status, codes });
  }
  const known = codes.map((code) => CODE_WORDS[code]).find(Boolean);
  return new CloudflareApiError(`${known ?? 'Cloudflare refused the request.'}${said}`, { status, codes });
}

/** The error for a request that got no usable answer. */
export function failureToError(
  request: RequestDescription,
  reason: 'timeout' | 'cancelled' | 'network' | 'malformed',
  detail?: string,
  cause?: unknown,
): CloudflareError {
  switch (reason) {
    case 'timeout':
      return new TimeoutError(l10n.t('Cloudflare did not answer in time ({0} {1}).', request.method, request.path), {
        retryable: true,
        cause,
      });
    case 'cancelled':
      return new CancelledError(l10n.t('The request was cancelled.'), { cause });
    case 'malformed':
      return new MalformedResponseError(
        l10n.t("Cloudflare's answer could not be read{0}; a proxy or network device may be in the way.", detail ? ` (${detail})` : ''),
        { retryable: true, cause },
      );
    default:
      return new NetworkError(
        l10n.t('Cloudflare could not be reached{0}. Check the network and the API base URL.', detail ? ` (${detail})` : ''),
        {
          retryable: true,
          cause,
        },
      );
  }
}

function serviceWords(messages: readonly EnvelopeMessage[]): string {
  const parts = messages
    .filter((message) => message.message)
    .slice(0, 3)
    .map((message) => `${message.message!.slice(0, 300)}${message.code ? ` [${message.code}]` : ''}`);
  return parts.length > 0 ? l10n.t(' Cloudflare says: {0}', parts.join('; ')) : '';
}
