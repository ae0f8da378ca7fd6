import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { RefusedError } from '../../../src/model/operations/operationContext';
import { planUpload, type UploadPlan } from '../../../src/model/upload/uploadPlanner';
import {
  createCertificate,
  ecParametersBlock,
  encryptPrivateKey,
  generateKey,
  type GeneratedCertificate,
} from '../../fixtures/certificateFactory';
import { days, TEST_NOW } from '../../fixtures/testClock';
import { memoryUploadIo, type UploadAnswers } from './memoryUploadIo';

const AOP = { purpose: 'aop', now: TEST_NOW } as const;

/** The planner's answer must carry this certificate and a key whose public half is the certificate's. */
function assertPlanOf(plan: UploadPlan | undefined, certificate: GeneratedCertificate): UploadPlan {
  assert.ok(plan, 'a plan, not a cancel');
  assert.equal(plan.material.leaf.serialNumber, certificate.serialNumber);
  const publicKey = crypto.createPublicKey(plan.material.privateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
  assert.equal(publicKey, certificate.key.publicKeyPem);
  return plan;
}

describe('planUpload: the upload pre-flight', function () {
  this.timeout(30_000);
  let api: GeneratedCertificate;
  let other: GeneratedCertificate;

  before(async () => {
    api = await createCertificate({ commonName: 'api.example.com', key: await generateKey('ECDSA') });
    other = await createCertificate({ commonName: 'other.example.com', key: await generateKey('ECDSA') });
  });

  /** The certificate alone in /certs/api.crt, plus whatever the test puts around it. */
  const plan = (setup: { files?: Record<string, string>; editors?: Record<string, string>; answers?: UploadAnswers }) => {
    const memory = memoryUploadIo({ ...setup, files: { '/certs/api.crt': api.certPem, ...setup.files } });
    return { memory, planned: planUpload(memory.io, { file: '/certs/api.crt' }, AOP) };
  };

  it('takes the key from the file beside the certificate without asking anything', async () => {
    const { memory, planned } = plan({ files: { '/certs/api.key': api.key.pkcs8Pem } });
    const result = assertPlanOf(await planned, api);
    assert.equal(result.material.keyFrom, 'api.key');
    assert.equal(result.source.name, 'api.crt');
    assert.deepEqual(memory.asked, []);
  });

  it('takes the key from another open editor, with its unsaved text', async () => {
    const { memory, planned } = plan({ editors: { '/scratch/Untitled-1': api.key.traditionalPem } });
    assert.equal(assertPlanOf(await planned, api).material.keyFrom, 'Untitled-1');
    assert.deepEqual(memory.asked, []);
  });

  it('tries each candidate and takes the second when only it belongs to the certificate', async () => {
    const { memory, planned } = plan({
      editors: { '/keys/first.key': other.key.pkcs8Pem, '/keys/second.key': api.key.pkcs8Pem },
      files: { '/certs/api.key': other.key.pkcs8Pem },
    });
    assert.equal(assertPlanOf(await planned, api).material.keyFrom, 'second.key');
    assert.deepEqual(memory.asked, []);
  });

  it('asks for the passphrase of an encrypted key, naming the file it is in', async () => {
    const { memory, planned } = plan({
      files: { '/certs/api.key': encryptPrivateKey(api.key, 'open sesame') },
      answers: { passphrases: ['open sesame'] },
    });
    assert.equal(assertPlanOf(await planned, api).material.keyFrom, 'api.key');
    assert.deepEqual(memory.asked, ['passphrase of the key in api.key']);
  });

  it('asks again after a wrong passphrase, and refuses after the third without saying the passphrase', async () => {
    const retried = plan({
      files: { '/certs/api.key': encryptPrivateKey(api.key, 'right') },
      answers: { passphrases: ['wrong', 'right'] },
    });
    assertPlanOf(await retried.planned, api);
    assert.deepEqual(retried.memory.asked, ['passphrase of the key in api.key', 'passphrase of the key in api.key (again)']);

    const refused = plan({
      files: { '/certs/api.key': encryptPrivateKey(api.key, 'right') },
      answers: { passphrases: ['wrong-1', 'wrong-2', 'wrong-3'] },
    });
    await assert.rejects(refused.planned, (error: Error) => error instanceof RefusedError && !/wrong-\d|right/.test(error.message));
    assert.equal(refused.memory.asked.length, 3);
  });

  it('asks for the key file only when none is found, and reads the one picked', async () => {
    const { memory, planned } = plan({
      files: { '/elsewhere/secret.pem': api.key.pkcs8Pem },
      answers: { keyFiles: ['/elsewhere/secret.pem'] },
    });
    assert.equal(assertPlanOf(await planned, api).material.keyFrom, 'secret.pem');
    assert.deepEqual(memory.asked, ['key file of api.crt']);
  });

  it('says a picked file without a key holds none', async () => {
    const { planned } = plan({ files: { '/elsewhere/notes.txt': 'hello' }, answers: { keyFiles: ['/elsewhere/notes.txt'] } });
    await assert.rejects(planned, (error: Error) => error instanceof RefusedError && /No private key was found/.test(error.message));
  });

  it('says the key beside the certificate does not belong to it, instead of asking for a file first', async () => {
    const { memory, planned } = plan({ files: { '/certs/api.key': other.key.pkcs8Pem } });
    await assert.rejects(
      planned,
      (error: Error) => error instanceof RefusedError && /does not belong to the certificate/.test(error.message),
    );
    assert.deepEqual(memory.asked, []);
  });

  it('uploads a certificate and key from one document as they are, looking nowhere else', async () => {
    const memory = memoryUploadIo({
      editors: { '/certs/both.pem': `${api.certPem}${api.key.pkcs8Pem}`, '/keys/x.key': other.key.pkcs8Pem },
    });
    const result = assertPlanOf(await planUpload(memory.io, { document: '/certs/both.pem' }, AOP), api);
    assert.equal(result.material.keyFrom, undefined);
    assert.deepEqual(memory.reads, [], 'an open document is read from its editor');
  });

  describe('a cancel at each question sends nothing and asks nothing more', () => {
    it('at the key file', async () => {
      const { memory, planned } = plan({ answers: { keyFiles: [undefined] } });
      assert.equal(await planned, undefined);
      assert.deepEqual(memory.asked, ['key file of api.crt']);
    });

    it('at the passphrase of the key', async () => {
      const { memory, planned } = plan({
        files: { '/certs/api.key': encryptPrivateKey(api.key, 'x') },
        answers: { passphrases: [undefined] },
      });
      assert.equal(await planned, undefined);
      assert.deepEqual(memory.asked, ['passphrase of the key in api.key']);
    });

    it('at an expired certificate', async () => {
      const expired = await createCertificate({ commonName: 'old.example.com', notBefore: days(-60), notAfter: days(-1) });
      const memory = memoryUploadIo({ files: { '/old.pem': `${expired.certPem}${expired.key.pkcs8Pem}` }, answers: { validity: [false] } });
      assert.equal(await planUpload(memory.io, { file: '/old.pem' }, AOP), undefined);
      assert.equal(memory.asked.length, 1);
      assert.match(memory.asked[0], /^outside validity: old\.example\.com: .*expired/i);
    });

    it('at an EC PARAMETERS block to remove, which is removed once the person agrees', async () => {
      const text = `${api.certPem}${ecParametersBlock()}${api.key.traditionalPem}`;
      const refused = memoryUploadIo({ files: { '/ec.pem': text }, answers: { ecParameters: [false] } });
      assert.equal(await planUpload(refused.io, { file: '/ec.pem' }, AOP), undefined);
      assert.deepEqual(refused.asked, ['strip EC PARAMETERS']);

      const accepted = memoryUploadIo({ files: { '/ec.pem': text }, answers: { ecParameters: [true] } });
      const result = assertPlanOf(await planUpload(accepted.io, { file: '/ec.pem' }, AOP), api);
      assert.ok(!result.material.privateKeyPem.includes('EC PARAMETERS'));
    });
  });
});
