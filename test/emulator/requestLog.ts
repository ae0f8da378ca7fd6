/** Every /client/v4 request the emulator saw, for tests that assert what was (or was not) sent. */
export interface LoggedRequest {
  readonly method: string;
  /** Below /client/v4, without the query. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Parsed JSON body, if any. Private keys in it are replaced, so the log itself holds no secret. */
  readonly body: unknown;
  /** The label of a known token, '<unknown>' or '<none>': never the raw token. */
  readonly token: string;
  status: number;
  readonly startedAt: number;
  endedAt: number;
  /** The fault injected into this request, if any. */
  readonly fault?: string;
}

export class RequestLog {
  private list: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.list.push(entry);
  }

  entries(): readonly LoggedRequest[] {
    return this.list;
  }

  /** Requests that change something. */
  writes(): readonly LoggedRequest[] {
    return this.list.filter((entry) => entry.method !== 'GET');
  }

  clear(): void {
    this.list = [];
  }
}

/** Replaces key material in a logged body. */
export function scrubBody(body: unknown): unknown {
  if (!body || typeof body !== 'object') {
    return body;
  }
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const field of ['private_key', 'custom_key']) {
    if (typeof copy[field] === 'string') {
      copy[field] = `[${(copy[field] as string).length} characters]`;
    }
  }
  return copy;
}
