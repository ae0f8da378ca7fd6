import { CloudflareClient, type CloudflareClientOptions } from '../../../src/cloudflare/cloudflareClient';
import type { FetchInit, FetchLike } from '../../../src/cloudflare/fetchLike';

/** What a test can observe of a client: each request it sent, each wait it asked for, each log line. */
export interface Harness {
  readonly client: CloudflareClient;
  readonly sent: { url: string; method: string; headers: Record<string, string> }[];
  readonly sleeps: number[];
  readonly lines: string[];
}

export interface HarnessOptions extends Partial<Omit<CloudflareClientOptions, 'baseUrl' | 'getToken'>> {
  /** Default demo-token; undefined via `noToken`. */
  readonly token?: string;
  readonly noToken?: boolean;
  /** Wraps the recorded fetch (after recording), e.g. to act between pages. */
  readonly around?: (url: string, init: FetchInit, next: FetchLike) => ReturnType<FetchLike>;
}

/**
 * A client over Node's global fetch (recorded), with a sleep that records the wait and returns at
 * once, so retry tests measure the waits the client chose without spending them.
 */
export function harness(baseUrl: string, options: HarnessOptions = {}): Harness {
  const sent: Harness['sent'] = [];
  const sleeps: number[] = [];
  const lines: string[] = [];
  const recorded: FetchLike = (url, init) => {
    sent.push({ url, method: init.method, headers: { ...init.headers } });
    return globalThis.fetch(url, init);
  };
  const around = options.around;
  const fetch: FetchLike = around ? (url, init) => around(url, init, recorded) : recorded;
  const client = new CloudflareClient({
    random: () => 0.5,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      if (signal?.aborted) {
        throw new Error('aborted');
      }
    },
    log: (line) => lines.push(line),
    ...options,
    baseUrl,
    fetch,
    getToken: async () => (options.noToken ? undefined : (options.token ?? 'demo-token')),
  });
  return { client, sent, sleeps, lines };
}

/** Resolves to the rejection of a promise that must reject (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection, got a result');
}
