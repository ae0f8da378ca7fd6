import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CloudflareClient } from '../../../src/cloudflare/cloudflareClient';
import {
  CancelledError,
  CloudflareError,
  toCloudflareError,
  type EnvelopeMessage,
  type RequestDescription,
} from '../../../src/cloudflare/errors';
import type { FetchResponse } from '../../../src/cloudflare/fetchLike';
import { harness } from '../cloudflare/clientHarness';

/** How one fake answer behaves: a response, a thrown fetch, or a body that cannot be read. */
type Answer =
  | { readonly kind: 'response'; readonly status: number; readonly retryAfter: string | null; readonly body: string }
  | { readonly kind: 'fetch-throws' | 'text-throws'; readonly thrown: unknown };

const status = fc.oneof(
  fc.constantFrom(200, 201, 202, 204, 301, 302, 304, 400, 401, 403, 404, 409, 429, 500, 502, 503),
  fc.integer({ min: 0, max: 999 }),
);
const retryAfter = fc.option(
  fc.oneof(
    fc.constantFrom(
      '0',
      '1',
      '2.5',
      '120',
      '-5',
      '1e3',
      'Wed, 21 Oct 2015 07:28:00 GMT',
      'Fri, 01 Jan 2100 00:00:00 GMT',
      'soon',
      ' 3 ',
      '99999999999',
    ),
    fc.string({ maxLength: 12 }),
  ),
  { nil: null },
);

/** Cloudflare's error entries as documented: a numeric code and a string message, either missing. */
const documentedErrors = fc.array(
  fc.record({ code: fc.integer({ min: 0, max: 99999 }), message: fc.string({ maxLength: 40 }) }, { requiredKeys: [] }),
  { maxLength: 4 },
);
const anyJson = fc.jsonValue({ maxDepth: 3 });

/** A result as documented: an object, a list of objects, or null; their fields hold anything. */
const record = fc.dictionary(fc.constantFrom('id', 'hostname', 'status', 'name', 'x'), anyJson, { maxKeys: 4 });
const documentedResult = fc.oneof(fc.constant(null), record, fc.array(record, { maxLength: 5 }));

/** Which parts of an envelope are drawn as documented, and which as any JSON at all. */
interface Shapes {
  readonly errors: fc.Arbitrary<unknown>;
  readonly result: fc.Arbitrary<unknown>;
  /** Give each endpoint the kind of result it documents: a list for lists, an object otherwise. */
  readonly perEndpoint: boolean;
}

const LIST_ENDPOINT = /\/(?:zones|hostnames|certificates|custom_hostnames)(?:\?|$)/;

/** An envelope's result made the kind the endpoint documents (a list or one object), fields untouched. */
function documentedKind(url: string, body: string): string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return body;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('result' in value) || value.result === null) {
    return body;
  }
  const result = value.result;
  const list = LIST_ENDPOINT.test(new URL(url).pathname);
  return JSON.stringify({
    ...value,
    result: list ? (Array.isArray(result) ? result : [result]) : Array.isArray(result) ? (result[0] ?? null) : result,
  });
}

function envelope(shapes: Shapes): fc.Arbitrary<string> {
  return fc
    .record(
      {
        success: fc.oneof(fc.boolean(), anyJson),
        errors: shapes.errors,
        messages: fc.constant([]),
        result: shapes.result,
        result_info: fc.oneof(
          anyJson,
          fc.record(
            { page: fc.integer(), per_page: fc.integer(), total_pages: fc.integer(), total_count: fc.integer() },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value));
}

function answers(shapes: Shapes): fc.Arbitrary<Answer> {
  const body = fc.oneof(
    envelope(shapes),
    fc.string({ maxLength: 40 }),
    anyJson.map((value) => JSON.stringify(value)),
    fc.constantFrom('', '<html>502</html>', '{"id":"x"}', 'null', '{"success":true}'),
  );
  const thrown = fc.oneof(
    fc.constant(new Error('socket hang up')),
    fc.constant(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })),
    anyJson,
    fc.constant(undefined),
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ kind: fc.constant('response' as const), status, retryAfter, body }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('fetch-throws' as const, 'text-throws' as const), thrown }) },
  );
}

/** One call of each shape the client has: plain reads, writes, paginated lists, no-result deletes. */
const CALLS: readonly ((client: CloudflareClient) => Promise<unknown>)[] = [
  (client) => client.listHostnameCertificates('zone'),
  (client) => client.getHostnameCertificate('zone', 'cert'),
  (client) => client.uploadHostnameCertificate('zone', { certificate: 'c', private_key: 'k' }),
  (client) => client.deleteHostnameCertificate('zone', 'cert'),
  (client) => client.updateHostnameAssociations('zone', [{ hostname: 'a.example', cert_id: 'cert', enabled: true }]),
  (client) => client.deletePackCertificate('zone', 'host', 'pack', 'cert'),
  (client) => client.listZones(),
  (client) => client.listHostnameAssociations('zone'),
  (client) => client.verifyToken(),
];

/** Runs one call against a fake API that gives the scripted answers in turn (the last one forever). */
async function outcome(
  script: readonly Answer[],
  call: (client: CloudflareClient) => Promise<unknown>,
  perEndpoint: boolean,
): Promise<{ error?: unknown; requests: number }> {
  let requests = 0;
  const { client } = harness('https://api.cloudflare.test/client/v4', {
    around: async (url) => {
      const answer = script[Math.min(requests, script.length - 1)];
      requests += 1;
      if (answer.kind === 'fetch-throws') {
        throw answer.thrown;
      }
      const response: FetchResponse = {
        status: answer.kind === 'response' ? answer.status : 200,
        headers: { get: (name) => (answer.kind === 'response' && name.toLowerCase() === 'retry-after' ? answer.retryAfter : null) },
        text: async () => {
          if (answer.kind !== 'response') {
            throw answer.thrown;
          }
          return perEndpoint ? documentedKind(url, answer.body) : answer.body;
        },
      };
      return response;
    },
  });
  try {
    await call(client);
    return { requests };
  } catch (error) {
    return { error, requests };
  }
}

function assertTyped(error: unknown): void {
  assert.ok(
    error instanceof CloudflareError,
    `not a CloudflareError: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
  );
  assert.ok(error.message.length > 0 && error.name === error.constructor.name);
}

function mappingProperty(shapes: Shapes) {
  return fc.asyncProperty(fc.array(answers(shapes), { minLength: 1, maxLength: 4 }), fc.constantFrom(...CALLS), async (script, call) => {
    const { error, requests } = await outcome(script, call, shapes.perEndpoint);
    if (error !== undefined) {
      assertTyped(error);
      // Nothing here cancels: a CancelledError would be another failure wearing the wrong name.
      assert.ok(
        !(error instanceof CancelledError),
        `${error instanceof Error ? error.message : ''} (cause: ${String((error as Error).cause)})`,
      );
    }
    // Retries and pages are bounded: 1 + 3 retries + 4 rate-limit retries per request, 200 pages.
    assert.ok(requests <= 200 * 8, `${requests} requests`);
  });
}

describe('property: any status, headers and body become a result or a CloudflareError', () => {
  it('toCloudflareError maps any status, messages and Retry-After to a CloudflareError', () => {
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
      path: fc.string({ maxLength: 20 }),
      needs: fc.constantFrom('Zone: Read' as const, 'SSL and Certificates: Edit' as const, 'API Tokens: Read' as const),
    });
    const wait = fc.option(fc.oneof(fc.double(), fc.integer()), { nil: undefined });
    fc.assert(
      fc.property(
        request,
        fc.integer({ min: -1000, max: 2000 }),
        documentedErrors,
        wait,
        (given: RequestDescription, code: number, messages: EnvelopeMessage[], retryAfterMs) => {
          assertTyped(toCloudflareError(given, code, messages, retryAfterMs));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('the client turns any answer with documented errors and result shapes into a result or a CloudflareError', async () => {
    await fc.assert(mappingProperty({ errors: documentedErrors, result: documentedResult, perEndpoint: true }), { numRuns: 2000 });
  });

  // Both failed before the client checked the shapes it reads; counterexamples fast-check found:
  // an `errors` of "" / {} / [null] reported as "The request was cancelled."; `result: [null]` in a list
  // escaping as a TypeError; verifyToken's account fallback reading a non-list as zones.
  it('the client turns an answer whose errors field holds anything into a result or a CloudflareError', async () => {
    await fc.assert(mappingProperty({ errors: anyJson, result: documentedResult, perEndpoint: true }), { numRuns: 1500 });
  });

  it('the client turns an answer whose result holds anything into a result or a CloudflareError', async () => {
    await fc.assert(mappingProperty({ errors: documentedErrors, result: anyJson, perEndpoint: false }), { numRuns: 1500 });
  });
});
