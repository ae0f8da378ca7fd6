import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findPemBlocks } from '../../../src/x509/pemBlocks';
import { prepareUpload, type UploadCheck, type UploadInput } from '../../../src/x509/uploadMaterial';
import { materialPool, type MaterialPool } from './materialPool';
import { compose } from './pemEmbedding';
import { anyText } from './textArbitraries';
import { TEST_NOW } from '../../fixtures/testClock';
import { documentsOf, keyDer, PASSPHRASE, setups, validUpload, type Setup, type ValidUpload } from './uploadVariants';

const NOW = TEST_NOW;

/** The base64 of every private key in the pool, in every encoding: none may show up in a message. */
function secretRuns(all: readonly Setup[], pool: MaterialPool): string[] {
  const pems = [...all.flatMap((setup) => setup.variants.map((variant) => variant.pem)), pool.stranger.pkcs8Pem, pool.ca.key.pkcs8Pem];
  return pems.flatMap((pem) => pem.split('\n').filter((line) => /^[A-Za-z0-9+/]{40,}$/.test(line)));
}

/** Whatever the verdict: a refusal carries nothing sendable; an acceptance only sound material. */
function assertSafe(input: UploadInput, check: UploadCheck, secrets: readonly string[]): void {
  if (!check.ok) {
    assert.deepEqual(Object.keys(check).sort(), ['code', 'message', 'ok'], 'a refusal holds a code and a sentence only');
    assert.ok(check.message.length > 0 && !/PRIVATE KEY-----/.test(check.message));
    assert.ok(
      secrets.every((secret) => !check.message.includes(secret)),
      'no key material in the message',
    );
    return;
  }
  const { certificatePem, privateKeyPem, leaf, key } = check.material;
  const sentCertificates = findPemBlocks(certificatePem);
  assert.ok(sentCertificates.length >= 1 && sentCertificates.every((block) => block.label === 'CERTIFICATE' && !block.problem));
  assert.ok(!certificatePem.includes('\r') && !privateKeyPem.includes('\r'), 'LF line endings');
  const inputText = `${input.certificateText}\n${input.keyText ?? ''}`;
  const given = new Set(findPemBlocks(inputText).map((block) => block.pem));
  assert.ok(
    sentCertificates.every((block) => given.has(block.pem)),
    'only certificates the user gave',
  );
  const keys = findPemBlocks(privateKeyPem);
  assert.equal(keys.length, 1, 'exactly one key block');
  assert.ok(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY'].includes(keys[0].label) && !keys[0].headers['Proc-Type'], 'unencrypted');
  assert.ok(!leaf.isCA && (key.keyType === 'RSA' || key.keyType === 'ECDSA'), 'a leaf with an RSA or ECDSA key');
  assert.equal(key.spkiSha256, leaf.spkiSha256, 'the key belongs to the leaf');
  assert.ok(input.requiredKeyType === undefined || input.requiredKeyType === key.keyType);
}

/** One character of a PEM's body replaced (past its BEGIN line). */
function damageAt(pem: string, at: number, to: string): string {
  const position = 30 + (at % (pem.length - 31));
  return `${pem.slice(0, position)}${to}${pem.slice(position + 1)}`;
}

describe('property: the upload pre-flight sends nothing when it refuses, and accepts every valid variant', function () {
  let pool: MaterialPool;
  let all: Setup[];
  let secrets: string[];
  let pieces: string[];

  before(async function () {
    this.timeout(60_000);
    pool = await materialPool();
    all = setups(pool);
    secrets = secretRuns(all, pool);
    const certificates = [...pool.leaves, pool.chain.leaf, ...pool.chain.intermediates, pool.chain.root, pool.ca];
    pieces = [
      ...certificates.map((certificate) => certificate.certPem),
      ...all.flatMap((setup) => setup.variants.map((variant) => variant.pem)),
      pool.stranger.pkcs8Pem,
      pool.ca.key.pkcs8Pem,
    ];
  });

  it('any mix of real blocks, damage and noise is refused with nothing to send, or accepted soundly', () => {
    // Matching pairs too: random pieces alone almost never make an upload that could be accepted.
    // CA certificates with their own keys as well: the pair a CA check has to refuse.
    const leafPair = fc
      .constantFrom(...all)
      .chain((setup) =>
        fc.constantFrom(...setup.variants).map((key) => `${setup.chain.map((certificate) => certificate.certPem).join('')}${key.pem}`),
      );
    const caPair = fc.constantFrom(pool.ca, pool.chain.root, ...pool.chain.intermediates).map((ca) => `${ca.certPem}${ca.key.pkcs8Pem}`);
    const pair = fc.oneof({ weight: 3, arbitrary: leafPair }, { weight: 1, arbitrary: caPair });
    const piece = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...pieces) },
      { weight: 3, arbitrary: pair },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...pieces), fc.nat(), fc.constantFrom('A', '*', '', '\n', '-'))
          .map(([pem, at, to]) => damageAt(pem, at, to)),
      },
      { weight: 1, arbitrary: anyText },
    );
    const input: fc.Arbitrary<UploadInput> = fc.record({
      certificateText: fc.array(piece, { maxLength: 5 }).map((parts) => parts.join('')),
      keyText: fc.option(
        fc.array(piece, { maxLength: 2 }).map((parts) => parts.join('')),
        { nil: undefined },
      ),
      passphrase: fc.constantFrom(undefined, PASSPHRASE, 'wrong'),
      purpose: fc.constantFrom('aop' as const, 'pack' as const),
      requiredKeyType: fc.constantFrom(undefined, 'RSA' as const, 'ECDSA' as const),
      now: fc.constant(NOW),
    });
    fc.assert(
      fc.property(input, (given) => {
        assertSafe(given, prepareUpload(given), secrets);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts every valid variant: any chain order, key encoding, placement, line endings and surroundings', () => {
    fc.assert(
      fc.property(validUpload(all), (upload: ValidUpload) => {
        const { certificateDocument, keyDocument } = documentsOf(upload);
        const parts = (blocks: typeof certificateDocument, offset: number) =>
          blocks.map((pem, index) => ({ pem, style: upload.styles[(offset + index) % 6], prose: upload.proses[(offset + index) % 7] }));
        const certificateText = compose(parts(certificateDocument, 0), upload.proses[6]).text;
        const keyText = keyDocument.length > 0 ? compose(parts(keyDocument, 3), '').text : undefined;
        const input: UploadInput = {
          certificateText,
          keyText,
          passphrase: upload.key.encrypted ? PASSPHRASE : undefined,
          purpose: 'aop',
          now: NOW,
        };
        const check = prepareUpload(input);
        assert.ok(check.ok, check.ok ? '' : `${check.code}: ${check.message}`);
        assertSafe(input, check, secrets);
        const { material } = check;
        assert.equal(
          material.certificatePem,
          upload.setup.chain.map((certificate) => certificate.certPem).join(''),
          'leaf first, then each issuer, no root',
        );
        assert.equal(keyDer(material.privateKeyPem), keyDer(upload.setup.chain[0].key.pkcs8Pem));
        const warnings = material.warnings.map((warning) => warning.code).sort();
        const leafFirst = upload.certificates[0] === upload.setup.chain[0];
        const expected = [
          ...(leafFirst ? [] : ['chain-reordered']),
          ...(upload.ecParameters ? ['ec-parameters-stripped'] : []),
          ...(upload.withRoot ? ['root-dropped'] : []),
        ].sort();
        assert.deepEqual(warnings, expected);
      }),
      { numRuns: 400 },
    );
  });
});
