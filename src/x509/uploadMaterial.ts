import * as l10n from '@vscode/l10n';
import { displayName, inspectCertificate, type CertificateInfo } from './certificateInfo';
import { findPemBlocks, looksBinary, type PemBlock } from './pemBlocks';
import { PemError } from './pemError';
import { inspectPrivateKey, isPrivateKeyBlock, type PrivateKeyInfo } from './privateKey';

/**
 * The checks made before anything is sent to Cloudflare. Each failure is a code and a sentence; what
 * the user may accept (an expired certificate, a reordered chain) is a warning on the material.
 */
export type UploadPurpose = 'aop' | 'pack';

export interface UploadInput {
  readonly certificateText: string;
  /** A separate key document, when the certificate's document has no key. */
  readonly keyText?: string;
  readonly passphrase?: string;
  readonly purpose: UploadPurpose;
  /** Pack replace: the key type of the certificate being replaced. */
  readonly requiredKeyType?: 'RSA' | 'ECDSA';
  readonly now?: Date;
}

export type UploadWarningCode = 'expired' | 'not-yet-valid' | 'ec-parameters-stripped' | 'chain-reordered' | 'root-dropped';

export interface UploadWarning {
  readonly code: UploadWarningCode;
  readonly message: string;
}

export interface UploadMaterial {
  /** The leaf, then its intermediates in order, LF line endings. */
  readonly certificatePem: string;
  /** The key to send: unencrypted, without any EC PARAMETERS block. */
  readonly privateKeyPem: string;
  readonly leaf: CertificateInfo;
  readonly chain: readonly CertificateInfo[];
  readonly key: Omit<PrivateKeyInfo, 'pkcs8Pem'>;
  readonly warnings: readonly UploadWarning[];
}

export type UploadProblemCode =
  | 'no-certificate'
  | 'der-input'
  | 'unparseable-certificate'
  | 'truncated'
  | 'ca-certificate'
  | 'no-key'
  | 'unparseable-key'
  | 'unsupported-key-type'
  | 'encrypted-key'
  | 'wrong-passphrase'
  | 'key-mismatch'
  | 'key-type-change'
  | 'multiple-keys'
  | 'multiple-leaves';

export type UploadCheck = { ok: true; material: UploadMaterial } | { ok: false; code: UploadProblemCode; message: string };

const fail = (code: UploadProblemCode, message: string): UploadCheck => ({ ok: false, code, message });

/** Removes the EC PARAMETERS blocks `openssl ecparam -genkey` writes before a key. */
export function stripEcParameters(text: string): string {
  return text.replace(/-----BEGIN EC PARAMETERS-----[\s\S]*?-----END EC PARAMETERS-----\r?\n?/g, '');
}

const caRefusal = (certificate: CertificateInfo) =>
  l10n.t(
    '"{0}" is a CA certificate (CA:TRUE). Only leaf certificates are allowed: upload the end-entity certificate.',
    displayName(certificate),
  );

export function prepareUpload(input: UploadInput): UploadCheck {
  const now = input.now ?? new Date();
  if (looksBinary(input.certificateText) || (input.keyText !== undefined && looksBinary(input.keyText))) {
    return fail(
      'der-input',
      l10n.t(
        'This file is binary (DER), not PEM text. Convert it first, e.g. "{0}" (for a PKCS#12 bundle, "{1}").',
        'openssl x509 -inform der -in cert.der -out cert.pem',
        'openssl pkcs12 -in bundle.p12 -nodes -out bundle.pem',
      ),
    );
  }
  // Certificates come only from the document the person chose; a separate key document contributes
  // its key (and any EC PARAMETERS before it) and nothing else, so a certificate beside that key can
  // never be uploaded in place of the chosen one.
  const keyDocumentBlocks = input.keyText
    ? findPemBlocks(input.keyText).filter((block) => isPrivateKeyBlock(block) || block.label === 'EC PARAMETERS')
    : [];
  const blocks = [...findPemBlocks(input.certificateText), ...keyDocumentBlocks];
  const damaged = blocks.find((block) => block.problem && (block.label === 'CERTIFICATE' || isPrivateKeyBlock(block)));
  if (damaged) {
    const code = damaged.truncated ? 'truncated' : damaged.label === 'CERTIFICATE' ? 'unparseable-certificate' : 'unparseable-key';
    return fail(code, damaged.problem ?? l10n.t('A PEM block is damaged.'));
  }
  const certificateBlocks = blocks.filter((block) => block.label === 'CERTIFICATE');
  if (certificateBlocks.length === 0) {
    const words =
      input.certificateText.trim() === ''
        ? l10n.t('The document is empty.')
        : l10n.t('There is no certificate (a "BEGIN CERTIFICATE" block) in the document.');
    return fail('no-certificate', [words, l10n.t('Open the certificate (PEM) you want to upload.')].join(' '));
  }
  let certificates: CertificateInfo[];
  try {
    certificates = certificateBlocks.map((block) => inspectCertificate(block.der!));
  } catch (error) {
    return fail('unparseable-certificate', error instanceof PemError ? error.message : l10n.t('The certificate cannot be read.'));
  }
  const keyBlocks = distinct(blocks.filter(isPrivateKeyBlock));
  if (keyBlocks.length === 0 && certificates.every((certificate) => certificate.isCA) && input.purpose === 'aop') {
    // Say what is wrong with the certificate before asking for a key it could never be uploaded with.
    return fail('ca-certificate', caRefusal(certificates[0]));
  }
  if (keyBlocks.length === 0) {
    return fail(
      'no-key',
      l10n.t('No private key was found for this certificate. Cloudflare needs the certificate and its private key together.'),
    );
  }
  const keys: { block: PemBlock; info: PrivateKeyInfo }[] = [];
  for (const block of keyBlocks) {
    try {
      keys.push({ block, info: inspectPrivateKey(block, input.passphrase) });
    } catch (error) {
      if (!(error instanceof PemError)) {
        throw error;
      }
      const code =
        error.reason === 'encrypted' ? 'encrypted-key' : error.reason === 'wrong-passphrase' ? 'wrong-passphrase' : 'unparseable-key';
      return fail(code, error.message);
    }
  }
  const matching = keys.filter((key) => certificates.some((certificate) => certificate.spkiSha256 === key.info.spkiSha256));
  if (keys.length > 1 && matching.length !== 1) {
    return fail('multiple-keys', l10n.t('The document holds more than one private key; keep only the key of the certificate you upload.'));
  }
  const key = matching[0] ?? keys[0];
  if (key.info.keyType !== 'RSA' && key.info.keyType !== 'ECDSA') {
    return fail('unsupported-key-type', l10n.t('Cloudflare accepts RSA and ECDSA keys; this key is {0}.', key.info.keyType));
  }
  const leafIndex = certificates.findIndex((certificate) => certificate.spkiSha256 === key.info.spkiSha256);
  if (leafIndex < 0) {
    const leafName = displayName(certificates.find((certificate) => !certificate.isCA) ?? certificates[0]);
    return fail('key-mismatch', l10n.t('The private key does not belong to the certificate "{0}": their public keys differ.', leafName));
  }
  const leaf = certificates[leafIndex];
  if (leaf.isCA) {
    return fail('ca-certificate', caRefusal(leaf));
  }
  const otherLeaves = certificates.filter((certificate, index) => index !== leafIndex && !certificate.isCA);
  if (otherLeaves.length > 0) {
    return fail(
      'multiple-leaves',
      l10n.t(
        'The document holds more than one end-entity certificate ("{0}" and "{1}"); upload one at a time.',
        displayName(leaf),
        displayName(otherLeaves[0]),
      ),
    );
  }
  if (input.requiredKeyType && input.requiredKeyType !== key.info.keyType) {
    return fail(
      'key-type-change',
      l10n.t(
        'The certificate being replaced is {0}, this one is {1}. A pack keeps one certificate of each type: replace it with another {0} certificate.',
        input.requiredKeyType,
        key.info.keyType,
      ),
    );
  }
  const warnings: UploadWarning[] = [];
  const chain = orderChain(leaf, certificates, certificateBlocks, leafIndex, warnings);
  if (leaf.notAfter.getTime() <= now.getTime()) {
    warnings.push({
      code: 'expired',
      message: l10n.t('"{0}" expired on {1}.', displayName(leaf), leaf.notAfter.toISOString().slice(0, 10)),
    });
  } else if (leaf.notBefore.getTime() > now.getTime()) {
    warnings.push({
      code: 'not-yet-valid',
      message: l10n.t('"{0}" is not valid until {1}.', displayName(leaf), leaf.notBefore.toISOString().slice(0, 10)),
    });
  }
  if (blocks.some((block) => block.label === 'EC PARAMETERS')) {
    warnings.push({
      code: 'ec-parameters-stripped',
      message: l10n.t('The key came with an EC PARAMETERS block, which Cloudflare refuses; it is left out of the upload.'),
    });
  }
  const { pkcs8Pem, ...keyInfo } = key.info;
  return {
    ok: true,
    material: {
      certificatePem: chain.map((entry) => entry.pem).join(''),
      privateKeyPem: key.block.label === 'ENCRYPTED PRIVATE KEY' || key.block.headers['Proc-Type'] ? pkcs8Pem : key.block.pem,
      leaf,
      chain: chain.slice(1).map((entry) => entry.info),
      key: keyInfo,
      warnings,
    },
  };
}

/** Leaf first, then each issuer in turn; a self-signed root is left out (clients already hold it). */
function orderChain(
  leaf: CertificateInfo,
  certificates: CertificateInfo[],
  blocks: PemBlock[],
  leafIndex: number,
  warnings: UploadWarning[],
): { info: CertificateInfo; pem: string }[] {
  const remaining = certificates.map((info, index) => ({ info, pem: blocks[index].pem })).filter((_, index) => index !== leafIndex);
  const ordered = [{ info: leaf, pem: blocks[leafIndex].pem }];
  for (let current = leaf; ;) {
    const next = remaining.findIndex((entry) => entry.info.subject === current.issuer && entry.info.isCA);
    if (next < 0 || current.selfSigned) {
      break;
    }
    const [issuer] = remaining.splice(next, 1);
    if (issuer.info.selfSigned) {
      warnings.push({
        code: 'root-dropped',
        message: l10n.t('The self-signed root "{0}" is left out of the upload.', displayName(issuer.info)),
      });
      break;
    }
    ordered.push(issuer);
    current = issuer.info;
  }
  ordered.push(...remaining.filter((entry) => !entry.info.selfSigned));
  if (leafIndex !== 0 || ordered.some((entry, index) => entry.pem !== blocks[index]?.pem)) {
    if (leafIndex !== 0) {
      warnings.push({
        code: 'chain-reordered',
        message: l10n.t('The leaf certificate was not first; the chain is sent leaf first, as Cloudflare expects.'),
      });
    }
  }
  return ordered;
}

function distinct(blocks: PemBlock[]): PemBlock[] {
  const seen = new Set<string>();
  return blocks.filter((block) => !seen.has(block.pem) && seen.add(block.pem));
}
