/**
 * The part of fetch the client uses. node-fetch 3 (what the extension injects) and Node's global
 * fetch (what tests may inject, wrapped to observe requests) both satisfy it.
 */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** Always 'manual': a redirect must never carry the token to another host. */
  redirect: 'manual';
}

export interface FetchResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  /** The body as it arrives (node-fetch: a Node stream; Node's fetch: a web stream), when there is one. */
  readonly body?: unknown;
  text(): Promise<string>;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;
