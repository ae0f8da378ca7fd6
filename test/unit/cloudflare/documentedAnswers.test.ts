import * as assert from 'node:assert/strict';
import { CloudflareClient } from '../../../src/cloudflare/cloudflareClient';
import {
  AlreadyExistsError,
  AuthError,
  CloudflareApiError,
  CloudflareError,
  isNotNow,
  MalformedResponseError,
  NotFoundError,
  NotNowError,
  PermissionError,
  RateLimitError,
  ServerError,
} from '../../../src/cloudflare/errors';
import type { FetchLike } from '../../../src/cloudflare/fetchLike';
import { documentedExamples } from '../../contract/docsExamples';

/**
 * For every endpoint the client calls: each answer the reference pages (docs/*.md), the schema
 * (openapi.json: 200/202 and 4XX for each) and the API README say it can give, and what the client
 * makes of it. Always a result or a typed CloudflareError, never an exception of another kind.
 */
type ErrorClass = new (...args: never[]) => CloudflareError;
type Expected = 'list' | 'object' | 'nothing' | ErrorClass;

interface Answer {
  readonly label: string;
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
  readonly expect: Expected;
}

interface Endpoint {
  readonly method: string;
  readonly template: string;
  readonly call: (client: CloudflareClient) => Promise<unknown>;
  readonly kind: 'list' | 'object' | 'nothing';
  /** Extra success answers beyond the documented example / a plain envelope. */
  readonly alsoSucceeds?: readonly Answer[];
  /** Service codes the README names for this endpoint (400 unless the code has its own status). */
  readonly codes: readonly number[];
}

const envelope = (result: unknown, extra: Record<string, unknown> = {}) => ({ success: true, errors: [], messages: [], result, ...extra });
const failure = (code: number, message = 'refused') => ({ success: false, errors: [{ code, message }], messages: [], result: null });
const Z = '023e105f4ecef8ad9ca31a8372d0c353';
const CERTS = '/zones/{zone_id}/origin_tls_client_auth/hostnames/certificates';
const PACK = '/zones/{zone_id}/custom_hostnames/{custom_hostname_id}/certificate_pack/{certificate_pack_id}/certificates/{certificate_id}';
const PEM = { certificate: 'pem', private_key: 'key' };
const nullLists = (): Answer[] => [
  { label: 'result null (an empty list)', status: 200, body: envelope(null), expect: 'list' },
  { label: 'result left out', status: 200, body: { success: true, errors: [], messages: [] }, expect: 'list' },
  { label: 'result an object instead of a list', status: 200, body: envelope({ id: Z }), expect: MalformedResponseError },
];

const ENDPOINTS: readonly Endpoint[] = [
  { method: 'GET', template: '/user/tokens/verify', kind: 'object', call: (client) => client.verifyToken(), codes: [] },
  { method: 'GET', template: '/zones', kind: 'list', call: (client) => client.listZones(), alsoSucceeds: nullLists(), codes: [] },
  {
    method: 'GET',
    template: CERTS,
    kind: 'list',
    call: (client) => client.listHostnameCertificates(Z),
    alsoSucceeds: nullLists(),
    codes: [],
  },
  {
    method: 'POST',
    template: CERTS,
    kind: 'object',
    call: (client) => client.uploadHostnameCertificate(Z, PEM),
    codes: [1406, 1408, 1412, 1002, 2106, 2200],
  },
  {
    method: 'GET',
    template: `${CERTS}/{certificate_id}`,
    kind: 'object',
    call: (client) => client.getHostnameCertificate(Z, Z),
    codes: [1415],
  },
  {
    method: 'DELETE',
    template: `${CERTS}/{certificate_id}`,
    kind: 'object',
    call: (client) => client.deleteHostnameCertificate(Z, Z),
    codes: [1414, 1415, 1433, 1305],
  },
  {
    method: 'GET',
    template: '/zones/{zone_id}/origin_tls_client_auth/hostnames',
    kind: 'list',
    call: (client) => client.listHostnameAssociations(Z),
    alsoSucceeds: nullLists(),
    codes: [],
  },
  {
    method: 'GET',
    template: '/zones/{zone_id}/origin_tls_client_auth/hostnames/{hostname}',
    kind: 'object',
    call: (client) => client.getHostnameAssociation(Z, 'a.example.com'),
    codes: [],
  },
  {
    method: 'PUT',
    template: '/zones/{zone_id}/origin_tls_client_auth/hostnames',
    kind: 'list',
    call: (client) => client.updateHostnameAssociations(Z, [{ hostname: 'a.example.com', cert_id: Z, enabled: true }]),
    alsoSucceeds: nullLists(),
    codes: [1414, 1415, 1434],
  },
  {
    method: 'GET',
    template: '/zones/{zone_id}/origin_tls_client_auth/settings',
    kind: 'object',
    call: (client) => client.getAopSettings(Z),
    codes: [],
  },
  {
    method: 'PUT',
    template: '/zones/{zone_id}/origin_tls_client_auth/settings',
    kind: 'object',
    call: (client) => client.setAopSettings(Z, true),
    codes: [],
  },
  {
    method: 'GET',
    template: '/zones/{zone_id}/custom_hostnames',
    kind: 'list',
    call: (client) => client.listCustomHostnames(Z),
    alsoSucceeds: nullLists(),
    codes: [],
  },
  {
    method: 'GET',
    template: '/zones/{zone_id}/custom_hostnames/{custom_hostname_id}',
    kind: 'object',
    call: (client) => client.getCustomHostname(Z, Z),
    codes: [],
  },
  {
    method: 'PUT',
    template: PACK,
    kind: 'object',
    call: (client) => client.replacePackCertificate(Z, Z, Z, Z, { custom_certificate: 'pem', custom_key: 'key' }),
    codes: [1228, 1408, 1002, 2106, 2200],
  },
  {
    method: 'DELETE',
    template: PACK,
    kind: 'nothing',
    call: (client) => client.deletePackCertificate(Z, Z, Z, Z),
    alsoSucceeds: [
      {
        label: '202 envelope with {id} (the form the README says to accept too)',
        status: 202,
        body: envelope({ id: Z }),
        expect: 'nothing',
      },
      { label: '202 bare {} (id is optional in the schema)', status: 202, body: {}, expect: 'nothing' },
      { label: '202 bare object with more than an id', status: 202, body: { id: Z, colour: 'blue' }, expect: MalformedResponseError },
    ],
    codes: [1305],
  },
];

/** A plain success for endpoints without a reference page: the schema's envelope with a small result. */
const PLAIN_RESULTS: Record<string, unknown> = {
  '/user/tokens/verify': { id: Z, status: 'active' },
  '/zones': [{ id: Z, name: 'example.com' }],
  '/zones/{zone_id}/origin_tls_client_auth/hostnames': [{ hostname: 'a.example.com', cert_id: Z, status: 'active', enabled: true }],
  '/zones/{zone_id}/origin_tls_client_auth/hostnames/{hostname}': {
    hostname: 'a.example.com',
    cert_id: Z,
    status: 'pending_deployment',
    enabled: true,
  },
  '/zones/{zone_id}/origin_tls_client_auth/settings': { enabled: true },
  '/zones/{zone_id}/custom_hostnames': [{ id: Z, hostname: 'app.example.com', ssl: { id: Z, status: 'active' } }],
  '/zones/{zone_id}/custom_hostnames/{custom_hostname_id}': { id: Z, hostname: 'app.example.com', ssl: { id: Z, status: 'active' } },
};

/** What each service code becomes, with the status it comes with. */
const CODE_ANSWERS: Record<number, { status: number; expect: ErrorClass }> = {
  971: { status: 429, expect: RateLimitError },
  1406: { status: 400, expect: AlreadyExistsError },
  1414: { status: 400, expect: NotNowError },
  1434: { status: 400, expect: NotNowError },
};

function answersFor(endpoint: Endpoint): Answer[] {
  const documented = documentedExamples().find((example) => example.method === endpoint.method && example.template === endpoint.template);
  const success = documented?.response ?? envelope(PLAIN_RESULTS[endpoint.template]);
  const successStatus = endpoint.template === PACK ? 202 : 200;
  const common: Answer[] = [
    {
      label: documented ? `the documented example (${documented.page})` : 'a success envelope',
      status: successStatus,
      body: success,
      expect: endpoint.kind,
    },
    ...(endpoint.alsoSucceeds ?? []),
    { label: '401 authentication error', status: 401, body: failure(10000, 'Authentication error'), expect: AuthError },
    { label: '403 missing permission', status: 403, body: failure(10000, 'Authentication error'), expect: PermissionError },
    { label: '404 no route / no such item', status: 404, body: failure(7003, 'No route for that URI'), expect: NotFoundError },
    { label: '409 another change on the zone', status: 409, body: failure(1409, 'conflict'), expect: NotNowError },
    {
      label: '429 with 971 and Retry-After',
      status: 429,
      body: failure(971, 'Please wait and consider throttling your request speed'),
      headers: { 'retry-after': '1' },
      expect: RateLimitError,
    },
    { label: '400 with 971 (rate limited, other status)', status: 400, body: failure(971), expect: RateLimitError },
    { label: '4XX with a code nobody mapped', status: 400, body: failure(9999, 'Something new'), expect: CloudflareApiError },
    { label: '500 error envelope', status: 500, body: failure(10002, 'An unknown error has occurred'), expect: ServerError },
    { label: '502 HTML page', status: 502, body: '<html>bad gateway</html>', expect: ServerError },
    { label: '200 HTML page', status: 200, body: '<html>captive portal</html>', expect: MalformedResponseError },
    { label: '200 truncated JSON', status: 200, body: '{"success":true,"res', expect: MalformedResponseError },
  ];
  const codes = endpoint.codes.map((code): Answer => {
    const known = CODE_ANSWERS[code] ?? { status: 400, expect: CloudflareApiError };
    return { label: `${known.status} with ${code}`, status: known.status, body: failure(code), expect: known.expect };
  });
  // The bare form is accepted for the one endpoint documented to use it, and nowhere else.
  const bare: Answer[] =
    endpoint.kind === 'nothing'
      ? []
      : [
          {
            label: '2xx bare {id} (only the pack DELETE answers so)',
            status: successStatus,
            body: { id: Z },
            expect: MalformedResponseError,
          },
        ];
  return [...common, ...bare, ...codes];
}

function fakeFetch(answer: Answer): FetchLike {
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const headers = answer.headers ?? {};
  return async () => ({
    status: answer.status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    text: async () => text,
  });
}

describe('documented answers of every endpoint the client calls', () => {
  it('covers all 15 client calls (every endpoint of the README in scope)', () => {
    assert.equal(ENDPOINTS.length, 15);
    assert.equal(new Set(ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.template}`)).size, 15);
  });

  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.method} ${endpoint.template}`, async () => {
      for (const answer of answersFor(endpoint)) {
        const client = new CloudflareClient({
          baseUrl: 'https://api.cloudflare.com/client/v4',
          getToken: async () => 'token',
          fetch: fakeFetch(answer),
          sleep: async () => undefined,
          maxRetryWaitMs: 5_000,
        });
        const what = `${endpoint.method} ${endpoint.template}, ${answer.label}`;
        let value: unknown;
        let error: unknown;
        try {
          value = await endpoint.call(client);
        } catch (caught) {
          error = caught;
        }
        if (typeof answer.expect === 'string') {
          assert.equal(error, undefined, `${what}: ${String(error)}`);
          const kind =
            answer.expect === 'list'
              ? Array.isArray(value)
              : answer.expect === 'nothing'
                ? value === undefined
                : value !== null && typeof value === 'object';
          assert.ok(kind, `${what}: resolved to ${JSON.stringify(value)}`);
        } else {
          assert.ok(
            error instanceof answer.expect,
            `${what}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
          );
          assert.equal(isNotNow(error), answer.expect === NotNowError, `${what}: isNotNow`);
          assert.ok((error as CloudflareError).message.length > 0);
        }
      }
    });
  }
});
