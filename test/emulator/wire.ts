import type * as http from 'node:http';

/** The emulator's HTTP plumbing: the v4 envelope and JSON answers. */
export function envelope(success: boolean, result: unknown, errors: { code: number; message: string }[]): Record<string, unknown> {
  return { success, errors, messages: [], result };
}

/**
 * Answer objects whose JSON text is already known, as UTF-8. A page of 1,000 custom hostnames is
 * 1.9 MB, and serialising and encoding it anew for every request made the emulator, not the client,
 * the slowest part of a scan: a list's entries are serialised once (responseShapes.ts) and joined.
 */
const knownBytes = new WeakMap<object, Buffer>();

/** The object, with its JSON text noted for answers that list it. It must not change afterwards. */
export function withKnownText<T extends object>(value: T): T {
  knownBytes.set(value, Buffer.from(JSON.stringify(value)));
  return value;
}

const LIST_MARK = '\u0000list\u0000';
const COMMA = Buffer.from(',');

/** JSON.stringify(body) as UTF-8, joining the known texts of the entries of its `result` list. */
export function answerBytes(body: unknown): Buffer {
  const list = typeof body === 'object' && body !== null ? (body as { result?: unknown }).result : undefined;
  const known = Array.isArray(list)
    ? list.map((entry: unknown) => (typeof entry === 'object' && entry !== null ? knownBytes.get(entry) : undefined))
    : [];
  if (known.length === 0 || known.includes(undefined)) {
    return Buffer.from(JSON.stringify(body));
  }
  const around = JSON.stringify({ ...(body as object), result: LIST_MARK }).split(JSON.stringify(LIST_MARK));
  if (around.length !== 2) {
    return Buffer.from(JSON.stringify(body));
  }
  const [before, after] = around;
  const pieces: Buffer[] = [Buffer.from(`${before}[`)];
  known.forEach((bytes, index) => pieces.push(...(index > 0 ? [COMMA, bytes!] : [bytes!])));
  pieces.push(Buffer.from(`]${after}`));
  return Buffer.concat(pieces);
}

export function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const bytes = answerBytes(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': bytes.length, ...headers });
  response.end(bytes);
}

export async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
