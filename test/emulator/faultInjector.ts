/**
 * Faults a test asks for, matched against each /client/v4 request in order. A rule applies to the
 * next `times` matching requests (default 1), after letting `skip` of them through.
 */
export type FaultKind =
  | 'rateLimit' // 429, with Retry-After: retryAfterSeconds (no header when null)
  | 'serverError' // status (default 500) with a v4 error envelope
  | 'htmlError' // 502 text/html, like a proxy's error page
  | 'malformedJson' // 200 with a truncated JSON body
  | 'notEnvelope' // 200 JSON that is not the v4 envelope
  | 'drop' // the socket is destroyed before any answer
  | 'dropMidBody' // headers and half the body, then the socket is destroyed
  | 'slowBody' // the body trickles out over delayMs
  | 'hang' // never answers; the client must time out
  | 'commitThenDrop' // the change is made, then the socket is destroyed without an answer
  | 'commitThenHtmlError' // the change is made, then a proxy's HTML 502 page is the answer
  | 'lyingResultInfo' // a list's result_info omits total_pages (mode omitTotalPages) or inflates it (inflateTotalPages)
  | 'serviceError' // a Cloudflare service code (code, default 1434) with its status (or status), nothing applied
  | 'nullResult'; // a successful list answers `result: null` (what Cloudflare sends for "nothing")

export interface FaultRule {
  readonly kind: FaultKind;
  readonly method?: string;
  /** A regular expression (source) matched against the path below /client/v4. */
  readonly path?: string;
  /** Also matched against the query string, e.g. "page=2". */
  readonly query?: string;
  /** Only requests made with the token of this label (so one client's requests can be singled out). */
  readonly token?: string;
  /** Matching requests, counted after `skip`; Infinity for every one. */
  readonly times?: number;
  /** Matching requests let through before the rule starts applying. */
  readonly skip?: number;
  readonly status?: number;
  readonly retryAfterSeconds?: number | null;
  readonly delayMs?: number;
  readonly mode?: 'omitTotalPages' | 'inflateTotalPages';
  /** serviceError: Cloudflare's code (see serviceCodes.ts) and, optionally, its own words. */
  readonly code?: number;
  readonly message?: string;
  /** The rule lets requests through until this long after it was added ("the zone gets busy in a moment"). */
  readonly afterMs?: number;
  /** The rule stops applying this long after it was added (with times: Infinity, "busy for 300 ms"). */
  readonly forMs?: number;
}

interface ActiveRule {
  readonly rule: FaultRule;
  readonly addedAt: number;
  remaining: number;
  skip: number;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  add(rule: FaultRule): void {
    this.rules.push({ rule, addedAt: this.now(), remaining: rule.times ?? 1, skip: rule.skip ?? 0 });
  }

  clear(): void {
    this.rules = [];
  }

  get active(): readonly FaultRule[] {
    return this.rules.map((entry) => entry.rule);
  }

  /** The fault for this request, if one applies (and counts it). */
  take(method: string, path: string, query: string, token?: string): FaultRule | undefined {
    const now = this.now();
    this.rules = this.rules.filter((entry) => entry.rule.forMs === undefined || now < entry.addedAt + entry.rule.forMs);
    for (const entry of this.rules) {
      const { rule } = entry;
      if (rule.afterMs !== undefined && now < entry.addedAt + rule.afterMs) {
        continue;
      }
      if (rule.method && rule.method.toUpperCase() !== method) {
        continue;
      }
      if (rule.path && !new RegExp(rule.path).test(path)) {
        continue;
      }
      if (rule.query && !new RegExp(rule.query).test(query)) {
        continue;
      }
      if (rule.token !== undefined && rule.token !== token) {
        continue;
      }
      if (entry.skip > 0) {
        entry.skip -= 1;
        continue;
      }
      entry.remaining -= 1;
      if (entry.remaining <= 0) {
        this.rules = this.rules.filter((candidate) => candidate !== entry);
      }
      return rule;
    }
    return undefined;
  }
}
