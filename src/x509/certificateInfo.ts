import * as l10n from '@vscode/l10n';
import { createHash, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { PemError } from './pemError';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export type KeyType = 'RSA' | 'ECDSA' | 'Ed25519' | 'Ed448' | 'unknown';

/** What a certificate says about itself, decoded once and shown by tooltips, hovers and checks. */
export interface CertificateInfo {
  readonly subject: string;
  readonly commonName?: string;
  readonly sans: readonly string[];
  readonly issuer: string;
  readonly issuerCommonName?: string;
  /** Lower-case hex, no colons, no leading zero bytes (as Cloudflare reports it, case aside). */
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** In words, e.g. "SHA-256 with RSA" or "ECDSA with SHA-256". */
  readonly signatureAlgorithm: string;
  readonly keyType: KeyType;
  readonly keySize?: number;
  readonly curve?: string;
  readonly isCA: boolean;
  readonly selfSigned: boolean;
  /** Lower-case hex SHA-256 of the DER. */
  readonly sha256Fingerprint: string;
  /** Lower-case hex SHA-256 of the SubjectPublicKeyInfo, to match private keys. */
  readonly spkiSha256: string;
}

const OID_NAMES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.11': 'SHA-256 with RSA',
  '1.2.840.113549.1.1.12': 'SHA-384 with RSA',
  '1.2.840.113549.1.1.13': 'SHA-512 with RSA',
  '1.2.840.113549.1.1.5': 'SHA-1 with RSA',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.10045.4.3.2': 'ECDSA with SHA-256',
  '1.2.840.10045.4.3.3': 'ECDSA with SHA-384',
  '1.2.840.10045.4.3.4': 'ECDSA with SHA-512',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};

const SUBJECT_ALT_NAME = '2.5.29.17';
const BASIC_CONSTRAINTS = '2.5.29.19';

const CURVES: Readonly<Record<string, string>> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};

export function inspectCertificate(der: Uint8Array): CertificateInfo {
  let certificate: x509.X509Certificate;
  try {
    certificate = new x509.X509Certificate(Buffer.from(der));
  } catch {
    throw new PemError(
      'unparseable',
      l10n.t('This is not a certificate that can be read (the block decodes, but not as an X.509 certificate).'),
    );
  }
  // Found by OID: getExtension(Class) costs ten times as much per certificate.
  const sanExtension = certificate.extensions.find((extension) => extension.type === SUBJECT_ALT_NAME);
  const sans = sanExtension ? new x509.SubjectAlternativeNameExtension(sanExtension.rawData).names.items.map((name) => name.value) : [];
  const basicExtension = certificate.extensions.find((extension) => extension.type === BASIC_CONSTRAINTS);
  const basic = basicExtension ? new x509.BasicConstraintsExtension(basicExtension.rawData) : undefined;
  const spki = Buffer.from(certificate.publicKey.rawData);
  const { keyType, keySize, curve } = describePublicKey(certificate.publicKey);
  const signatureOid = (certificate.signatureAlgorithm as { name?: string; hash?: { name?: string } }) ?? {};
  return {
    subject: certificate.subject,
    commonName: firstValue(certificate.subjectName, 'CN'),
    sans,
    issuer: certificate.issuer,
    issuerCommonName: firstValue(certificate.issuerName, 'CN'),
    serialNumber: certificate.serialNumber.toLowerCase().replace(/^(00)+(?=.)/, ''),
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    signatureAlgorithm: signatureWords(certificate, signatureOid),
    keyType,
    keySize,
    curve,
    isCA: basic?.ca ?? false,
    selfSigned: certificate.subject === certificate.issuer,
    sha256Fingerprint: createHash('sha256').update(der).digest('hex'),
    spkiSha256: createHash('sha256').update(spki).digest('hex'),
  };
}

export { displayName } from './displayName';

function firstValue(name: x509.Name, field: string): string | undefined {
  return name.getField(field)[0];
}

function describePublicKey(publicKey: x509.PublicKey): { keyType: KeyType; keySize?: number; curve?: string } {
  const algorithm = publicKey.algorithm as { name?: string; namedCurve?: string; modulusLength?: number };
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5':
    case 'RSA-PSS':
    case 'RSA-OAEP':
      return { keyType: 'RSA', keySize: algorithm.modulusLength };
    case 'ECDSA':
    case 'ECDH':
      return { keyType: 'ECDSA', curve: algorithm.namedCurve, keySize: curveBits(algorithm.namedCurve) };
    case 'Ed25519':
      return { keyType: 'Ed25519', keySize: 256 };
    case 'Ed448':
      return { keyType: 'Ed448', keySize: 456 };
    default:
      return { keyType: 'unknown' };
  }
}

function curveBits(curve: string | undefined): number | undefined {
  return curve ? Number(/\d+/.exec(curve)?.[0]) || undefined : undefined;
}

function signatureWords(certificate: x509.X509Certificate, algorithm: { name?: string; hash?: { name?: string } }): string {
  const oid = (certificate as unknown as { asn: { signatureAlgorithm: { algorithm: string } } }).asn?.signatureAlgorithm?.algorithm;
  if (oid && OID_NAMES[oid]) {
    return OID_NAMES[oid];
  }
  return [algorithm.name, algorithm.hash?.name].filter(Boolean).join(' with ') || 'unknown';
}

/** Exported for the curve names table's users (hover texts). */
export function curveName(oid: string): string | undefined {
  return CURVES[oid];
}
