import * as assert from 'node:assert/strict';
import { documentedExamples, shapeDifferences, type DocumentedExample } from '../../contract/docsExamples';
import { ContractValidator } from '../../contract/openapiValidator';
import { startEmulator, type Emulator } from '../../emulator/emulator';
import { createCertificate } from '../../fixtures/certificateFactory';
import { aopPath, call, leaf, pause, uploadBody, zoneNamed } from './emulatorHttp';

const PACK = '/zones/{zone_id}/custom_hostnames/{custom_hostname_id}/certificate_pack/{certificate_pack_id}/certificates/{certificate_id}';
const CERTS = '/zones/{zone_id}/origin_tls_client_auth/hostnames/certificates';

// Each successful emulator answer against the example on Cloudflare's reference page for its
// endpoint: the schema check alone passed an envelope where the page documents a bare {"id": …}.
describe('emulator answers against the documented examples (docs/*.md)', () => {
  const examples = documentedExamples();
  const answers = new Map<string, { status: number; body: unknown }>();
  const example = (method: string, template: string): DocumentedExample =>
    examples.find((candidate) => candidate.method === method && candidate.template === template)!;
  let emulator: Emulator;

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo', transitionMs: 30, validator: new ContractValidator() });
    const record = async (method: string, template: string, path: string, body?: unknown) => {
      const answer = await call(emulator, method, path, { body });
      answers.set(`${method} ${template}`, { status: answer.status, body: answer.body });
    };
    const zone = zoneNamed(emulator, 'example.org');
    const fresh = await leaf('docs.example.org');
    await record('GET', CERTS, aopPath(zone.id, '/hostnames/certificates'));
    await record('POST', CERTS, aopPath(zone.id, '/hostnames/certificates'), uploadBody(fresh));
    const uploaded = (answers.get(`POST ${CERTS}`)!.body as { result: { id: string } }).result.id;
    await record('GET', `${CERTS}/{certificate_id}`, aopPath(zone.id, `/hostnames/certificates/${uploaded}`));
    await pause(50);
    await record('DELETE', `${CERTS}/{certificate_id}`, aopPath(zone.id, `/hostnames/certificates/${uploaded}`));
    const both = emulator.state.customHostnames.find(
      (candidate) => candidate.certificates.length === 2 && candidate.certificates[0].certificate.keyType === 'RSA',
    )!;
    const packPath = (id: string) => `/zones/${both.zoneId}/custom_hostnames/${both.id}/certificate_pack/${both.packId}/certificates/${id}`;
    const rsa = await createCertificate({ commonName: 'docs.saas-platform.net', keyKind: 'RSA' });
    await record('PUT', PACK, packPath(both.certificates[0].id), { custom_certificate: rsa.certPem, custom_key: rsa.key.pkcs8Pem });
    await record('DELETE', PACK, packPath(both.certificates[1].id));
  });
  after(() => emulator.close());

  it('found an example for each of the six documented endpoints', () => {
    assert.deepEqual(examples.map((found) => `${found.method} ${found.template}`).sort(), [...answers.keys()].sort());
    assert.deepEqual(example('DELETE', PACK).response, { id: '023e105f4ecef8ad9ca31a8372d0c353' });
  });

  it('every answer has the documented top-level shape (and no result member the example lacks)', () => {
    for (const [operation, answer] of answers) {
      const [method, template] = operation.split(' ');
      assert.ok(answer.status === 200 || answer.status === 202, `${operation}: ${answer.status}`);
      assert.deepEqual(shapeDifferences(example(method, template).response, answer.body), [], operation);
    }
  });

  it('catches the envelope the schema let through for the pack DELETE', () => {
    const wrapped = { success: true, errors: [], messages: [], result: { id: 'a'.repeat(32) } };
    assert.deepEqual(new ContractValidator().validateResponse('DELETE', PACK, 202, wrapped), [], 'the schema accepts it');
    assert.deepEqual(shapeDifferences(example('DELETE', PACK).response, wrapped), [
      '"id" is missing',
      '"success" is not in the example',
      '"errors" is not in the example',
      '"messages" is not in the example',
      '"result" is not in the example',
    ]);
  });

  it('tells a list from an object, a missing result_info and an invented result member', () => {
    const documented = example('GET', CERTS).response as { result: unknown[]; result_info: unknown };
    const withoutInfo: Record<string, unknown> = { ...documented };
    delete withoutInfo.result_info;
    assert.deepEqual(shapeDifferences(documented, withoutInfo), ['"result_info" is missing']);
    assert.deepEqual(shapeDifferences(documented, { ...documented, result: documented.result[0] }), [
      '"result" is object, the example\'s array',
    ]);
    assert.deepEqual(shapeDifferences(documented, { ...documented, result: [{ id: 'x', colour: 'blue' }] }), [
      'result member "colour" is not in the example',
    ]);
  });

  it('kept the schema satisfied too', () => {
    assert.deepEqual(emulator.contractViolations, []);
  });
});
