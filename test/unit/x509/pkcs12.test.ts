import * as assert from 'node:assert/strict';
import { createChain, createCertificate, generateKey } from '../../fixtures/certificateFactory';
import { pkcs12Bundle } from '../../fixtures/pkcs12Bundle';
import { TEST_NOW } from '../../fixtures/testClock';
import { PemError } from '../../../src/x509/pemError';
import { openPkcs12, readPkcs12 } from '../../../src/x509/pkcs12';
import { looksLikePkcs12 } from '../../../src/x509/pkcs12Format';
import { prepareUpload } from '../../../src/x509/uploadMaterial';

describe('PKCS#12 bundles (.p12/.pfx)', function () {
  this.timeout(30_000);

  it('reads a bundle with its passphrase: the certificate, its chain and its key, ready for the upload checks', async () => {
    const { leaf, intermediates } = await createChain({ commonName: 'p12.example.test', key: await generateKey('RSA') });
    const bundle = pkcs12Bundle({
      certPem: leaf.certPem,
      keyPem: leaf.key.pkcs8Pem,
      chainPem: intermediates[0].certPem,
      passphrase: 'correct horse',
    });
    assert.ok(looksLikePkcs12(bundle));
    const contents = await readPkcs12(bundle, 'correct horse');
    assert.equal(contents.certificates, 2);
    assert.equal(contents.keys, 1);
    const result = prepareUpload({ certificateText: contents.pem, purpose: 'aop', now: TEST_NOW });
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.equal(result.material.leaf.serialNumber, leaf.serialNumber);
    assert.equal(result.material.chain[0].serialNumber, intermediates[0].serialNumber);
    assert.equal(result.material.key.keyType, 'RSA');
  });

  it('says a wrong passphrase is wrong, without the passphrase in the message', async () => {
    const leaf = await createCertificate({ commonName: 'wrong.example.test' });
    const bundle = pkcs12Bundle({ certPem: leaf.certPem, keyPem: leaf.key.pkcs8Pem, passphrase: 'right-one' });
    await assert.rejects(readPkcs12(bundle, 'wrong-one'), (error: unknown) => {
      assert.ok(error instanceof PemError);
      assert.equal(error.reason, 'wrong-passphrase');
      assert.ok(!error.message.includes('wrong-one') && !error.message.includes('right-one'));
      return true;
    });
    const result = await openPkcs12(bundle, 'wrong-one');
    assert.equal(result.ok ? 'opened' : result.code, 'wrong-passphrase');
    const opened = await openPkcs12(bundle, 'right-one');
    assert.equal(opened.ok ? opened.contents.certificates : opened.message, 1);
  });

  it('reads an ECDSA bundle with an empty passphrase', async () => {
    const leaf = await createCertificate({ commonName: 'empty.example.test', key: await generateKey('ECDSA') });
    const contents = await readPkcs12(pkcs12Bundle({ certPem: leaf.certPem, keyPem: leaf.key.pkcs8Pem, passphrase: '' }), '');
    const result = prepareUpload({ certificateText: contents.pem, purpose: 'aop', now: TEST_NOW });
    assert.equal(result.ok ? result.material.key.keyType : result.message, 'ECDSA');
  });

  it('a legacy bundle (3DES, SHA-1) is read, or refused with the openssl pkcs12 command that converts it', async () => {
    const leaf = await createCertificate({ commonName: 'legacy.example.test' });
    const bundle = pkcs12Bundle({ certPem: leaf.certPem, keyPem: leaf.key.pkcs8Pem, passphrase: 'legacy', legacy: true });
    const outcome = await readPkcs12(bundle, 'legacy').then(
      (contents) => contents.pem,
      (error: unknown) => (error instanceof PemError ? error.message : `not a PemError: ${String(error)}`),
    );
    assert.ok(outcome.includes('BEGIN CERTIFICATE') || outcome.includes('openssl pkcs12 -in bundle.p12 -nodes -out bundle.pem'), outcome);
  });

  it('refuses what is not a bundle with the conversion command, and does not take PEM or DER certificates for one', async () => {
    const leaf = await createCertificate({ commonName: 'notp12.example.test' });
    assert.equal(looksLikePkcs12(Buffer.from(leaf.certPem)), false);
    assert.equal(looksLikePkcs12(leaf.der), false);
    await assert.rejects(readPkcs12(leaf.der, 'x'), /openssl pkcs12 -in bundle\.p12 -nodes -out bundle\.pem/);
  });
});
