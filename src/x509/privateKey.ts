import * as l10n from '@vscode/l10n';
import type { KeyObject } from 'node:crypto';
import { nodeCrypto } from './nodeCrypto';
import type { KeyType } from './certificateInfo';
import type { PemBlock } from './pemBlocks';
import { PemError } from './pemError';

/**
 * What a private key is, read with Node's own crypto (PKCS#1, PKCS#8, SEC1, encrypted PKCS#8 and
 * legacy encrypted PKCS#1). The decrypted key stays in memory, in the returned object only.
 */
export interface PrivateKeyInfo {
  readonly keyType: KeyType;
  readonly keySize?: number;
  readonly curve?: string;
  readonly format: 'PKCS#1' | 'PKCS#8' | 'SEC1' | 'encrypted PKCS#8' | 'encrypted PKCS#1';
  /** Lower-case hex SHA-256 of the public key's SubjectPublicKeyInfo: equal to the certificate's when they match. */
  readonly spkiSha256: string;
  /** The key as unencrypted PKCS#8 PEM, for the upload request only. */
  readonly pkcs8Pem: string;
}

const KEY_LABELS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY']);

export function isPrivateKeyBlock(block: PemBlock): boolean {
  return KEY_LABELS.has(block.label);
}

export function isEncryptedKey(block: PemBlock): boolean {
  return block.label === 'ENCRYPTED PRIVATE KEY' || /ENCRYPTED/i.test(block.headers['Proc-Type'] ?? '');
}

export function inspectPrivateKey(block: PemBlock, passphrase?: string): PrivateKeyInfo {
  if (!isPrivateKeyBlock(block)) {
    throw new PemError('not-a-key', l10n.t('A {0} block is not a private key.', block.label));
  }
  if (block.problem) {
    throw new PemError('unparseable', block.problem);
  }
  const encrypted = isEncryptedKey(block);
  if (encrypted && !passphrase) {
    throw new PemError('encrypted', l10n.t('The private key is encrypted: its passphrase is needed to use it.'));
  }
  let key: KeyObject;
  try {
    key = nodeCrypto().createPrivateKey(encrypted ? { key: block.pem, format: 'pem', passphrase } : { key: block.pem, format: 'pem' });
  } catch {
    if (encrypted) {
      throw new PemError('wrong-passphrase', l10n.t('The passphrase does not decrypt the private key.'));
    }
    throw new PemError('unparseable', l10n.t('The private key cannot be read (the block is damaged or not a key).'));
  }
  const details = key.asymmetricKeyDetails ?? {};
  const spki = nodeCrypto().createPublicKey(key).export({ type: 'spki', format: 'der' });
  const described = describe(key.asymmetricKeyType, details.modulusLength, details.namedCurve);
  return {
    ...described,
    format: formatOf(block, encrypted),
    spkiSha256: nodeCrypto().createHash('sha256').update(spki).digest('hex'),
    pkcs8Pem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function formatOf(block: PemBlock, encrypted: boolean): PrivateKeyInfo['format'] {
  if (block.label === 'ENCRYPTED PRIVATE KEY') {
    return 'encrypted PKCS#8';
  }
  if (encrypted) {
    return 'encrypted PKCS#1';
  }
  if (block.label === 'RSA PRIVATE KEY') {
    return 'PKCS#1';
  }
  return block.label === 'EC PRIVATE KEY' ? 'SEC1' : 'PKCS#8';
}

const NODE_CURVES: Readonly<Record<string, string>> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

function describe(
  type: string | undefined,
  modulus: number | undefined,
  curve: string | undefined,
): Pick<PrivateKeyInfo, 'keyType' | 'keySize' | 'curve'> {
  switch (type) {
    case 'rsa':
    case 'rsa-pss':
      return { keyType: 'RSA', keySize: modulus };
    case 'ec': {
      const name = curve ? (NODE_CURVES[curve] ?? curve) : undefined;
      return { keyType: 'ECDSA', curve: name, keySize: name ? Number(/\d+/.exec(name)?.[0]) || undefined : undefined };
    }
    case 'ed25519':
      return { keyType: 'Ed25519', keySize: 256 };
    case 'ed448':
      return { keyType: 'Ed448', keySize: 456 };
    default:
      return { keyType: 'unknown' };
  }
}
