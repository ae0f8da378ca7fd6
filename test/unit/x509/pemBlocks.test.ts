import * as assert from 'node:assert/strict';
import { createCertificate, type GeneratedCertificate } from '../../fixtures/certificateFactory';
import { findPemBlocks, hasPemBlock, looksBinary } from '../../../src/x509/pemBlocks';

describe('findPemBlocks across the formats PEM hides in', () => {
  let certificate: GeneratedCertificate;

  before(async () => {
    certificate = await createCertificate({ commonName: 'blocks.example.com', keyKind: 'RSA' });
  });

  const derOf = (text: string) => Buffer.from(findPemBlocks(text)[0].der!).toString('hex');
  const expectedDer = () => Buffer.from(certificate.der).toString('hex');

  it('reads a plain PEM file, with offsets that cover BEGIN to END', () => {
    const text = `# comment\n${certificate.certPem}${certificate.key.pkcs8Pem}`;
    const [cert, key] = findPemBlocks(text);
    assert.equal(cert.label, 'CERTIFICATE');
    assert.equal(key.label, 'PRIVATE KEY');
    assert.ok(text.slice(cert.start, cert.end).startsWith('-----BEGIN CERTIFICATE-----'));
    assert.ok(text.slice(cert.start, cert.end).endsWith('-----END CERTIFICATE-----'));
    assert.equal(cert.pem, certificate.certPem);
    assert.equal(derOf(text), expectedDer());
  });

  it('reads CRLF line endings, a byte-order mark and trailing spaces', () => {
    const text = `\ufeff${certificate.certPem.replace(/\n/g, '  \r\n')}`;
    assert.equal(derOf(text), expectedDer());
    assert.equal(findPemBlocks(text)[0].problem, undefined);
  });

  it('reads a certificate indented in a YAML block scalar', () => {
    const yaml = `tls:\n  crt: |\n${certificate.certPem
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n')}\n  other: 1\n`;
    assert.equal(derOf(yaml), expectedDer());
  });

  it('reads a Terraform heredoc', () => {
    const hcl = `resource "x" "y" {\n  certificate = <<EOT\n${certificate.certPem}EOT\n}\n`;
    assert.equal(derOf(hcl), expectedDer());
  });

  it('reads a JSON string with \\n escapes, and says it was escaped', () => {
    const json = JSON.stringify({ certificate: certificate.certPem, key: certificate.key.pkcs8Pem });
    const blocks = findPemBlocks(json);
    assert.deepEqual(
      blocks.map((block) => [block.label, block.escaped]),
      [
        ['CERTIFICATE', true],
        ['PRIVATE KEY', true],
      ],
    );
    assert.equal(derOf(json), expectedDer());
  });

  it('reports a block with no END line as cut short, without decoding it', () => {
    const [block] = findPemBlocks(certificate.certPem.slice(0, 300));
    assert.match(block.problem ?? '', /no END line/);
    assert.equal(block.der, undefined);
  });

  it('reports mismatched labels, damaged base64 and an empty block', () => {
    assert.match(
      findPemBlocks(certificate.certPem.replace('END CERTIFICATE', 'END X509 CRL'))[0].problem ?? '',
      /begins as CERTIFICATE but ends as X509 CRL/,
    );
    assert.match(findPemBlocks(certificate.certPem.replace(/\n[A-Za-z0-9+/]{4}/, '\n!@#$'))[0].problem ?? '', /not valid base64/);
    assert.match(findPemBlocks('-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n')[0].problem ?? '', /empty/);
  });

  it('keeps the RFC 1421 headers of a legacy encrypted key', () => {
    const legacy =
      '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n\nAAAA\n-----END RSA PRIVATE KEY-----\n';
    const [block] = findPemBlocks(legacy);
    assert.equal(block.headers['Proc-Type'], '4,ENCRYPTED');
    assert.equal(block.headers['DEK-Info'], 'AES-256-CBC,00112233445566778899AABBCCDDEEFF');
  });

  it('finds every block of a 500-certificate bundle', () => {
    const bundle = certificate.certPem.repeat(500);
    const blocks = findPemBlocks(bundle);
    assert.equal(blocks.length, 500);
    assert.ok(blocks.every((block) => !block.problem));
  });

  it('tells text that may hold PEM, and binary DER read as text', () => {
    assert.ok(hasPemBlock(certificate.certPem));
    assert.ok(!hasPemBlock('key: value'));
    assert.ok(looksBinary(Buffer.from(certificate.der).toString('latin1')));
    assert.ok(!looksBinary(certificate.certPem));
  });
});
