import { failureToError, toCloudflareError, type CloudflareError, type EnvelopeMessage, type RequestDescription } from './errors';
import type { FetchResponse } from './fetchLike';
import type { ResultInfo } from './types';

/** Reading Cloudflare's answers: the v4 envelope, its documented exceptions, and Retry-After. */
interface Envelope<T> {
  readonly success?: boolean;
  readonly errors?: EnvelopeMessage[];
  readonly result?: T;
  readonly result_info?: ResultInfo;
}

/**
 * The v4 envelope, unwrapped in one place. `bareIdAnswer` is for the one endpoint documented to answer
 * a success as a bare `{"id": …}`; everywhere else a 2xx without the envelope is unreadable.
 */
export function unwrap<T>(
  request: RequestDescription,
  response: FetchResponse,
  text: string,
  bareIdAnswer = false,
): { result: T; result_info?: ResultInfo } {
  let envelope: Envelope<T> | undefined;
  try {
    envelope = JSON.parse(text) as Envelope<T>;
  } catch {
    envelope = undefined;
  }
  const isEnvelope = envelope !== null && typeof envelope === 'object' && typeof envelope.success === 'boolean';
  if (response.status >= 200 && response.status < 300) {
    if (!isEnvelope && bareIdAnswer && isBareId(envelope)) {
      return { result: envelope as T };
    }
    if (!isEnvelope) {
      const looksHtml = /^\s*</.test(text);
      throw failureToError(
        request,
        'malformed',
        looksHtml ? 'an HTML page came back instead of JSON' : 'the body is not the API v4 envelope',
      );
    }
    if (envelope!.success) {
      return { result: envelope!.result as T, result_info: envelope!.result_info };
    }
  }
  if (response.status >= 500 && !isEnvelope) {
    return throwError(toCloudflareError(request, response.status, []));
  }
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const status = response.status >= 200 && response.status < 300 ? 400 : response.status;
  if (!isEnvelope && ![401, 403, 404, 409, 429].includes(status) && (status < 300 || status >= 400)) {
    return throwError(failureToError(request, 'malformed', `HTTP ${response.status} without the API v4 envelope`));
  }
  return throwError(toCloudflareError(request, status, isEnvelope ? envelopeMessages(envelope!.errors) : [], retryAfter));
}

/** The envelope's errors as Cloudflare documents them ({code, message} objects); anything else is left out. */
function envelopeMessages(errors: unknown): EnvelopeMessage[] {
  if (!Array.isArray(errors)) {
    return [];
  }
  return errors
    .filter((entry): entry is Record<string, unknown> => entry !== null && typeof entry === 'object')
    .map((entry) => ({
      code: typeof entry.code === 'number' ? entry.code : undefined,
      message: typeof entry.message === 'string' ? entry.message : undefined,
    }));
}

/** A list result: `null` or absent is an empty list (Cloudflare sends either for "nothing"). */
export function listOf<T>(result: T[] | null | undefined, request: RequestDescription): T[] {
  if (result === null || result === undefined) {
    return [];
  }
  if (!Array.isArray(result)) {
    throw failureToError(request, 'malformed', 'a list was expected');
  }
  // Every entry of a list is an object; a list holding anything else is not an answer we can read.
  if (result.some((entry) => entry === null || typeof entry !== 'object' || Array.isArray(entry))) {
    throw failureToError(request, 'malformed', 'a list entry is not an object');
  }
  return result;
}

/** `{"id": "…"}` or `{}` (the schema makes id optional), and nothing else. */
function isBareId(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  const entries = Object.entries(value);
  return entries.every(([key, id]) => key === 'id' && typeof id === 'string');
}

function throwError(error: CloudflareError): never {
  throw error;
}

/** Retry-After in seconds or as an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(value.trim())) {
    return Number(value) * 1000;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
