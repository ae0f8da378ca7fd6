import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ContractValidator, ContractViolation } from '../contract/openapiValidator';
import { ApiFailure } from './apiFailure';
import { EmulatorState, type TokenRecord } from './emulatorState';
import { FaultInjector, type FaultRule } from './faultInjector';
import { RequestLog, scrubBody } from './requestLog';
import { findRoute, type RouteResult } from './routes';
import { seedDemo, seedEmpty, seedScale, type ScaleSeed } from './seeds';
import { ANSWER_THEN_FAULT, inject, trickle } from './faultAnswers';
import { serviceFailure, ZONE_CONFLICT_CODE, ZoneWrites } from './serviceCodes';
import { answerBytes, envelope, readBody, sendJson } from './wire';

export type { FaultRule } from './faultInjector';
export type { ScaleSeed } from './seeds';

export interface EmulatorOptions {
  /** 0 = any free port. */
  readonly port?: number;
  readonly seed?: 'demo' | 'empty' | ScaleSeed;
  /** Added before every /client/v4 answer. */
  readonly latencyMs?: number;
  /** How long initializing / pending_deployment / pending_deletion last. */
  readonly transitionMs?: number;
  /** Per token; Cloudflare's is 1,200 per 5 minutes. */
  readonly rateLimit?: { readonly requests: number; readonly windowMs: number };
  /** When given, every request and answer is validated against Cloudflare's schema. */
  readonly validator?: ContractValidator;
  /** How long a new or moved hostname association stays pending_deployment (default transitionMs). */
  readonly associationTransitionMs?: number;
  /** Answer an empty list with `result: null`, as Cloudflare may (default false). */
  readonly emptyListsAsNull?: boolean;
  /** A write to a zone while another write to it is unanswered gets 409 (default true). */
  readonly zoneWriteConflicts?: boolean;
}

/** Documented service behaviour that tests may switch while the emulator runs (also POST /__emulator/quirks). */
export interface EmulatorQuirks {
  emptyListsAsNull: boolean;
  zoneWriteConflicts: boolean;
}

export interface Emulator {
  /** http://127.0.0.1:<port>/client/v4 */
  readonly baseUrl: string;
  readonly port: number;
  readonly state: EmulatorState;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly contractViolations: ContractViolation[];
  /** Added before every answer; changeable while running (also POST /__emulator/latency). */
  latencyMs: number;
  readonly quirks: EmulatorQuirks;
  stats(): { total: number; peakConcurrent: number; inFlight: number };
  resetStats(): void;
  /** Replaces the whole account with a fresh seed (keeps port, faults cleared, log cleared). */
  reset(seed: 'demo' | 'empty' | ScaleSeed): Promise<void>;
  close(): Promise<void>;
}

const PREFIX = '/client/v4';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A stateful Cloudflare API v4 for the endpoints this extension uses, on 127.0.0.1: the v4 envelope,
 * Cloudflare's rules, tokens with permissions, a per-token rate limit, latency and faults on demand.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const newState = () => {
    const fresh = new EmulatorState(options.transitionMs ?? 1500);
    fresh.associationTransitionOverride = options.associationTransitionMs;
    return fresh;
  };
  let state = newState();
  const faults = new FaultInjector();
  const zoneWrites = new ZoneWrites();
  const log = new RequestLog();
  const contractViolations: ContractViolation[] = [];
  const rate = options.rateLimit ?? { requests: 1200, windowMs: 300_000 };
  const sentByToken = new Map<string, number[]>();
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let peakConcurrent = 0;
  let total = 0;

  const seed = async (which: 'demo' | 'empty' | ScaleSeed) => {
    state = newState();
    if (which === 'demo') {
      await seedDemo(state);
    } else if (which === 'empty') {
      seedEmpty(state);
    } else {
      await seedScale(state, which);
    }
  };
  await seed(options.seed ?? 'demo');

  const emulator: Emulator = {
    baseUrl: '',
    port: 0,
    get state() {
      return state;
    },
    faults,
    log,
    contractViolations,
    latencyMs: options.latencyMs ?? 0,
    quirks: { emptyListsAsNull: options.emptyListsAsNull ?? false, zoneWriteConflicts: options.zoneWriteConflicts ?? true },
    stats: () => ({ total, peakConcurrent, inFlight }),
    resetStats: () => {
      total = 0;
      peakConcurrent = inFlight;
    },
    reset: async (which) => {
      faults.clear();
      log.clear();
      sentByToken.clear();
      await seed(which);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };

  const server = http.createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        sendJson(response, 500, envelope(false, null, [{ code: 10001, message: `Emulator failure: ${String(error)}` }]));
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(request);
    if (url.pathname.startsWith('/__emulator/')) {
      return control(url.pathname.slice('/__emulator/'.length), request.method ?? 'GET', raw, response);
    }
    if (!url.pathname.startsWith(`${PREFIX}/`)) {
      return sendJson(response, 404, envelope(false, null, [{ code: 7000, message: 'No route for that URI' }]));
    }
    const method = request.method ?? 'GET';
    const path = url.pathname.slice(PREFIX.length);
    const token = tokenOf(request.headers.authorization);
    let parsed: unknown;
    let badJson = false;
    if (raw.length > 0) {
      try {
        parsed = JSON.parse(raw);
      } catch {
        badJson = true;
      }
    }
    const entry = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: scrubBody(parsed),
      token: token?.label ?? (request.headers.authorization ? '<unknown>' : '<none>'),
      status: 0,
      startedAt: Date.now(),
      endedAt: 0,
    };
    const fault = faults.take(method, path, url.search.slice(1), token?.label);
    log.add(fault ? { ...entry, fault: fault.kind } : entry);
    const logged = log.entries()[log.entries().length - 1] as { status: number; endedAt: number };
    total += 1;
    inFlight += 1;
    peakConcurrent = Math.max(peakConcurrent, inFlight);
    // Taken on arrival, so a write that overlaps another on the same zone meets Cloudflare's 409.
    const write =
      emulator.quirks.zoneWriteConflicts && (!fault || ANSWER_THEN_FAULT.has(fault.kind))
        ? zoneWrites.begin(method, path)
        : { conflict: false, end: () => undefined };
    try {
      if (emulator.latencyMs > 0) {
        await sleep(emulator.latencyMs);
      }
      const routed = findRoute(method, path);
      if (options.validator && 'route' in routed) {
        recordViolations(options.validator.validateRequest(method, routed.route.template, url.searchParams, badJson ? raw : parsed));
      }
      if (fault && !ANSWER_THEN_FAULT.has(fault.kind)) {
        logged.status = await inject(fault, response);
        return;
      }
      const { status, body, headers } = answer(method, url.searchParams, parsed, badJson, token, routed, write.conflict);
      if (fault?.kind === 'commitThenDrop') {
        logged.status = -1;
        response.socket?.destroy();
        return;
      }
      if (fault?.kind === 'commitThenHtmlError') {
        logged.status = await inject({ ...fault, kind: 'htmlError' }, response);
        return;
      }
      if (fault?.kind === 'lyingResultInfo' && body.result_info) {
        const info = body.result_info as Record<string, number>;
        body.result_info =
          fault.mode === 'inflateTotalPages'
            ? { ...info, total_pages: 10_000, total_count: 10_000 * info.per_page }
            : { page: info.page, per_page: info.per_page, count: info.count };
      }
      // A null list is a documented deviation from the schema (README), so it is not reported as a violation.
      const nulled =
        status < 300 &&
        Array.isArray(body.result) &&
        (fault?.kind === 'nullResult' || (emulator.quirks.emptyListsAsNull && body.result.length === 0));
      if (nulled) {
        body.result = null;
      }
      if (options.validator && 'route' in routed && !nulled) {
        recordViolations(options.validator.validateResponse(method, routed.route.template, status, body));
      }
      logged.status = status;
      if (fault?.kind === 'slowBody') {
        await trickle(response, status, answerBytes(body).toString(), fault.delayMs ?? 1000, headers);
      } else {
        sendJson(response, status, body, { ...rateHeaders(token), ...headers });
      }
    } finally {
      write.end();
      inFlight -= 1;
      logged.endedAt = Date.now();
    }
  }

  function recordViolations(violations: readonly ContractViolation[]): void {
    contractViolations.push(...violations);
  }

  function tokenOf(header: string | undefined): TokenRecord | undefined {
    const match = /^Bearer (.+)$/.exec(header ?? '');
    return match ? state.tokens.get(match[1]) : undefined;
  }

  function answer(
    method: string,
    query: URLSearchParams,
    parsed: unknown,
    badJson: boolean,
    token: TokenRecord | undefined,
    routed: ReturnType<typeof findRoute>,
    zoneBusy: boolean,
  ): { status: number; body: Record<string, unknown>; headers?: Record<string, string> } {
    try {
      if (!token || token.status !== 'active') {
        throw new ApiFailure(401, 10000, 'Authentication error');
      }
      const limited = rateLimited(token);
      if (limited !== undefined) {
        throw new ApiFailure(429, 971, 'Please wait and consider throttling your request speed', { 'Retry-After': String(limited) });
      }
      if (!('route' in routed)) {
        throw routed.pathExists
          ? new ApiFailure(405, 10405, `Method ${method} not allowed`)
          : new ApiFailure(404, 7000, 'No route for that URI');
      }
      if (
        (routed.route.access === 'read' && !token.permissions.zoneRead) ||
        (routed.route.access === 'edit' && !token.permissions.sslEdit)
      ) {
        throw new ApiFailure(403, 10000, 'Authentication error');
      }
      if (badJson) {
        throw new ApiFailure(400, 6007, 'Malformed JSON in request body');
      }
      if (zoneBusy) {
        throw serviceFailure({ status: 409, code: ZONE_CONFLICT_CODE });
      }
      const result: RouteResult = routed.route.handle({ params: routed.params, query, body: parsed, token, state });
      if (result.bare) {
        return { status: result.status ?? 200, body: result.result as Record<string, unknown> };
      }
      const body = envelope(true, result.result, []);
      if (result.resultInfo) {
        body.result_info = result.resultInfo;
      }
      return { status: result.status ?? 200, body };
    } catch (error) {
      if (error instanceof ApiFailure) {
        return {
          status: error.status,
          body: envelope(false, null, [{ code: error.code, message: error.message }]),
          headers: error.headers,
        };
      }
      throw error;
    }
  }

  /** Seconds until the token may call again, or undefined while under the limit. */
  function rateLimited(token: TokenRecord): number | undefined {
    const now = Date.now();
    const sent = (sentByToken.get(token.value) ?? []).filter((time) => time > now - rate.windowMs);
    sentByToken.set(token.value, sent);
    if (sent.length >= rate.requests) {
      return Math.max(1, Math.ceil((sent[0] + rate.windowMs - now) / 1000));
    }
    sent.push(now);
    return undefined;
  }

  function rateHeaders(token: TokenRecord | undefined): Record<string, string> {
    const used = token ? (sentByToken.get(token.value)?.length ?? 0) : 0;
    const windowSeconds = Math.round(rate.windowMs / 1000);
    return {
      Ratelimit: `"default";r=${Math.max(0, rate.requests - used)};t=${windowSeconds}`,
      'Ratelimit-Policy': `"default";q=${rate.requests};w=${windowSeconds}`,
    };
  }

  async function control(command: string, method: string, raw: string, response: http.ServerResponse): Promise<void> {
    const input = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (command === 'faults' && method === 'POST') {
      faults.add({ ...(input as unknown as FaultRule), times: input.times === null ? Infinity : (input.times as number | undefined) });
    } else if (command === 'faults' && method === 'DELETE') {
      faults.clear();
    } else if (command === 'log' && method === 'GET') {
      return sendJson(response, 200, { entries: log.entries() });
    } else if (command === 'log' && method === 'DELETE') {
      log.clear();
    } else if (command === 'stats' && method === 'DELETE') {
      emulator.resetStats();
    } else if (command === 'stats') {
      return sendJson(response, 200, emulator.stats());
    } else if (command === 'latency' && method === 'POST') {
      emulator.latencyMs = Number(input.ms ?? 0);
    } else if (command === 'reset' && method === 'POST') {
      await emulator.reset((input.seed as 'demo' | 'empty' | undefined) ?? 'demo');
    } else if (command === 'quirks' && method === 'POST') {
      Object.assign(emulator.quirks, pickQuirks(input));
    } else if (command === 'associations' && method === 'GET') {
      return sendJson(response, 200, {
        zones: state.zones.map((zone) => ({ id: zone.id, name: zone.name, associations: state.associationViews(zone.id) })),
      });
    } else if (command === 'state') {
      return sendJson(response, 200, {
        zones: state.zones.length,
        aopCertificates: state.aopCertificates.length,
        associations: state.associations.length,
        customHostnames: state.customHostnames.length,
      });
    } else {
      return sendJson(response, 404, { error: `unknown control ${method} ${command}` });
    }
    sendJson(response, 200, { ok: true });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  Object.assign(emulator, { port, baseUrl: `http://127.0.0.1:${port}${PREFIX}` });
  return emulator;
}

function pickQuirks(input: Record<string, unknown>): Partial<EmulatorQuirks> {
  const picked: Partial<EmulatorQuirks> = {};
  for (const name of ['emptyListsAsNull', 'zoneWriteConflicts'] as const) {
    if (typeof input[name] === 'boolean') {
      picked[name] = input[name];
    }
  }
  return picked;
}
