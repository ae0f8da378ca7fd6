import * as assert from 'node:assert/strict';
import { RefusedError } from '../../../src/model/operations/operationContext';
import { planUpload } from '../../../src/model/upload/uploadPlanner';
import { createCertificate, generateKey, type GeneratedCertificate } from '../../fixtures/certificateFactory';
import { kubernetesTlsSecret } from '../../fixtures/kubernetesSecret';
import { pkcs12Bundle } from '../../fixtures/pkcs12Bundle';
import { TEST_NOW } from '../../fixtures/testClock';
import { memoryUploadIo } from './memoryUploadIo';

const AOP = { purpose: 'aop', now: TEST_NOW } as const;

describe('planUpload: where the certificate comes from', function () {
  this.timeout(30_000);
  let leaf: GeneratedCertificate;
  let bundle: Uint8Array;

  before(async () => {
    leaf = await createCertificate({ commonName: 'bundle.example.com', key: await generateKey('ECDSA') });
    bundle = pkcs12Bundle({ certPem: leaf.certPem, keyPem: leaf.key.pkcs8Pem, passphrase: 'p12 secret' });
  });

  it('opens a PKCS#12 bundle with its passphrase, then checks it like any PEM', async () => {
    const memory = memoryUploadIo({ files: { '/certs/client.p12': bundle }, answers: { passphrases: ['p12 secret'] } });
    const plan = await planUpload(memory.io, { file: '/certs/client.p12' }, AOP);
    assert.equal(plan?.material.leaf.serialNumber, leaf.serialNumber);
    assert.equal(plan?.source.name, 'client.p12');
    assert.deepEqual(memory.asked, ['passphrase of client.p12']);
  });

  it('recognises a bundle under another name by its bytes', async () => {
    const memory = memoryUploadIo({ files: { '/certs/client.cer': bundle }, answers: { passphrases: ['p12 secret'] } });
    const plan = await planUpload(memory.io, { file: '/certs/client.cer' }, AOP);
    assert.equal(plan?.material.leaf.serialNumber, leaf.serialNumber);
  });

  it('asks again after a wrong bundle passphrase and refuses after the third', async () => {
    const memory = memoryUploadIo({ files: { '/b.pfx': bundle }, answers: { passphrases: ['no', 'nope', 'never'] } });
    await assert.rejects(
      planUpload(memory.io, { file: '/b.pfx' }, AOP),
      (error: Error) => error instanceof RefusedError && error.message === 'The passphrase does not open b.pfx.',
    );
    assert.deepEqual(memory.asked, ['passphrase of b.pfx', 'passphrase of b.pfx (again)', 'passphrase of b.pfx (again)']);
  });

  it('stops when the bundle passphrase is cancelled', async () => {
    const memory = memoryUploadIo({ files: { '/b.pfx': bundle }, answers: { passphrases: [undefined] } });
    assert.equal(await planUpload(memory.io, { file: '/b.pfx' }, AOP), undefined);
    assert.deepEqual(memory.asked, ['passphrase of b.pfx']);
  });

  it('refuses a file that cannot be read or is too large to be a certificate, before reading it whole', async () => {
    const missing = memoryUploadIo({});
    await assert.rejects(
      planUpload(missing.io, { file: '/gone.pem' }, AOP),
      (error: Error) =>
        error instanceof RefusedError && error.message === 'gone.pem cannot be read: it does not exist or is not accessible.',
    );
    const huge = memoryUploadIo({ files: { '/huge.pem': new Uint8Array(3 * 1024 * 1024) } });
    await assert.rejects(
      planUpload(huge.io, { file: '/huge.pem' }, AOP),
      (error: Error) => error instanceof RefusedError && /huge\.pem is 3\.0 MB: too large/.test(error.message),
    );
    assert.deepEqual(huge.reads, []);
  });

  it('takes only the YAML document at the offset from a manifest of several Secrets', async () => {
    const second = await createCertificate({ commonName: 'second.example.com', key: await generateKey('ECDSA') });
    const first = kubernetesTlsSecret({ name: 'first', certPem: leaf.certPem, keyPem: leaf.key.pkcs8Pem });
    const manifest = `${first}---\n${kubernetesTlsSecret({ name: 'second', certPem: second.certPem, keyPem: second.key.pkcs8Pem })}`;
    const memory = memoryUploadIo({ editors: { '/k8s/secrets.yaml': manifest } });
    const inSecond = await planUpload(memory.io, { document: '/k8s/secrets.yaml', offset: manifest.length - 10 }, AOP);
    assert.equal(inSecond?.material.leaf.serialNumber, second.serialNumber);
    const inFirst = await planUpload(memory.io, { document: '/k8s/secrets.yaml', offset: 10 }, AOP);
    assert.equal(inFirst?.material.leaf.serialNumber, leaf.serialNumber);
  });
});
