import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { createCertificate, encryptPrivateKey, ecParametersBlock, sharedKey, type GeneratedKey } from '../../fixtures/certificateFactory';
import { inspectCertificate } from '../../../src/x509/certificateInfo';
import { findPemBlocks } from '../../../src/x509/pemBlocks';
import { PemError, type PemErrorReason } from '../../../src/x509/pemError';
import { inspectPrivateKey, isEncryptedKey, isPrivateKeyBlock } from '../../../src/x509/privateKey';
import { base64Lines, createEd25519Certificate } from './extraCertificates';

const PASSPHRASE = 'tr0ub4dor&3 sesame';

const block = (pem: string) => findPemBlocks(pem)[0];
const der = (pem: string) => crypto.createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' }).toString('hex');

/** Legacy "Proc-Type: 4,ENCRYPTED" PEM, as `openssl rsa -aes256` writes it. */
function legacyEncrypted(key: GeneratedKey, passphrase: string): string {
  const type = key.kind === 'RSA' ? 'pkcs1' : 'sec1';
  return crypto.createPrivateKey(key.pkcs8Pem).export({ type, format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString();
}

describe('inspectPrivateKey', () => {
  let rsa: GeneratedKey;
  let ec: GeneratedKey;

  before(async () => {
    rsa = await sharedKey('RSA');
    ec = await sharedKey('ECDSA');
  });

  function expectFailure(pem: string, reason: PemErrorReason, passphrase?: string): PemError {
    let caught: unknown;
    assert.throws(
      () => inspectPrivateKey(block(pem), passphrase),
      (error: unknown) => {
        caught = error;
        return error instanceof PemError && error.reason === reason;
      },
      `expected ${reason}`,
    );
    return caught as PemError;
  }

  it('reads RSA keys in PKCS#8 and PKCS#1, with the same public key', () => {
    const pkcs8 = inspectPrivateKey(block(rsa.pkcs8Pem));
    const pkcs1 = inspectPrivateKey(block(rsa.traditionalPem));
    assert.deepEqual([pkcs8.keyType, pkcs8.keySize, pkcs8.curve, pkcs8.format], ['RSA', 2048, undefined, 'PKCS#8']);
    assert.deepEqual([pkcs1.keyType, pkcs1.keySize, pkcs1.format], ['RSA', 2048, 'PKCS#1']);
    assert.equal(pkcs1.spkiSha256, pkcs8.spkiSha256);
    const expectedSpki = crypto
      .createHash('sha256')
      .update(crypto.createPublicKey(rsa.publicKeyPem).export({ type: 'spki', format: 'der' }))
      .digest('hex');
    assert.equal(pkcs8.spkiSha256, expectedSpki);
    assert.equal(pkcs1.pkcs8Pem, rsa.pkcs8Pem);
  });

  it('reads EC keys in PKCS#8 and SEC1 (also after an EC PARAMETERS block)', () => {
    const pkcs8 = inspectPrivateKey(block(ec.pkcs8Pem));
    const sec1 = inspectPrivateKey(block(ec.traditionalPem));
    assert.deepEqual([pkcs8.keyType, pkcs8.curve, pkcs8.keySize, pkcs8.format], ['ECDSA', 'P-256', 256, 'PKCS#8']);
    assert.deepEqual([sec1.keyType, sec1.curve, sec1.keySize, sec1.format], ['ECDSA', 'P-256', 256, 'SEC1']);
    assert.equal(sec1.spkiSha256, pkcs8.spkiSha256);
    assert.equal(sec1.pkcs8Pem, ec.pkcs8Pem);
    const [parameters, key] = findPemBlocks(`${ecParametersBlock()}${ec.traditionalPem}`);
    assert.equal(isPrivateKeyBlock(parameters), false);
    assert.equal(inspectPrivateKey(key).format, 'SEC1');
  });

  it('matches the SPKI hash of the certificate made from the same key', async () => {
    const certificate = await createCertificate({ commonName: 'key-match.test', keyKind: 'RSA' });
    assert.equal(inspectPrivateKey(block(rsa.traditionalPem)).spkiSha256, inspectCertificate(certificate.der).spkiSha256);
    assert.notEqual(inspectPrivateKey(block(ec.pkcs8Pem)).spkiSha256, inspectCertificate(certificate.der).spkiSha256);
  });

  it('asks for the passphrase of an encrypted PKCS#8 key, refuses a wrong one and decrypts with the right one', () => {
    const encrypted = encryptPrivateKey(ec, PASSPHRASE);
    assert.equal(isEncryptedKey(block(encrypted)), true);
    expectFailure(encrypted, 'encrypted');
    expectFailure(encrypted, 'encrypted', '');
    expectFailure(encrypted, 'wrong-passphrase', 'not the passphrase');
    const info = inspectPrivateKey(block(encrypted), PASSPHRASE);
    assert.equal(info.format, 'encrypted PKCS#8');
    assert.equal(info.keyType, 'ECDSA');
    assert.equal(info.pkcs8Pem, ec.pkcs8Pem);
    assert.ok(info.pkcs8Pem.startsWith('-----BEGIN PRIVATE KEY-----\n'));
  });

  it('decrypts a legacy encrypted PKCS#1 key (Proc-Type/DEK-Info)', () => {
    const legacy = legacyEncrypted(rsa, PASSPHRASE);
    assert.match(legacy, /Proc-Type: 4,ENCRYPTED/);
    assert.equal(isEncryptedKey(block(legacy)), true);
    expectFailure(legacy, 'encrypted');
    expectFailure(legacy, 'wrong-passphrase', 'nope nope');
    const info = inspectPrivateKey(block(legacy.replace(/\n/g, '\r\n')), PASSPHRASE);
    assert.equal(info.format, 'encrypted PKCS#1');
    assert.deepEqual([info.keyType, info.keySize], ['RSA', 2048]);
    assert.equal(der(info.pkcs8Pem), der(rsa.pkcs8Pem));
  });

  it('decrypts a legacy encrypted SEC1 key', () => {
    const legacy = legacyEncrypted(ec, PASSPHRASE);
    assert.equal(block(legacy).label, 'EC PRIVATE KEY');
    expectFailure(legacy, 'encrypted');
    const info = inspectPrivateKey(block(legacy), PASSPHRASE);
    assert.deepEqual([info.keyType, info.curve], ['ECDSA', 'P-256']);
    assert.equal(der(info.pkcs8Pem), der(ec.pkcs8Pem));
  });

  it('reads an Ed25519 key as such', async () => {
    const { keyPem } = await createEd25519Certificate('ed.key.test');
    const info = inspectPrivateKey(block(keyPem));
    assert.deepEqual([info.keyType, info.keySize, info.format], ['Ed25519', 256, 'PKCS#8']);
  });

  it('refuses blocks that are not keys, and keys that are damaged', async () => {
    const certificate = await createCertificate({ commonName: 'not-a-key.test' });
    expectFailure(certificate.certPem, 'not-a-key');
    expectFailure(ecParametersBlock(), 'not-a-key');
    assert.equal(isPrivateKeyBlock(block(certificate.certPem)), false);
    // Valid base64, but not a key: the body of a certificate under a key label.
    expectFailure(certificate.certPem.replace(/CERTIFICATE/g, 'PRIVATE KEY'), 'unparseable');
    expectFailure(rsa.traditionalPem.replace(/\n[A-Za-z0-9+/]{8}/, '\n%%%%%%%%'), 'unparseable');
    expectFailure(ec.pkcs8Pem.replace('END PRIVATE KEY', 'END EC PRIVATE KEY'), 'unparseable');
    expectFailure(encryptPrivateKey(ec, PASSPHRASE).split('\n').slice(0, 3).join('\n'), 'unparseable', PASSPHRASE);
  });

  it('never puts key material or the passphrase in an error message', () => {
    const encrypted = encryptPrivateKey(rsa, PASSPHRASE);
    const legacy = legacyEncrypted(ec, PASSPHRASE);
    const errors = [
      expectFailure(encrypted, 'encrypted'),
      expectFailure(encrypted, 'wrong-passphrase', `${PASSPHRASE}!`),
      expectFailure(legacy, 'encrypted'),
      expectFailure(legacy, 'wrong-passphrase', 'x'),
      expectFailure(rsa.traditionalPem.replace(/\n[A-Za-z0-9+/]{8}/, '\n%%%%%%%%'), 'unparseable'),
      expectFailure(rsa.pkcs8Pem.replace(/\n[A-Za-z0-9+/]{8}/, '\nAAAAAAAA'), 'unparseable'),
      expectFailure(ec.pkcs8Pem.replace('END PRIVATE KEY', 'END RSA PRIVATE KEY'), 'unparseable'),
      expectFailure(ec.traditionalPem.replace(/PRIVATE KEY/g, 'PUBLIC KEY'), 'not-a-key'),
    ];
    const secrets = [rsa.pkcs8Pem, rsa.traditionalPem, ec.pkcs8Pem, ec.traditionalPem, encrypted, legacy].flatMap(base64Lines);
    for (const error of errors) {
      assert.ok(error.message.length > 20, error.message);
      assert.ok(!error.message.includes('-----BEGIN'), error.message);
      assert.ok(!error.message.includes(PASSPHRASE), error.message);
      assert.doesNotMatch(error.message, /[A-Za-z0-9+/]{40,}/);
      for (const line of secrets) {
        assert.ok(!error.message.includes(line.slice(0, 24)), `message holds key material: ${error.message}`);
      }
    }
  });
});
