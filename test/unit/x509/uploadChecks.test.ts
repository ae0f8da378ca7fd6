import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import {
  createCertificate,
  createChain,
  days,
  ecParametersBlock,
  encryptPrivateKey,
  generateKey,
  type GeneratedCertificate,
} from '../../fixtures/certificateFactory';
import { findPemBlocks } from '../../../src/x509/pemBlocks';
import {
  prepareUpload,
  stripEcParameters,
  type UploadInput,
  type UploadMaterial,
  type UploadProblemCode,
  type UploadWarningCode,
} from '../../../src/x509/uploadMaterial';
import { assertWords, createEd25519Certificate, type ExtraCertificate } from './extraCertificates';

const PASSPHRASE = 'open sesame 42';

interface Fixtures {
  readonly ec: GeneratedCertificate;
  readonly rsa: GeneratedCertificate;
  readonly ca: GeneratedCertificate;
  readonly other: GeneratedCertificate;
  readonly expired: GeneratedCertificate;
  readonly future: GeneratedCertificate;
  readonly chain: { leaf: GeneratedCertificate; intermediates: GeneratedCertificate[]; root: GeneratedCertificate };
  readonly ed25519: ExtraCertificate;
  readonly strangerPem: string;
}

type Expectation =
  | { readonly problem: UploadProblemCode }
  | { readonly warnings: readonly UploadWarningCode[]; readonly check?: (material: UploadMaterial, f: Fixtures) => void };

interface Case {
  readonly name: string;
  readonly input: (f: Fixtures) => Omit<UploadInput, 'purpose'> & { purpose?: UploadInput['purpose'] };
  readonly expect: Expectation;
}

const aop = (certificateText: string, extra: Partial<UploadInput> = {}) => ({ certificateText, purpose: 'aop' as const, ...extra });
const pair = (certificate: GeneratedCertificate, key = certificate.key.pkcs8Pem) => `${certificate.certPem}${key}`;
const legacyEncrypted = (pem: string) =>
  crypto.createPrivateKey(pem).export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE }).toString();
const pemKeyDer = (pem: string) => crypto.createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' }).toString('hex');
/** Swaps eight base64 characters of a block's first body line for characters that are not base64. */
const damage = (pem: string) => pem.replace(/\n[A-Za-z0-9+/]{8}/, '\n*&^%$#@!');

const CASES: readonly Case[] = [
  // Nothing usable.
  { name: 'empty text', input: () => aop(''), expect: { problem: 'no-certificate' } },
  { name: 'whitespace only', input: () => aop(' \n\t\r\n  '), expect: { problem: 'no-certificate' } },
  {
    name: 'random prose',
    input: () => aop('Dear team, please find the certificate attached. Regards, Ops.\n'),
    expect: { problem: 'no-certificate' },
  },
  { name: 'DER bytes read as latin1 text', input: (f) => aop(Buffer.from(f.ec.der).toString('latin1')), expect: { problem: 'der-input' } },
  {
    name: 'DER key given as the key text',
    input: (f) =>
      aop(f.ec.certPem, {
        keyText: crypto.createPrivateKey(f.ec.key.pkcs8Pem).export({ type: 'pkcs8', format: 'der' }).toString('latin1'),
      }),
    expect: { problem: 'der-input' },
  },
  // Damaged blocks.
  {
    name: 'certificate cut short (no END line)',
    input: (f) => aop(f.ec.certPem.split('\n').slice(0, 5).join('\n')),
    expect: { problem: 'truncated' },
  },
  {
    name: 'certificate with corrupted base64',
    input: (f) => aop(`${damage(f.ec.certPem)}${f.ec.key.pkcs8Pem}`),
    expect: { problem: 'unparseable-certificate' },
  },
  {
    name: 'base64 that is not a certificate',
    input: (f) => aop(`${f.ec.key.pkcs8Pem.replace(/PRIVATE KEY/g, 'CERTIFICATE')}${f.ec.key.traditionalPem}`),
    expect: { problem: 'unparseable-certificate' },
  },
  {
    name: 'certificate with a mismatched END label',
    input: (f) => aop(pair(f.ec).replace('END CERTIFICATE', 'END TRUSTED CERTIFICATE')),
    expect: { problem: 'unparseable-certificate' },
  },
  {
    name: 'empty certificate block',
    input: (f) => aop(`-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n${f.ec.key.pkcs8Pem}`),
    expect: { problem: 'unparseable-certificate' },
  },
  {
    name: 'key cut short (no END line)',
    input: (f) => aop(`${f.ec.certPem}${f.ec.key.pkcs8Pem.split('\n').slice(0, 2).join('\n')}`),
    expect: { problem: 'truncated' },
  },
  {
    name: 'key with corrupted base64',
    input: (f) => aop(`${f.ec.certPem}${damage(f.ec.key.traditionalPem)}`),
    expect: { problem: 'unparseable-key' },
  },
  {
    name: 'key block holding something else',
    input: (f) => aop(`${f.ec.certPem}${f.other.certPem.replace(/CERTIFICATE/g, 'PRIVATE KEY')}`),
    expect: { problem: 'unparseable-key' },
  },
  // Wrong material.
  { name: 'certificate only', input: (f) => aop(f.ec.certPem), expect: { problem: 'no-key' } },
  { name: 'key only', input: (f) => aop(f.ec.key.pkcs8Pem), expect: { problem: 'no-certificate' } },
  { name: 'CA certificate and its key', input: (f) => aop(pair(f.ca)), expect: { problem: 'ca-certificate' } },
  { name: 'key of another certificate', input: (f) => aop(`${f.ec.certPem}${f.strangerPem}`), expect: { problem: 'key-mismatch' } },
  {
    name: 'RSA certificate replacing an ECDSA one',
    input: (f) => ({ ...aop(pair(f.rsa)), purpose: 'pack', requiredKeyType: 'ECDSA' }),
    expect: { problem: 'key-type-change' },
  },
  {
    name: 'ECDSA certificate replacing an RSA one',
    input: (f) => ({ ...aop(pair(f.ec)), purpose: 'pack', requiredKeyType: 'RSA' }),
    expect: { problem: 'key-type-change' },
  },
  {
    name: 'encrypted key without a passphrase',
    input: (f) => aop(pair(f.ec, encryptPrivateKey(f.ec.key, PASSPHRASE))),
    expect: { problem: 'encrypted-key' },
  },
  {
    name: 'encrypted key with a wrong passphrase',
    input: (f) => aop(pair(f.ec, encryptPrivateKey(f.ec.key, PASSPHRASE)), { passphrase: 'open sesame 43' }),
    expect: { problem: 'wrong-passphrase' },
  },
  {
    name: 'legacy encrypted key with a wrong passphrase',
    input: (f) => aop(pair(f.rsa, legacyEncrypted(f.rsa.key.pkcs8Pem)), { passphrase: 'guess' }),
    expect: { problem: 'wrong-passphrase' },
  },
  {
    name: "two keys, neither the certificate's",
    input: (f) => aop(`${f.ec.certPem}${f.strangerPem}${f.other.key.pkcs8Pem}`),
    expect: { problem: 'multiple-keys' },
  },
  {
    name: 'two certificates with their two keys',
    input: (f) => aop(`${pair(f.ec)}${pair(f.other)}`),
    expect: { problem: 'multiple-keys' },
  },
  {
    name: 'two unrelated leaves and one key',
    input: (f) => aop(`${f.ec.certPem}${f.other.certPem}${f.ec.key.pkcs8Pem}`),
    expect: { problem: 'multiple-leaves' },
  },
  {
    name: 'Ed25519 certificate and key',
    input: (f) => aop(`${f.ed25519.certPem}${f.ed25519.keyPem}`),
    expect: { problem: 'unsupported-key-type' },
  },
  // Accepted, as sent.
  {
    name: 'PKCS#8 key',
    input: (f) => aop(pair(f.ec)),
    expect: { warnings: [], check: (m, f) => assert.equal(m.privateKeyPem, f.ec.key.pkcs8Pem) },
  },
  {
    name: 'PKCS#1 RSA key',
    input: (f) => aop(pair(f.rsa, f.rsa.key.traditionalPem)),
    expect: {
      warnings: [],
      check: (m, f) => assert.deepEqual([m.key.format, m.key.keyType, m.privateKeyPem], ['PKCS#1', 'RSA', f.rsa.key.traditionalPem]),
    },
  },
  {
    name: 'SEC1 EC key',
    input: (f) => aop(pair(f.ec, f.ec.key.traditionalPem)),
    expect: { warnings: [], check: (m) => assert.deepEqual([m.key.format, m.key.curve], ['SEC1', 'P-256']) },
  },
  {
    name: 'key given as a separate document',
    input: (f) => aop(f.rsa.certPem, { keyText: f.rsa.key.pkcs8Pem }),
    expect: { warnings: [], check: (m, f) => assert.equal(m.leaf.commonName, f.rsa.commonName) },
  },
  { name: 'the same key in both documents', input: (f) => aop(pair(f.ec), { keyText: f.ec.key.pkcs8Pem }), expect: { warnings: [] } },
  {
    name: "a stray key besides the certificate's own",
    input: (f) => aop(`${f.strangerPem}${pair(f.ec)}`),
    expect: { warnings: [], check: (m, f) => assert.equal(m.privateKeyPem, f.ec.key.pkcs8Pem) },
  },
  {
    name: 'ECDSA replacing ECDSA',
    input: (f) => ({ ...aop(pair(f.ec)), purpose: 'pack', requiredKeyType: 'ECDSA' }),
    expect: { warnings: [] },
  },
  {
    name: 'encrypted PKCS#8 key with the right passphrase',
    input: (f) => aop(pair(f.ec, encryptPrivateKey(f.ec.key, PASSPHRASE)), { passphrase: PASSPHRASE }),
    expect: { warnings: [], check: (m, f) => assert.deepEqual([m.privateKeyPem, m.key.format], [f.ec.key.pkcs8Pem, 'encrypted PKCS#8']) },
  },
  {
    name: 'legacy encrypted PKCS#1 key with the right passphrase',
    input: (f) => aop(pair(f.rsa, legacyEncrypted(f.rsa.key.pkcs8Pem)), { passphrase: PASSPHRASE }),
    expect: { warnings: [], check: (m, f) => assert.equal(pemKeyDer(m.privateKeyPem), pemKeyDer(f.rsa.key.pkcs8Pem)) },
  },
  {
    name: 'EC PARAMETERS before a SEC1 key',
    input: (f) => aop(`${f.ec.certPem}${ecParametersBlock()}${f.ec.key.traditionalPem}`),
    expect: { warnings: ['ec-parameters-stripped'], check: (m, f) => assert.equal(m.privateKeyPem, f.ec.key.traditionalPem) },
  },
  { name: 'CRLF line endings everywhere', input: (f) => aop(pair(f.rsa).replace(/\n/g, '\r\n')), expect: { warnings: [] } },
  { name: 'a byte-order mark', input: (f) => aop(`\ufeff${pair(f.ec)}`), expect: { warnings: [] } },
  {
    name: 'indentation and trailing whitespace',
    input: (f) =>
      aop(
        pair(f.ec)
          .split('\n')
          .map((line) => `   ${line}  \t`)
          .join('\n'),
      ),
    expect: { warnings: [] },
  },
  {
    name: 'JSON with escaped line breaks',
    input: (f) => aop(JSON.stringify({ certificate: f.ec.certPem, key: f.ec.key.pkcs8Pem })),
    expect: { warnings: [] },
  },
  {
    name: 'chain with the leaf last',
    input: (f) => aop(`${f.chain.intermediates.map((entry) => entry.certPem).join('')}${f.chain.leaf.certPem}${f.chain.leaf.key.pkcs8Pem}`),
    expect: {
      warnings: ['chain-reordered'],
      check: (m, f) => assert.equal(m.certificatePem, [f.chain.leaf, ...f.chain.intermediates].map((entry) => entry.certPem).join('')),
    },
  },
  {
    name: 'chain leaf first with its intermediates',
    input: (f) => aop([f.chain.leaf, ...f.chain.intermediates].map((entry) => entry.certPem).join('') + f.chain.leaf.key.pkcs8Pem),
    expect: {
      warnings: [],
      check: (m) =>
        assert.deepEqual(
          m.chain.map((entry) => entry.commonName),
          ['Factory Intermediate CA 2', 'Factory Intermediate CA 1'],
        ),
    },
  },
  {
    name: 'chain with its root',
    input: (f) =>
      aop([f.chain.leaf, ...f.chain.intermediates, f.chain.root].map((entry) => entry.certPem).join('') + f.chain.leaf.key.pkcs8Pem),
    expect: { warnings: ['root-dropped'], check: (m, f) => assert.ok(!m.certificatePem.includes(f.chain.root.certPem.split('\n')[1])) },
  },
  {
    name: 'chain root first, leaf last',
    input: (f) =>
      aop(
        [f.chain.root, ...[...f.chain.intermediates].reverse(), f.chain.leaf].map((entry) => entry.certPem).join('') +
          f.chain.leaf.key.pkcs8Pem,
      ),
    expect: { warnings: ['chain-reordered', 'root-dropped'], check: (m) => assert.equal(m.chain.length, 2) },
  },
  { name: 'expired certificate', input: (f) => aop(pair(f.expired)), expect: { warnings: ['expired'] } },
  { name: 'certificate not yet valid', input: (f) => aop(pair(f.future)), expect: { warnings: ['not-yet-valid'] } },
];

describe('prepareUpload: a corpus of bad and odd inputs', () => {
  let fixtures: Fixtures;

  before(async () => {
    const [ec, rsa, ca, other, expired, future, chain, ed25519, stranger] = await Promise.all([
      createCertificate({ commonName: 'upload.example.test' }),
      createCertificate({ commonName: 'rsa-upload.example.test', keyKind: 'RSA' }),
      createCertificate({ commonName: 'Upload Test CA', isCA: true, key: await generateKey('ECDSA') }),
      createCertificate({ commonName: 'other.example.test', key: await generateKey('ECDSA') }),
      createCertificate({ commonName: 'expired.example.test', notBefore: days(-400), notAfter: days(-3) }),
      createCertificate({ commonName: 'future.example.test', notBefore: days(5), notAfter: days(400) }),
      createChain({ commonName: 'chain.example.test' }, 3),
      createEd25519Certificate('ed25519.example.test'),
      generateKey('ECDSA'),
    ]);
    fixtures = { ec, rsa, ca, other, expired, future, chain, ed25519, strangerPem: stranger.pkcs8Pem };
  });

  it('has at least 25 cases', () => {
    assert.ok(CASES.length >= 25, `${CASES.length} cases`);
    assert.equal(new Set(CASES.map((entry) => entry.name)).size, CASES.length);
  });

  for (const entry of CASES) {
    it(entry.name, () => {
      const input = entry.input(fixtures);
      const result = prepareUpload({ purpose: 'aop', ...input });
      if ('problem' in entry.expect) {
        assert.equal(result.ok ? 'ok' : result.code, entry.expect.problem);
        assertWords(result.ok ? '' : result.message, entry.name);
        return;
      }
      assert.ok(result.ok, result.ok ? '' : `${result.code}: ${result.message}`);
      const { material } = result;
      assert.deepEqual(material.warnings.map((warning) => warning.code).sort(), [...entry.expect.warnings].sort());
      material.warnings.forEach((warning) => assertWords(warning.message, `${entry.name} warning`));
      assertSendable(material);
      entry.expect.check?.(material, fixtures);
    });
  }
});

/** What every accepted upload must look like, whatever the input was. */
function assertSendable(material: UploadMaterial): void {
  const certificates = findPemBlocks(material.certificatePem);
  assert.ok(certificates.length >= 1);
  assert.ok(certificates.every((block) => block.label === 'CERTIFICATE' && !block.problem));
  assert.ok(!material.certificatePem.includes('\r') && !material.privateKeyPem.includes('\r'));
  assert.equal(certificates[0].pem, material.certificatePem.slice(0, certificates[0].pem.length), 'the leaf comes first');
  assert.equal(crypto.createHash('sha256').update(certificates[0].der!).digest('hex'), material.leaf.sha256Fingerprint);
  assert.equal(certificates.length, material.chain.length + 1);
  const keys = findPemBlocks(material.privateKeyPem);
  assert.equal(keys.length, 1, 'exactly one key, no EC PARAMETERS');
  assert.ok(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY'].includes(keys[0].label), keys[0].label);
  assert.deepEqual(keys[0].headers, {}, 'not encrypted');
  assert.equal(material.key.spkiSha256, material.leaf.spkiSha256);
  assert.ok(!('pkcs8Pem' in material.key), 'the decrypted key is not kept beside the material');
}

describe('stripEcParameters', () => {
  const key = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n';

  it('removes the EC PARAMETERS block before a key and nothing else', () => {
    assert.equal(stripEcParameters(`${ecParametersBlock()}${key}`), key);
    assert.equal(stripEcParameters(`cert\n${ecParametersBlock()}${key}`), `cert\n${key}`);
  });

  it('removes CRLF and repeated blocks', () => {
    const crlf = ecParametersBlock().replace(/\n/g, '\r\n');
    assert.equal(stripEcParameters(`${crlf}${key}${crlf}`), key);
  });

  it('leaves text without EC PARAMETERS unchanged', () => {
    assert.equal(stripEcParameters(key), key);
    assert.equal(stripEcParameters(''), '');
  });
});
