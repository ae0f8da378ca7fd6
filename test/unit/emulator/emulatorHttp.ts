import type { Emulator } from '../../emulator/emulator';
import type { ZoneRecord } from '../../emulator/emulatorState';
import { createCertificate, type GeneratedCertificate } from '../../fixtures/certificateFactory';

/** The v4 envelope as the emulator sends it; `result` typed by the caller. */
export interface Envelope<T> {
  readonly success: boolean;
  readonly errors: { code: number; message: string }[];
  readonly messages: unknown[];
  readonly result: T;
  readonly result_info?: { page: number; per_page: number; count: number; total_count?: number; total_pages?: number };
}

export interface Answer<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  readonly body: Envelope<T>;
}

export interface CallOptions {
  /** Default demo-token; null sends no Authorization header. */
  readonly token?: string | null;
  readonly body?: unknown;
  /** Sent as-is instead of JSON.stringify(body). */
  readonly rawBody?: string;
  readonly signal?: AbortSignal;
}

/** One request to the emulator over real HTTP (Node's global fetch), nothing of the client involved. */
export async function call<T = Record<string, unknown>>(
  emulator: Emulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer<T>> {
  const token = options.token === undefined ? 'demo-token' : options.token;
  const headers: Record<string, string> = token === null ? {} : { Authorization: `Bearer ${token}` };
  const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`${emulator.baseUrl}${path}`, { method, headers, body: payload, signal: options.signal });
  const text = await response.text();
  let body: Envelope<T>;
  try {
    body = JSON.parse(text) as Envelope<T>;
  } catch {
    body = undefined as unknown as Envelope<T>;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** The origin of the emulator, for its /__emulator/ control endpoints. */
export function controlUrl(emulator: Emulator, command: string): string {
  return `${emulator.baseUrl.replace(/\/client\/v4$/, '')}/__emulator/${command}`;
}

export function zoneNamed(emulator: Emulator, name: string): ZoneRecord {
  const zone = emulator.state.zones.find((candidate) => candidate.name === name);
  if (!zone) {
    throw new Error(`the seed has no zone ${name}`);
  }
  return zone;
}

export const aopPath = (zoneId: string, rest = ''): string => `/zones/${zoneId}/origin_tls_client_auth${rest}`;

export function uploadBody(certificate: GeneratedCertificate): { certificate: string; private_key: string } {
  return { certificate: certificate.certPem, private_key: certificate.key.pkcs8Pem };
}

/** A fresh ECDSA leaf on the process-wide shared key (fast). */
export function leaf(commonName: string): Promise<GeneratedCertificate> {
  return createCertificate({ commonName });
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The first error code of a refusal, with the status, for one-line assertions. */
export function refusal(answer: Answer<unknown>): { status: number; code: number | undefined; success: boolean | undefined } {
  return { status: answer.status, code: answer.body?.errors?.[0]?.code, success: answer.body?.success };
}
