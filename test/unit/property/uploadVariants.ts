import * as crypto from 'node:crypto';
import fc from 'fast-check';
import { ecParametersBlock, encryptPrivateKey, type GeneratedCertificate } from '../../fixtures/certificateFactory';
import type { MaterialPool } from './materialPool';
import { style, type Style } from './pemEmbedding';

/**
 * Every way the pool's material can be written down: each key in each encoding it is met in, and
 * the blocks an upload document can hold. Encrypting costs a key derivation, so it is done once here.
 */
export const PASSPHRASE = 'correct horse 7';

export interface KeyVariant {
  readonly label: string;
  readonly pem: string;
  readonly encrypted: boolean;
}

export function keyVariants(certificate: GeneratedCertificate): KeyVariant[] {
  const traditional = certificate.key.kind === 'RSA' ? 'RSA PRIVATE KEY' : 'EC PRIVATE KEY';
  const legacy = crypto
    .createPrivateKey(certificate.key.pkcs8Pem)
    .export({ type: certificate.key.kind === 'RSA' ? 'pkcs1' : 'sec1', format: 'pem', cipher: 'aes-128-cbc', passphrase: PASSPHRASE })
    .toString();
  return [
    { label: 'PRIVATE KEY', pem: certificate.key.pkcs8Pem, encrypted: false },
    { label: traditional, pem: certificate.key.traditionalPem, encrypted: false },
    { label: 'ENCRYPTED PRIVATE KEY', pem: encryptPrivateKey(certificate.key, PASSPHRASE), encrypted: true },
    { label: traditional, pem: legacy, encrypted: true },
  ];
}

/** The PKCS#8 DER of a key PEM, to compare keys whatever their encoding. */
export function keyDer(pem: string, passphrase?: string): string {
  return crypto.createPrivateKey({ key: pem, format: 'pem', passphrase }).export({ type: 'pkcs8', format: 'der' }).toString('hex');
}

/** A leaf and what it is uploaded with: the issuers it needs (in order), its root, its key's encodings. */
export interface Setup {
  readonly chain: readonly GeneratedCertificate[];
  readonly root?: GeneratedCertificate;
  readonly variants: readonly KeyVariant[];
}

export function setups(pool: MaterialPool): Setup[] {
  const [rsa, ec] = pool.leaves;
  return [
    { chain: [rsa], variants: keyVariants(rsa) },
    { chain: [ec], variants: keyVariants(ec) },
    { chain: [pool.chain.leaf, ...pool.chain.intermediates], root: pool.chain.root, variants: keyVariants(pool.chain.leaf) },
  ];
}

export interface ValidUpload {
  readonly setup: Setup;
  /** The certificates in document order: the chain (leaf first) in any order, and maybe the root. */
  readonly certificates: readonly GeneratedCertificate[];
  readonly withRoot: boolean;
  readonly key: KeyVariant;
  readonly ecParameters: boolean;
  /** The key in its own document rather than beside the certificates. */
  readonly separateKey: boolean;
  readonly keyPosition: number;
  readonly styles: readonly Style[];
  readonly proses: readonly string[];
}

const PROSE = ['', 'chain:', '# ours\r\n', '\uFEFF', '  ', 'key follows'];

/** Any valid upload of one of the setups: orderings, key encodings, placements and styles. */
export function validUpload(all: readonly Setup[]): fc.Arbitrary<ValidUpload> {
  return fc
    .record({
      setup: fc.constantFrom(...all),
      withRoot: fc.boolean(),
      ranks: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
      keyIndex: fc.nat(),
      keyPosition: fc.nat(),
      ecParameters: fc.boolean(),
      separateKey: fc.boolean(),
      styles: fc.array(style, { minLength: 6, maxLength: 6 }),
      proses: fc.array(fc.constantFrom(...PROSE), { minLength: 7, maxLength: 7 }),
    })
    .map(({ setup, withRoot, ranks, keyIndex, keyPosition, ecParameters, separateKey, styles, proses }) => {
      const members = [...setup.chain, ...(withRoot && setup.root ? [setup.root] : [])];
      // Sorting by random ranks is a permutation that shrinks towards the natural order.
      const certificates = members
        .map((certificate, index) => ({ certificate, index, rank: ranks[index] }))
        .sort((a, b) => a.rank - b.rank || a.index - b.index)
        .map((entry) => entry.certificate);
      const key = setup.variants[keyIndex % setup.variants.length];
      return {
        setup,
        certificates,
        withRoot: withRoot && setup.root !== undefined,
        key,
        ecParameters: ecParameters && key.label === 'EC PRIVATE KEY' && !key.encrypted,
        separateKey,
        keyPosition: keyPosition % (certificates.length + 1),
        styles,
        proses,
      };
    });
}

/** The blocks of the certificate document and of the key document (empty when the key is beside). */
export function documentsOf(upload: ValidUpload): {
  certificateDocument: { label: string; pem: string }[];
  keyDocument: { label: string; pem: string }[];
} {
  const certificateBlocks = upload.certificates.map((certificate) => ({ label: 'CERTIFICATE', pem: certificate.certPem }));
  const keyBlocks = [
    ...(upload.ecParameters ? [{ label: 'EC PARAMETERS', pem: ecParametersBlock() }] : []),
    { label: upload.key.label, pem: upload.key.pem },
  ];
  if (upload.separateKey) {
    return { certificateDocument: certificateBlocks, keyDocument: keyBlocks };
  }
  const document = [...certificateBlocks];
  document.splice(upload.keyPosition, 0, ...keyBlocks);
  return { certificateDocument: document, keyDocument: [] };
}
