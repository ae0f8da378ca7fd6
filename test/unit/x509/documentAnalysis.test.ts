import * as assert from 'node:assert/strict';
import { createCertificate, createChain, days, ecParametersBlock, generateKey } from '../../fixtures/certificateFactory';
import { readCertificateFacts } from '../../../src/x509/certificateFacts';
import { inspectCertificate } from '../../../src/x509/certificateInfo';
import { TEST_NOW } from '../../fixtures/testClock';
import { analysePemDocument, reorderedChain } from '../../../src/x509/documentAnalysis';

describe('analysePemDocument (diagnostics, lenses and hovers)', () => {
  const now = TEST_NOW;

  it('finds expired, expiring and not-yet-valid certificates, with their block offsets', async () => {
    // Whole days from the test clock: exactly that many calendar days (UTC) away, at any hour.
    const expired = await createCertificate({ commonName: 'expired.test', notBefore: days(-50), notAfter: days(-2) });
    const expiring = await createCertificate({ commonName: 'expiring.test', notAfter: days(10) });
    const future = await createCertificate({ commonName: 'future.test', notBefore: days(3), notAfter: days(90) });
    const healthy = await createCertificate({ commonName: 'healthy.test', notAfter: days(200) });
    const text = [expired, expiring, future, healthy].map((certificate) => certificate.certPem).join('');
    const analysis = analysePemDocument(text, now, 30);
    assert.deepEqual(
      analysis.findings.map((finding) => [finding.code, finding.severity]),
      [
        ['expired', 'error'],
        ['expiring', 'warning'],
        ['not-yet-valid', 'warning'],
      ],
    );
    assert.match(analysis.findings[0].message, /"expired\.test" expired 2 days ago/);
    assert.ok(text.slice(analysis.findings[1].start).startsWith('-----BEGIN CERTIFICATE-----'));
    assert.equal(analysis.certificates.length, 4);
  });

  it('matches a key to its certificate and flags one that does not match', async () => {
    const certificate = await createCertificate({ commonName: 'pair.test', keyKind: 'RSA' });
    const stranger = await generateKey('ECDSA');
    const matched = analysePemDocument(`${certificate.certPem}${certificate.key.traditionalPem}`, now, 30);
    assert.equal(matched.keys[0].matches?.commonName, 'pair.test');
    assert.equal(matched.keys[0].info?.format, 'PKCS#1');
    assert.deepEqual(matched.findings, []);
    const mismatched = analysePemDocument(`${certificate.certPem}${stranger.pkcs8Pem}`, now, 30);
    assert.deepEqual(
      mismatched.findings.map((finding) => finding.code),
      ['key-mismatch'],
    );
  });

  it('flags an EC PARAMETERS block before a key, and a chain with the leaf last, which it can reorder', async () => {
    const certificate = await createCertificate({ commonName: 'ec.test' });
    assert.deepEqual(
      analysePemDocument(`${certificate.certPem}${ecParametersBlock()}${certificate.key.traditionalPem}`, now, 30).findings.map(
        (finding) => finding.code,
      ),
      ['ec-parameters'],
    );
    const { leaf, intermediates, root } = await createChain({ commonName: 'leaf.test' }, 3);
    const text = [root, ...intermediates, leaf].map((entry) => entry.certPem).join('');
    const analysis = analysePemDocument(text, now, 30);
    assert.deepEqual(
      analysis.findings.map((finding) => finding.code),
      ['leaf-last'],
    );
    const fixed = reorderedChain(analysis)!;
    const reordered = analysePemDocument(fixed.text, now, 30);
    assert.deepEqual(
      reordered.certificates.map((entry) => entry.info?.commonName),
      ['leaf.test', 'Factory Intermediate CA 2', 'Factory Intermediate CA 1', 'Factory Root CA'],
    );
    assert.deepEqual(reordered.findings, []);
  });

  it('turns a damaged block into a finding instead of throwing', () => {
    const analysis = analysePemDocument('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', now, 30);
    assert.deepEqual(
      analysis.findings.map((finding) => finding.code),
      ['malformed'],
    );
  });

  it("reads the same facts with Node's parser as the full details read with @peculiar/x509", async () => {
    const certificate = await createCertificate({ commonName: 'same.test', sans: ['same.test', 'www.same.test'], keyKind: 'RSA' });
    const facts = readCertificateFacts(certificate.der);
    const details = inspectCertificate(certificate.der);
    for (const field of ['commonName', 'serialNumber', 'sha256Fingerprint', 'spkiSha256', 'isCA', 'selfSigned'] as const) {
      assert.deepEqual(facts[field], details[field], field);
    }
    assert.deepEqual(facts.sans, details.sans);
    assert.equal(facts.notAfter.getTime(), details.notAfter.getTime());
    assert.equal(facts.serialNumber, certificate.serialNumber);
    assert.equal(details.signatureAlgorithm, 'SHA-256 with RSA');
    assert.equal(details.keySize, 2048);
  });
});
