import type * as http from 'node:http';

/** The emulator's HTTP plumbing: the v4 envelope and JSON answers. */
export function envelope(success: boolean, result: unknown, errors: { code: number; message: string }[]): Record<string, unknown> {
  return { success, errors, messages: [], result };
}

export function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
