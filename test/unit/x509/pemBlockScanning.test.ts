import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { createCertificate, sharedKey, type GeneratedCertificate } from '../../fixtures/certificateFactory';
import { findPemBlocks, hasPemBlock, looksBinary, type PemBlock } from '../../../src/x509/pemBlocks';

/**
 * Offsets, escapes and damage in findPemBlocks. (pemBlocks.test.ts covers the basic formats; this
 * file checks the positions, the decoded bytes against the originals, and the odd inputs.)
 */
describe('findPemBlocks: offsets, decoding and damage', () => {
  let rsa: GeneratedCertificate;
  let ec: GeneratedCertificate;

  before(async () => {
    rsa = await createCertificate({ commonName: 'scan-rsa.example.test', keyKind: 'RSA' });
    ec = await createCertificate({ commonName: 'scan-ec.example.test' });
  });

  const hex = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('hex') : 'none');
  const pemDer = (pem: string) => hex(crypto.createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' }));

  /** A complete block's range starts at its BEGIN line and ends at its END line. */
  function assertCovers(text: string, block: PemBlock): void {
    const covered = text.slice(block.start, block.end);
    assert.ok(covered.startsWith(`-----BEGIN ${block.label}-----`), `starts: ${covered.slice(0, 40)}`);
    assert.ok(covered.endsWith(`-----END ${block.label}-----`), `ends: ${covered.slice(-40)}`);
  }

  it('finds several blocks in order, each with its own range, between prose', () => {
    const parts = [
      'Server certificate:\n',
      rsa.certPem,
      '\nand its key\n\n',
      rsa.key.pkcs8Pem,
      'then another one:\n',
      ec.certPem,
      ec.key.traditionalPem,
      'trailer',
    ];
    const text = parts.join('');
    const blocks = findPemBlocks(text);
    assert.deepEqual(
      blocks.map((block) => block.label),
      ['CERTIFICATE', 'PRIVATE KEY', 'CERTIFICATE', 'EC PRIVATE KEY'],
    );
    let previousEnd = 0;
    for (const block of blocks) {
      assertCovers(text, block);
      assert.ok(block.start >= previousEnd, 'ranges do not overlap');
      assert.equal(block.problem, undefined);
      previousEnd = block.end;
    }
    assert.equal(blocks[0].start, parts[0].length);
    assert.equal(blocks[0].end, parts[0].length + rsa.certPem.trimEnd().length);
    assert.equal(hex(blocks[0].der), hex(rsa.der));
    assert.equal(hex(blocks[2].der), hex(ec.der));
    assert.equal(blocks[1].pem, rsa.key.pkcs8Pem);
    assert.equal(blocks[3].pem, ec.key.traditionalPem);
  });

  it('normalises CRLF, a byte-order mark, tabs and indentation, keeping the ranges on the source text', () => {
    const messy = `\ufeff${rsa.certPem
      .split('\n')
      .map((line) => (line ? `\t  ${line} \t` : line))
      .join('\r\n')}`;
    const [block] = findPemBlocks(messy);
    assert.equal(block.start, messy.indexOf('-----BEGIN'));
    assertCovers(messy, block);
    assert.equal(block.pem, rsa.certPem);
    assert.ok(!block.pem.includes('\r'));
    assert.equal(hex(block.der), hex(rsa.der));
    assert.equal(block.escaped, false);
  });

  it('reads a YAML "|-" block scalar and a Terraform "<<-EOT" heredoc, both indented', () => {
    const indent = (pem: string, by: string) =>
      pem
        .trimEnd()
        .split('\n')
        .map((line) => `${by}${line}`)
        .join('\n');
    const yaml = `apiVersion: v1\ndata:\n  tls.crt: |-\n${indent(ec.certPem, '    ')}\n  tls.key: |-\n${indent(ec.key.pkcs8Pem, '    ')}\n`;
    const hcl = `resource "tls" "x" {\n  cert = <<-EOT\n${indent(rsa.certPem, '    ')}\n  EOT\n}\n`;
    const yamlBlocks = findPemBlocks(yaml);
    assert.deepEqual(
      yamlBlocks.map((block) => [block.label, block.problem]),
      [
        ['CERTIFICATE', undefined],
        ['PRIVATE KEY', undefined],
      ],
    );
    yamlBlocks.forEach((block) => assertCovers(yaml, block));
    assert.equal(hex(yamlBlocks[0].der), hex(ec.der));
    assert.equal(yamlBlocks[1].pem, ec.key.pkcs8Pem);
    const [hclBlock] = findPemBlocks(hcl);
    assertCovers(hcl, hclBlock);
    assert.equal(hex(hclBlock.der), hex(rsa.der));
  });

  it('decodes JSON strings with \\n, \\r\\n and \\/ escapes to the same DER as the original', () => {
    const json = JSON.stringify({ certificate: rsa.certPem, private_key: rsa.key.pkcs8Pem }, null, 2);
    const blocks = findPemBlocks(json);
    assert.deepEqual(
      blocks.map((block) => [block.label, block.escaped, block.problem]),
      [
        ['CERTIFICATE', true, undefined],
        ['PRIVATE KEY', true, undefined],
      ],
    );
    blocks.forEach((block) => assertCovers(json, block));
    assert.equal(hex(blocks[0].der), hex(rsa.der));
    assert.equal(pemDer(blocks[1].pem), pemDer(rsa.key.pkcs8Pem));
    // Windows line endings and PHP-style escaped slashes, as some encoders write them.
    const windows = JSON.stringify({ c: ec.certPem.replace(/\n/g, '\r\n') }).replace(/\//g, '\\/');
    const [escaped] = findPemBlocks(windows);
    assert.equal(escaped.escaped, true);
    assert.equal(escaped.problem, undefined);
    assert.equal(hex(escaped.der), hex(ec.der));
  });

  it('reads a .env value in quotes with \\n escapes', () => {
    const env = `TLS_CERT="${ec.certPem.trimEnd().replace(/\n/g, '\\n')}"\nOTHER=1\n`;
    const [block] = findPemBlocks(env);
    assert.equal(block.escaped, true);
    assert.equal(hex(block.der), hex(ec.der));
  });

  it('ends a block without an END line at its last base64 line, and still reads the next block', () => {
    const lines = rsa.certPem.trimEnd().split('\n');
    const cut = `${lines.slice(0, 6).join('\n')}\n\n`;
    const text = `${cut}${ec.key.pkcs8Pem}`;
    const [truncated, key] = findPemBlocks(text);
    assert.match(truncated.problem ?? '', /no END line/);
    assert.equal(truncated.der, undefined);
    assert.ok(text.slice(truncated.start, truncated.end).endsWith(lines[5]));
    assert.ok(truncated.end <= key.start);
    assert.equal(key.problem, undefined);
    assertCovers(text, key);
  });

  it("does not take a later block's END line for a block that lacks its own", () => {
    const text = `-----BEGIN CERTIFICATE-----\nMIIB\n${rsa.certPem}`;
    const blocks = findPemBlocks(text);
    assert.equal(blocks.length, 2);
    assert.match(blocks[0].problem ?? '', /no END line/);
    assert.equal(hex(blocks[1].der), hex(rsa.der));
  });

  it('reports a mismatched END label, damaged base64 and an empty block, and decodes none of them', () => {
    const mismatched = findPemBlocks(ec.key.pkcs8Pem.replace('END PRIVATE KEY', 'END RSA PRIVATE KEY'))[0];
    assert.match(mismatched.problem ?? '', /begins as PRIVATE KEY but ends as RSA PRIVATE KEY/);
    assert.equal(mismatched.der, undefined);
    const lines = ec.certPem.split('\n');
    lines[2] = `${lines[2].slice(0, 10)}*%$${lines[2].slice(13)}`;
    const damaged = findPemBlocks(lines.join('\n'))[0];
    assert.match(damaged.problem ?? '', /not valid base64/);
    assert.equal(damaged.der, undefined);
    const padded = findPemBlocks(`-----BEGIN CERTIFICATE-----\nAAAA==AAAA\n-----END CERTIFICATE-----\n`)[0];
    assert.match(padded.problem ?? '', /not valid base64/);
    const empty = findPemBlocks('x\n-----BEGIN CERTIFICATE-----\n\n   \n-----END CERTIFICATE-----\n')[0];
    assert.match(empty.problem ?? '', /empty/);
    assert.equal(empty.der, undefined);
  });

  it('parses the Proc-Type and DEK-Info headers of a legacy encrypted key and keeps them in the PEM', async () => {
    const key = await sharedKey('RSA');
    const legacy = crypto
      .createPrivateKey(key.pkcs8Pem)
      .export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' })
      .toString();
    const [block] = findPemBlocks(`# legacy\n${legacy.replace(/\n/g, '\r\n')}`);
    assert.equal(block.label, 'RSA PRIVATE KEY');
    assert.equal(block.headers['Proc-Type'], '4,ENCRYPTED');
    assert.match(block.headers['DEK-Info'], /^AES-256-CBC,[0-9A-F]{32}$/);
    assert.equal(block.problem, undefined);
    assert.equal(block.pem, legacy);
    // The rebuilt PEM still decrypts: headers, blank line and body survive normalisation.
    const decrypted = crypto.createPrivateKey({ key: block.pem, format: 'pem', passphrase: 'correct horse' });
    assert.equal(pemDer(decrypted.export({ type: 'pkcs8', format: 'pem' }).toString()), pemDer(key.pkcs8Pem));
  });

  it('finds all 500 certificates of a bundle, each at its exact offset', () => {
    const certificates = [rsa.certPem, ec.certPem];
    const bundle = Array.from({ length: 500 }, (_, index) => certificates[index % 2]).join('');
    const blocks = findPemBlocks(bundle);
    assert.equal(blocks.length, 500);
    let offset = 0;
    for (const [index, block] of blocks.entries()) {
      const source = certificates[index % 2];
      assert.equal(block.start, offset, `block ${index} start`);
      assert.equal(block.end, offset + source.trimEnd().length, `block ${index} end`);
      assert.equal(block.problem, undefined);
      assert.equal(hex(block.der), hex(index % 2 ? ec.der : rsa.der));
      offset += source.length;
    }
  });

  it('finds nothing in text without armour', () => {
    assert.deepEqual(findPemBlocks(''), []);
    assert.deepEqual(findPemBlocks('BEGIN CERTIFICATE\nMIIB\nEND CERTIFICATE\n'), []);
    assert.deepEqual(findPemBlocks('-----BEGIN certificate-----\nAAAA\n-----END certificate-----\n'), []);
  });

  it('hasPemBlock sees armour anywhere, escaped or not', () => {
    assert.equal(hasPemBlock(JSON.stringify({ c: ec.certPem })), true);
    assert.equal(hasPemBlock(`  key: |\n    ${ec.key.pkcs8Pem}`), true);
    assert.equal(hasPemBlock('BEGIN CERTIFICATE'), false);
    assert.equal(hasPemBlock(''), false);
  });

  it('looksBinary tells DER read as text from PEM, prose and empty text', () => {
    assert.equal(looksBinary(Buffer.from(rsa.der).toString('latin1')), true);
    assert.equal(looksBinary(Buffer.from(ec.der).toString('latin1')), true);
    assert.equal(looksBinary(Buffer.from(ec.der).toString('utf8')), true);
    assert.equal(looksBinary(rsa.certPem), false);
    assert.equal(looksBinary(`\ufeff${rsa.certPem.replace(/\n/g, '\r\n\t')}`), false);
    assert.equal(looksBinary('Just some prose, with ünïcödé and emoji 🔐.\n'), false);
    assert.equal(looksBinary(''), false);
  });
});
