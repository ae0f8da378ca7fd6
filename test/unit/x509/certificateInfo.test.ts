import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { createCertificate, days, generateKey, sharedKey } from '../../fixtures/certificateFactory';
import { displayName, inspectCertificate } from '../../../src/x509/certificateInfo';
import { findPemBlocks } from '../../../src/x509/pemBlocks';
import { PemError } from '../../../src/x509/pemError';
import { inspectPrivateKey } from '../../../src/x509/privateKey';
import { createCertificateWithoutCommonName, createEd25519Certificate } from './extraCertificates';

const keySpki = (pem: string) => inspectPrivateKey(findPemBlocks(pem)[0]).spkiSha256;
/** X.509 keeps whole seconds. */
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

describe('inspectCertificate', () => {
  it('reads every field of a self-signed RSA leaf', async () => {
    const notBefore = days(-2);
    const notAfter = days(120);
    const generated = await createCertificate({
      commonName: 'rsa.info.test',
      sans: ['rsa.info.test', 'www.rsa.info.test'],
      keyKind: 'RSA',
      notBefore,
      notAfter,
    });
    const info = inspectCertificate(generated.der);
    assert.equal(info.subject, 'CN=rsa.info.test, O=Certificate Factory');
    assert.equal(info.commonName, 'rsa.info.test');
    assert.deepEqual(info.sans, ['rsa.info.test', 'www.rsa.info.test']);
    assert.equal(info.issuer, info.subject);
    assert.equal(info.issuerCommonName, 'rsa.info.test');
    assert.equal(info.serialNumber, generated.serialNumber);
    assert.match(info.serialNumber, /^[0-9a-f]+$/);
    assert.equal(seconds(info.notBefore), seconds(notBefore));
    assert.equal(seconds(info.notAfter), seconds(notAfter));
    assert.equal(info.signatureAlgorithm, 'SHA-256 with RSA');
    assert.equal(info.keyType, 'RSA');
    assert.equal(info.keySize, 2048);
    assert.equal(info.curve, undefined);
    assert.equal(info.isCA, false);
    assert.equal(info.selfSigned, true);
    assert.equal(info.sha256Fingerprint, generated.sha256Fingerprint);
    assert.equal(info.spkiSha256, keySpki(generated.key.pkcs8Pem));
    assert.equal(info.spkiSha256, keySpki(generated.key.traditionalPem));
  });

  it('reads an ECDSA leaf issued by a CA, and the CA itself', async () => {
    const ca = await createCertificate({ commonName: 'Info Test CA', isCA: true, key: await generateKey('ECDSA') });
    const generated = await createCertificate({ commonName: 'ec.info.test', issuer: ca });
    const info = inspectCertificate(generated.der);
    assert.equal(info.signatureAlgorithm, 'ECDSA with SHA-256');
    assert.equal(info.keyType, 'ECDSA');
    assert.equal(info.curve, 'P-256');
    assert.equal(info.keySize, 256);
    assert.equal(info.issuer, 'CN=Info Test CA, O=Certificate Factory');
    assert.equal(info.issuerCommonName, 'Info Test CA');
    assert.equal(info.selfSigned, false);
    assert.equal(info.isCA, false);
    assert.equal(info.sha256Fingerprint, generated.sha256Fingerprint);
    assert.equal(info.spkiSha256, keySpki(generated.key.traditionalPem));
    assert.notEqual(info.spkiSha256, keySpki(ca.key.pkcs8Pem));
    const caInfo = inspectCertificate(ca.der);
    assert.equal(caInfo.isCA, true);
    assert.equal(caInfo.selfSigned, true);
    assert.deepEqual(caInfo.sans, []);
    assert.equal(caInfo.spkiSha256, keySpki(ca.key.pkcs8Pem));
  });

  it("names the signature after the issuer's key, and the key size after the subject's", async () => {
    const rsaCa = await createCertificate({ commonName: 'RSA Info CA', isCA: true, keyKind: 'RSA' });
    const ecUnderRsa = inspectCertificate((await createCertificate({ commonName: 'mixed.info.test', issuer: rsaCa })).der);
    assert.equal(ecUnderRsa.signatureAlgorithm, 'SHA-256 with RSA');
    assert.equal(ecUnderRsa.keyType, 'ECDSA');
    const small = await createCertificate({ commonName: 'small.info.test', key: await generateKey('RSA', 1024) });
    assert.equal(inspectCertificate(small.der).keySize, 1024);
  });

  it('keeps a serial number without its sign byte in lower-case hex', async () => {
    const generated = await createCertificate({ commonName: 'serial.info.test', serialNumber: '8A0B0C' });
    assert.equal(inspectCertificate(generated.der).serialNumber, '8a0b0c');
  });

  it('reads an Ed25519 certificate', async () => {
    const generated = await createEd25519Certificate('ed.info.test');
    const info = inspectCertificate(generated.der);
    assert.equal(info.keyType, 'Ed25519');
    assert.equal(info.signatureAlgorithm, 'Ed25519');
    assert.equal(info.spkiSha256, keySpki(generated.keyPem));
  });

  it('names a certificate without CN after its first SAN', async () => {
    const generated = await createCertificateWithoutCommonName(['first.nocn.test', 'second.nocn.test']);
    const info = inspectCertificate(generated.der);
    assert.equal(info.commonName, undefined);
    assert.equal(info.subject, 'O=No Common Name Ltd');
    assert.equal(displayName(info), 'first.nocn.test');
    const ecKey = await sharedKey('ECDSA');
    assert.equal(info.spkiSha256, keySpki(ecKey.pkcs8Pem));
  });

  it('displayName falls back from CN to the first SAN, the subject, then a word', () => {
    assert.equal(displayName({ commonName: 'cn.test', sans: ['san.test'], subject: 'CN=cn.test' }), 'cn.test');
    assert.equal(displayName({ commonName: '', sans: ['san.test', 'b.test'], subject: 'O=x' }), 'san.test');
    assert.equal(displayName({ sans: [], subject: 'O=Only Org' }), 'O=Only Org');
    assert.equal(displayName({ commonName: '', sans: [], subject: '' }), 'Certificate');
  });

  it('throws PemError "unparseable" for bytes that are not a certificate', async () => {
    const generated = await createCertificate({ commonName: 'garbage.info.test' });
    const key = await sharedKey('ECDSA');
    const inputs: Uint8Array[] = [
      new Uint8Array(crypto.randomBytes(300)),
      generated.der.slice(0, 120),
      new Uint8Array(crypto.createPrivateKey(key.pkcs8Pem).export({ type: 'pkcs8', format: 'der' })),
      new Uint8Array(),
    ];
    for (const [index, der] of inputs.entries()) {
      assert.throws(
        () => inspectCertificate(der),
        (error: unknown) => error instanceof PemError && error.reason === 'unparseable' && /not a certificate/.test(error.message),
        `input ${index}`,
      );
    }
  });
});
