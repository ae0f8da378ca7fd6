import { createHash, createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { ApiFailure } from './apiFailure';

/**
 * Cloudflare's checks on an uploaded certificate and key, written with Node's own crypto so they are
 * independent of the extension's parser (a bug there cannot hide behind the same bug here).
 */
export interface UploadedCertificate {
  readonly pem: string;
  readonly keyType: 'RSA' | 'ECDSA';
  readonly issuer: string;
  /** Lower-case hex. */
  readonly serialNumber: string;
  readonly signature: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly fingerprintSha256: string;
  readonly hosts: string[];
}

export function checkUpload(certificatePem: unknown, privateKeyPem: unknown, options: { leafOnly: boolean }): UploadedCertificate {
  if (typeof certificatePem !== 'string' || !certificatePem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ApiFailure(400, 1002, 'Invalid certificate: the certificate is missing or not PEM encoded.');
  }
  if (typeof privateKeyPem !== 'string' || !/-----BEGIN (RSA |EC |)PRIVATE KEY-----/.test(privateKeyPem)) {
    throw new ApiFailure(400, 2106, 'Invalid private key: the private key is missing or not PEM encoded.');
  }
  if (privateKeyPem.includes('-----BEGIN EC PARAMETERS-----')) {
    throw new ApiFailure(400, 2106, 'Invalid private key: remove the EC PARAMETERS block and upload the key alone.');
  }
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(certificatePem);
  } catch {
    // PEM armour around bytes that are no certificate: Cloudflare's "unable to parse" rather than "invalid".
    throw new ApiFailure(400, 1408, 'Unable to parse the certificate.');
  }
  if (options.leafOnly && leaf.ca) {
    throw new ApiFailure(400, 1412, 'Only leaf certificate is allowed.');
  }
  let key;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    throw new ApiFailure(400, 2106, 'Invalid private key: the private key could not be parsed.');
  }
  const keySpki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const certificateSpki = leaf.publicKey.export({ type: 'spki', format: 'der' });
  if (!keySpki.equals(certificateSpki)) {
    throw new ApiFailure(400, 2200, 'The certificate and the private key do not match.');
  }
  const type = leaf.publicKey.asymmetricKeyType;
  if (type !== 'rsa' && type !== 'ec') {
    throw new ApiFailure(400, 1002, 'Invalid certificate: only RSA and ECDSA certificates are supported.');
  }
  const keyType = type === 'rsa' ? 'RSA' : 'ECDSA';
  return {
    pem: certificatePem,
    keyType,
    issuer: leaf.issuer.replace(/\n/g, ', '),
    serialNumber: leaf.serialNumber.toLowerCase().replace(/^(00)+(?=.)/, ''),
    signature: keyType === 'RSA' ? 'SHA256WithRSA' : 'ECDSAWithSHA256',
    notBefore: new Date(leaf.validFrom),
    notAfter: new Date(leaf.validTo),
    fingerprintSha256: createHash('sha256').update(leaf.raw).digest('hex'),
    hosts: (leaf.subjectAltName ?? '')
      .split(', ')
      .filter((name) => name.startsWith('DNS:'))
      .map((name) => name.slice(4)),
  };
}
