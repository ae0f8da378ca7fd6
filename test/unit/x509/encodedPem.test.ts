import * as assert from 'node:assert/strict';
import { createCertificate, createChain, days, ecParametersBlock, generateKey } from '../../fixtures/certificateFactory';
import { kubernetesTlsSecret } from '../../fixtures/kubernetesSecret';
import { TEST_NOW } from '../../fixtures/testClock';
import { analysePemDocument, reorderedChain } from '../../../src/x509/documentAnalysis';
import { ENCODED_BEGIN, findEncodedValues, MAX_ENCODED_VALUE_CHARS, MAX_ENCODED_VALUES } from '../../../src/x509/encodedPem';
import { findPemBlocks, hasPemBlock } from '../../../src/x509/pemBlocks';
import { prepareUpload } from '../../../src/x509/uploadMaterial';
import { certificateDocumentAt } from '../../../src/x509/yamlDocuments';

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('base64-encoded PEM in YAML and JSON values', () => {
  it('reads a Kubernetes TLS Secret: certificate and key decoded, matched, and placed on their values', async () => {
    const leaf = await createCertificate({ commonName: 'k8s.example.test', notAfter: days(10) });
    const text = kubernetesTlsSecret({ name: 'web-tls', certPem: leaf.certPem, keyPem: leaf.key.pkcs8Pem });
    assert.ok(hasPemBlock(text));
    const analysis = analysePemDocument(text, TEST_NOW, 30);
    assert.equal(analysis.certificates[0].info?.commonName, 'k8s.example.test');
    assert.equal(analysis.keys[0].matches?.commonName, 'k8s.example.test');
    assert.deepEqual(
      analysis.findings.map((finding) => finding.code),
      ['expiring'],
    );
    const certificateValue = text.indexOf(base64(leaf.certPem));
    assert.equal(analysis.certificates[0].block.start, certificateValue);
    assert.equal(analysis.findings[0].start, certificateValue);
    assert.ok(analysis.keys[0].block.start === text.indexOf(base64(leaf.key.pkcs8Pem)));
  });

  it('reads stringData as plain PEM in a block scalar', async () => {
    const leaf = await createCertificate({ commonName: 'plain.example.test' });
    const indented = (pem: string) => pem.trimEnd().replace(/^/gm, '    ');
    const text = `kind: Secret\nstringData:\n  tls.crt: |\n${indented(leaf.certPem)}\n  tls.key: |\n${indented(leaf.key.pkcs8Pem)}\n`;
    const blocks = findPemBlocks(text);
    assert.deepEqual(
      blocks.map((block) => [block.label, block.encoded]),
      [
        ['CERTIFICATE', undefined],
        ['PRIVATE KEY', undefined],
      ],
    );
  });

  it('reads a ca.crt bundle, a wrapped block scalar with CRLF, and JSON', async () => {
    const { leaf, intermediates, root } = await createChain({ commonName: 'chain.example.test' }, 2);
    const bundle = `${intermediates[0].certPem}${root.certPem}`;
    const yaml = kubernetesTlsSecret({ name: 'c', certPem: leaf.certPem, keyPem: leaf.key.pkcs8Pem, caPem: bundle, wrap: 76, eol: '\r\n' });
    assert.deepEqual(
      findPemBlocks(yaml).map((block) => block.label),
      ['CERTIFICATE', 'CERTIFICATE', 'CERTIFICATE', 'PRIVATE KEY'],
    );
    const json = JSON.stringify({ kind: 'Secret', data: { 'tls.crt': base64(leaf.certPem), 'tls.key': base64(leaf.key.pkcs8Pem) } });
    const blocks = findPemBlocks(json);
    assert.deepEqual(
      blocks.map((block) => [block.label, json.slice(block.start, block.start + 14)]),
      [
        ['CERTIFICATE', ENCODED_BEGIN],
        ['PRIVATE KEY', ENCODED_BEGIN],
      ],
    );
  });

  it('uploads from a Secret: the certificate of tls.crt with the key of tls.key', async () => {
    const leaf = await createCertificate({ commonName: 'upload.example.test', keyKind: 'RSA' });
    const text = kubernetesTlsSecret({ name: 'up', certPem: leaf.certPem, keyPem: leaf.key.traditionalPem });
    const result = prepareUpload({ certificateText: text, purpose: 'aop', now: TEST_NOW });
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.equal(result.material.leaf.serialNumber, leaf.serialNumber);
    assert.equal(result.material.certificatePem, leaf.certPem);
  });

  it('in a manifest of several Secrets, takes the one at the offset', async () => {
    const first = await createCertificate({ commonName: 'first.example.test', key: await generateKey('ECDSA') });
    const second = await createCertificate({ commonName: 'second.example.test', key: await generateKey('ECDSA') });
    const text = [first, second]
      .map((leaf) => kubernetesTlsSecret({ name: leaf.commonName, certPem: leaf.certPem, keyPem: leaf.key.pkcs8Pem }))
      .join('---\n');
    const whole = prepareUpload({ certificateText: text, purpose: 'aop', now: TEST_NOW });
    assert.equal(whole.ok ? 'ok' : whole.code, 'multiple-keys');
    const part = certificateDocumentAt(text, text.indexOf(base64(second.certPem)) + 5);
    const result = prepareUpload({ certificateText: part.text, purpose: 'aop', now: TEST_NOW });
    assert.equal(result.ok ? result.material.leaf.commonName : result.message, 'second.example.test');
    // A document without its own key leaves the whole text to the checks.
    assert.equal(certificateDocumentAt(`a: 1\n---\n${first.certPem}---\n${first.key.pkcs8Pem}`, 12).start, 0);
  });

  it('offers no rewriting quick fix on encoded blocks', async () => {
    const { leaf, intermediates } = await createChain({ commonName: 'order.example.test' }, 2);
    const rootFirst = `data:\n  tls.crt: ${base64(`${intermediates[0].certPem}${leaf.certPem}`)}\n`;
    const analysis = analysePemDocument(rootFirst, TEST_NOW, 30);
    assert.ok(analysis.findings.some((finding) => finding.code === 'leaf-last'));
    assert.equal(reorderedChain(analysis), undefined);
    const plain = analysePemDocument(`${intermediates[0].certPem}${leaf.certPem}`, TEST_NOW, 30);
    assert.ok(reorderedChain(plain), 'the same chain in plain PEM is reordered');
    assert.ok(findPemBlocks(`k: ${base64(`${ecParametersBlock()}${leaf.key.traditionalPem}`)}`)[0].encoded);
  });

  it('ignores values that are not PEM, base64 inside a plain block, and text without the encoded BEGIN', async () => {
    const leaf = await createCertificate({ commonName: 'quiet.example.test' });
    assert.deepEqual(findPemBlocks(`data:\n  other: ${base64('hello world, no PEM here')}\n`), []);
    assert.deepEqual(findPemBlocks(`x: ab${base64(leaf.certPem)}\n`), [], 'not at the start of a value');
    const nested = `-----BEGIN CERTIFICATE-----\n${base64(leaf.certPem)}\n-----END CERTIFICATE-----\n`;
    assert.deepEqual(
      findPemBlocks(nested).map((block) => block.encoded),
      [undefined],
    );
    assert.equal(hasPemBlock('kind: Secret\ndata:\n  tls.crt: aGVsbG8=\n'), false);
  });

  it('bounds the work: values over the size limit and beyond the count limit are not decoded', async () => {
    const leaf = await createCertificate({ commonName: 'bound.example.test' });
    const value = base64(leaf.certPem);
    const padded = base64(`${leaf.certPem}${'#'.repeat(MAX_ENCODED_VALUE_CHARS)}`);
    assert.deepEqual(findPemBlocks(`big: ${padded}\n`), []);
    const many = Array.from({ length: MAX_ENCODED_VALUES + 5 }, (_, index) => `v${index}: ${value}\n`).join('');
    assert.equal(findEncodedValues(many).length, MAX_ENCODED_VALUES);
    assert.equal(findPemBlocks(many).length, MAX_ENCODED_VALUES);
    const timed = (text: string) => {
      const started = process.hrtime.bigint();
      findPemBlocks(text);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const manyMs = timed(many);
    assert.ok(manyMs < 500, `${manyMs.toFixed(0)} ms for ${MAX_ENCODED_VALUES} encoded certificates`);
    // Lines that each look like a value's start and continue one another: a value too large to decode
    // is skipped whole, so its lines are not scanned again from each of them.
    const folded = `k: ${`${ENCODED_BEGIN}${'A'.repeat(62)}\n  `.repeat(30_000)}\n`;
    const foldedMs = timed(folded);
    assert.ok(foldedMs < 1000, `${foldedMs.toFixed(0)} ms for ${folded.length} characters of folded values`);
  });
});
