import * as assert from 'node:assert/strict';
import { ContractValidator } from '../../contract/openapiValidator';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import { ROUTES } from '../../emulator/routes';
import { openapiDocument } from '../../support/openapi';
import { createCertificate } from '../../fixtures/certificateFactory';
import { aopPath, call, leaf, uploadBody, zoneNamed, type CallOptions } from './emulatorHttp';

interface Exchange {
  readonly method: string;
  readonly template: string;
  readonly path: string;
  readonly options: CallOptions;
  readonly status: number;
  readonly body: unknown;
}

const CERTS = '/zones/{zone_id}/origin_tls_client_auth/hostnames/certificates';
const MISSING = '0123456789abcdef0123456789abcdef';

// The contract itself: Cloudflare's schema accepts what the emulator answers for every operation, and
// rejects what it should. A second validator (not the emulator's) checks the captured exchanges.
describe('contract validator over the emulator', () => {
  const direct = new ContractValidator();
  const exchanges: Exchange[] = [];
  let emulator: Emulator;

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo', transitionMs: 50, validator: new ContractValidator() });
    const send = async (method: string, template: string, path: string, options: CallOptions = {}) => {
      const answer = await call(emulator, method, path, options);
      exchanges.push({ method, template, path, options, status: answer.status, body: answer.body });
    };
    const example = zoneNamed(emulator, 'example.com');
    const saas = zoneNamed(emulator, 'saas-platform.net');
    const active = emulator.state.aopCertificates.find(
      (record) => record.zoneId === example.id && emulator.state.aopStatus(record) === 'active',
    )!;
    const pending = emulator.state.aopCertificates.find(
      (record) => record.zoneId === example.id && emulator.state.aopStatus(record) === 'pending_deployment',
    )!;
    const rsaOnly = emulator.state.customHostnames.find(
      (record) => record.certificates.length === 1 && record.certificates[0].certificate.keyType === 'RSA',
    )!;
    const both = emulator.state.customHostnames.find((record) => record.certificates.length === 2)!;
    const packOf = (record: typeof both, certificateId: string) =>
      `/zones/${saas.id}/custom_hostnames/${record.id}/certificate_pack/${record.packId}/certificates/${certificateId}`;
    const PACK =
      '/zones/{zone_id}/custom_hostnames/{custom_hostname_id}/certificate_pack/{certificate_pack_id}/certificates/{certificate_id}';
    const fresh = await leaf('contract.example.com');
    const ecdsa = { custom_certificate: fresh.certPem, custom_key: fresh.key.pkcs8Pem };
    const rsa = await createCertificate({ commonName: 'contract-rsa.saas-platform.net', keyKind: 'RSA' });

    await send('GET', '/user/tokens/verify', '/user/tokens/verify');
    await send('GET', '/user/tokens/verify', '/user/tokens/verify', { token: 'demo-account-token' });
    await send('GET', '/accounts/{account_id}/tokens/verify', `/accounts/${example.accountId}/tokens/verify`, {
      token: 'demo-account-token',
    });
    await send('GET', '/accounts/{account_id}/tokens/verify', `/accounts/${example.accountId}/tokens/verify`);
    await send('GET', '/zones', '/zones?page=1&per_page=50&status=active');
    await send('GET', '/zones', '/zones', { token: 'unknown-token' });
    await send('GET', CERTS, aopPath(example.id, '/hostnames/certificates'));
    await send('GET', CERTS, aopPath(MISSING, '/hostnames/certificates'));
    await send('POST', CERTS, aopPath(example.id, '/hostnames/certificates'), { body: uploadBody(fresh) });
    await send('POST', CERTS, aopPath(example.id, '/hostnames/certificates'), {
      body: { certificate: 'garbage', private_key: fresh.key.pkcs8Pem },
    });
    const uploaded = (exchanges.at(-2)!.body as { result: { id: string } }).result.id;
    await send('GET', `${CERTS}/{certificate_id}`, aopPath(example.id, `/hostnames/certificates/${uploaded}`));
    await send('GET', `${CERTS}/{certificate_id}`, aopPath(example.id, `/hostnames/certificates/${MISSING}`));
    await send('DELETE', `${CERTS}/{certificate_id}`, aopPath(example.id, `/hostnames/certificates/${uploaded}`));
    await send('DELETE', `${CERTS}/{certificate_id}`, aopPath(example.id, `/hostnames/certificates/${active.id}`), {
      token: 'demo-readonly-token',
    });
    await send(
      'GET',
      '/zones/{zone_id}/origin_tls_client_auth/hostnames',
      aopPath(example.id, '/hostnames?status=all&per_page=1000&page=1'),
    );
    await send('GET', '/zones/{zone_id}/origin_tls_client_auth/hostnames', aopPath(MISSING, '/hostnames'));
    await send('PUT', '/zones/{zone_id}/origin_tls_client_auth/hostnames', aopPath(example.id, '/hostnames'), {
      body: { config: [{ hostname: 'contract.example.com', cert_id: active.id, enabled: true }] },
    });
    await send('PUT', '/zones/{zone_id}/origin_tls_client_auth/hostnames', aopPath(example.id, '/hostnames'), {
      body: { config: [{ hostname: 'early.example.com', cert_id: pending.id, enabled: true }] },
    });
    await send(
      'GET',
      '/zones/{zone_id}/origin_tls_client_auth/hostnames/{hostname}',
      aopPath(example.id, '/hostnames/contract.example.com'),
    );
    await send('GET', '/zones/{zone_id}/origin_tls_client_auth/hostnames/{hostname}', aopPath(example.id, '/hostnames/nobody.example.com'));
    await send('GET', '/zones/{zone_id}/origin_tls_client_auth/settings', aopPath(example.id, '/settings'));
    await send('GET', '/zones/{zone_id}/origin_tls_client_auth/settings', aopPath(MISSING, '/settings'));
    await send('PUT', '/zones/{zone_id}/origin_tls_client_auth/settings', aopPath(example.id, '/settings'), { body: { enabled: true } });
    await send('PUT', '/zones/{zone_id}/origin_tls_client_auth/settings', aopPath(example.id, '/settings'), {
      body: { enabled: false },
      token: 'demo-readonly-token',
    });
    await send('GET', '/zones/{zone_id}/custom_hostnames', `/zones/${saas.id}/custom_hostnames?page=2&per_page=100&ssl_status=active`);
    await send('GET', '/zones/{zone_id}/custom_hostnames', `/zones/${MISSING}/custom_hostnames`);
    await send('GET', '/zones/{zone_id}/custom_hostnames/{custom_hostname_id}', `/zones/${saas.id}/custom_hostnames/${both.id}`);
    await send('GET', '/zones/{zone_id}/custom_hostnames/{custom_hostname_id}', `/zones/${saas.id}/custom_hostnames/${MISSING}`);
    await send('PUT', PACK, packOf(rsaOnly, rsaOnly.certificates[0].id), {
      body: { custom_certificate: rsa.certPem, custom_key: rsa.key.pkcs8Pem },
    });
    await send('PUT', PACK, packOf(rsaOnly, rsaOnly.certificates[0].id), { body: ecdsa });
    await send('DELETE', PACK, packOf(both, both.certificates[0].id));
    await send('DELETE', PACK, packOf(both, both.certificates[0].id));
  });
  after(() => emulator.close());

  it('exercised every emulated operation with one success and one 4XX answer', () => {
    const operations = new Set(ROUTES.map((route) => `${route.method} ${route.template}`));
    const successes = new Set(
      exchanges.filter((exchange) => exchange.status < 300).map((exchange) => `${exchange.method} ${exchange.template}`),
    );
    const refusals = new Set(
      exchanges
        .filter((exchange) => exchange.status >= 400 && exchange.status < 500)
        .map((exchange) => `${exchange.method} ${exchange.template}`),
    );
    assert.equal(operations.size, 16);
    assert.deepEqual(successes, operations);
    assert.deepEqual(refusals, operations);
  });

  it('accepts every request sent and every answer received', () => {
    for (const exchange of exchanges) {
      const query = new URL(exchange.path, 'http://x').searchParams;
      assert.deepEqual(
        direct.validateRequest(exchange.method, exchange.template, query, exchange.options.body),
        [],
        `${exchange.method} ${exchange.path}`,
      );
      assert.deepEqual(
        direct.validateResponse(exchange.method, exchange.template, exchange.status, exchange.body),
        [],
        `${exchange.method} ${exchange.path} ${exchange.status}`,
      );
    }
    assert.deepEqual(emulator.contractViolations, []);
  });

  it('rejects a zone without id, and a success envelope with an unknown certificate status', () => {
    const zones = exchanges.find((exchange) => exchange.template === '/zones' && exchange.status === 200)!.body as {
      result: Record<string, unknown>[];
    };
    const withoutId = { ...zones, result: zones.result.map(({ id: _id, ...rest }) => rest) };
    const [violation] = direct.validateResponse('GET', '/zones', 200, withoutId);
    assert.equal(violation?.kind, 'response');
    assert.match(violation.errors, /must have required property 'id'/);
    const certificates = exchanges.find((exchange) => exchange.template === CERTS && exchange.method === 'GET' && exchange.status === 200)!
      .body as { result: Record<string, unknown>[] };
    const exploded = { ...certificates, result: [{ ...certificates.result[0], status: 'exploded' }] };
    assert.equal(direct.validateResponse('GET', CERTS, 200, exploded).length, 1);
  });

  it('rejects an upload without private_key, an unknown query parameter, per_page out of range and a body where none is taken', () => {
    const none = new URLSearchParams();
    const [missingKey] = direct.validateRequest('POST', CERTS, none, { certificate: '-----BEGIN CERTIFICATE-----' });
    assert.match(missingKey.errors, /private_key/);
    assert.deepEqual(
      direct.validateRequest('GET', '/zones', new URLSearchParams('colour=blue'), undefined).map((violation) => violation.errors),
      ['unknown query parameter "colour"'],
    );
    const outOfRange: [string, string][] = [
      ['/zones', 'per_page=51'],
      ['/zones', 'per_page=4'],
      ['/zones/{zone_id}/custom_hostnames', 'per_page=1001'],
      ['/zones/{zone_id}/origin_tls_client_auth/hostnames', 'per_page=0'],
    ];
    for (const [template, query] of outOfRange) {
      const found = direct.validateRequest('GET', template, new URLSearchParams(query), undefined);
      assert.equal(found.length, 1, `${template}?${query}`);
      assert.match(found[0].errors, /per_page must be (<=|>=)/);
    }
    assert.deepEqual(direct.validateRequest('GET', '/zones', new URLSearchParams('per_page=50'), undefined), []);
    assert.match(direct.validateRequest('GET', '/zones', none, {})[0].errors, /a body was sent/);
    assert.throws(() => direct.validateRequest('PATCH', '/zones', none, undefined), /openapi.json has no PATCH \/zones/);
  });

  it('relaxes only 4XX schemas no body could satisfy, and still demands a real error envelope there', () => {
    const document = openapiDocument() as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: Schema }> }> }>>;
      components: { schemas: Record<string, Schema> };
    };
    const resolve = (schema: Schema): Schema =>
      schema.$ref ? resolve(document.components.schemas[schema.$ref.split('/').pop()!]) : schema;
    // Unsatisfiable: `result` is required, and must be both null (enum [null]) and an object or array (not nullable).
    const unsatisfiable = (operation: string) => {
      const [method, template] = operation.split(' ');
      const schema = resolve(document.paths[template][method.toLowerCase()].responses['4XX'].content['application/json'].schema);
      const result = resolve(schema.properties?.result ?? {});
      return Boolean(
        schema.required?.includes('result') &&
        JSON.stringify(result.enum) === '[null]' &&
        (result.type === 'object' || result.type === 'array') &&
        !result.nullable,
      );
    };
    // A well-formed error envelope passes every operation's 4XX check (relaxed or as published).
    const error = { success: false, errors: [{ code: 1000, message: 'error' }], messages: [], result: null };
    for (const route of ROUTES) {
      assert.deepEqual(direct.validateResponse(route.method, route.template, 400, error), [], `${route.method} ${route.template}`);
    }
    const relaxed = [...direct.relaxed].sort();
    assert.ok(relaxed.length > 0);
    const expected = ROUTES.map((route) => `${route.method} ${route.template}`)
      .filter(unsatisfiable)
      .sort();
    assert.deepEqual(relaxed, expected);
    for (const operation of [
      'GET /user/tokens/verify',
      'GET /zones',
      `DELETE /zones/{zone_id}/custom_hostnames/{custom_hostname_id}/certificate_pack/{certificate_pack_id}/certificates/{certificate_id}`,
    ]) {
      assert.ok(!direct.relaxed.has(operation), `${operation} has a satisfiable 4XX schema and must be checked as published`);
    }
    assert.ok(relaxed.includes(`GET ${CERTS}`) && relaxed.includes('PUT /zones/{zone_id}/origin_tls_client_auth/hostnames'));
    assert.equal(
      direct.validateResponse('GET', CERTS, 400, { success: false, errors: [], messages: [], result: null }).length,
      1,
      'an empty errors array is not an error answer',
    );
    assert.equal(
      direct.validateResponse('GET', CERTS, 400, { success: true, errors: [{ code: 1000, message: 'x' }], messages: [] }).length,
      1,
    );
  });
});

interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly enum?: unknown[];
  readonly nullable?: boolean;
  readonly required?: string[];
  readonly properties?: Record<string, Schema>;
}
