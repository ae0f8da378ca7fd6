// How each injected fault answers on the wire; faultInjector.ts decides which request gets one.
import type * as http from 'node:http';
import type { FaultRule } from './faultInjector';
import { serviceFailure } from './serviceCodes';
import { envelope, sendJson } from './wire';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Faults applied to the emulator's real answer (the change is made); the others replace the answer. */
export const ANSWER_THEN_FAULT = new Set<FaultRule['kind']>([
  'commitThenDrop',
  'commitThenHtmlError',
  'lyingResultInfo',
  'slowBody',
  'nullResult',
]);

/** Answers with the fault instead of the API; returns the status logged (-1 for no answer). */
export async function inject(fault: FaultRule, response: http.ServerResponse): Promise<number> {
  switch (fault.kind) {
    case 'rateLimit': {
      const headers: Record<string, string> =
        fault.retryAfterSeconds === null ? {} : { 'Retry-After': String(fault.retryAfterSeconds ?? 1) };
      sendJson(
        response,
        429,
        envelope(false, null, [{ code: 971, message: 'Please wait and consider throttling your request speed' }]),
        headers,
      );
      return 429;
    }
    case 'serverError': {
      const status = fault.status ?? 500;
      sendJson(response, status, envelope(false, null, [{ code: 10002, message: 'An unknown error has occurred' }]));
      return status;
    }
    case 'htmlError': {
      const html =
        '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>cloudflare</p></body></html>';
      response.writeHead(fault.status ?? 502, { 'Content-Type': 'text/html' });
      response.end(html);
      return fault.status ?? 502;
    }
    case 'malformedJson':
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"success":true,"errors":[],"messages":[],"result":[{"id":"');
      return 200;
    case 'serviceError': {
      const failure = serviceFailure(fault);
      sendJson(response, failure.status, envelope(false, null, [{ code: failure.code, message: failure.message }]), failure.headers);
      return failure.status;
    }
    case 'notEnvelope':
      sendJson(response, 200, { message: 'hello from a captive portal' });
      return 200;
    case 'drop':
      response.socket?.destroy();
      return -1;
    case 'dropMidBody': {
      const text = JSON.stringify(envelope(true, [{ id: 'x'.repeat(32) }], []));
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      response.write(text.slice(0, Math.floor(text.length / 2)));
      await sleep(20);
      response.socket?.destroy();
      return -1;
    }
    case 'hang':
      await new Promise<void>((resolve) => response.on('close', () => resolve()));
      return -1;
    default:
      return -1;
  }
}

export async function trickle(
  response: http.ServerResponse,
  status: number,
  text: string,
  durationMs: number,
  headers: Record<string, string> = {},
): Promise<void> {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  const pieces = 10;
  const size = Math.ceil(text.length / pieces);
  for (let index = 0; index < pieces && !response.destroyed; index += 1) {
    response.write(text.slice(index * size, (index + 1) * size));
    await sleep(durationMs / pieces);
  }
  response.end();
}
