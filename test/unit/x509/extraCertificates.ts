import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { days, sharedKey } from '../../fixtures/certificateFactory';

/**
 * Certificates the shared factory cannot make (no common name, an Ed25519 key), built at test time
 * with @peculiar/x509 straight from WebCrypto keys, and the check that a message is words, not key
 * material.
 */
x509.cryptoProvider.set(crypto.webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export interface ExtraCertificate {
  readonly certPem: string;
  readonly der: Uint8Array;
  /** Unencrypted PKCS#8. */
  readonly keyPem: string;
}

async function pkcs8Pem(privateKey: crypto.webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await crypto.webcrypto.subtle.exportKey('pkcs8', privateKey));
  return crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ type: 'pkcs8', format: 'pem' }).toString();
}

function toResult(certificate: x509.X509Certificate, keyPem: string): ExtraCertificate {
  return { certPem: `${certificate.toString('pem').replace(/\r\n/g, '\n').trim()}\n`, der: new Uint8Array(certificate.rawData), keyPem };
}

/** A self-signed ECDSA leaf whose subject has no CN, only an organisation; named by its SANs. */
export async function createCertificateWithoutCommonName(sans: readonly string[]): Promise<ExtraCertificate> {
  const key = await sharedKey('ECDSA');
  const subject = 'O=No Common Name Ltd';
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: '1a2b3c4d',
    subject,
    issuer: subject,
    notBefore: days(-1),
    notAfter: days(90),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    publicKey: key.cryptoKeys.publicKey,
    signingKey: key.cryptoKeys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.SubjectAlternativeNameExtension(sans.map((name) => ({ type: 'dns' as const, value: name }))),
    ],
  });
  return toResult(certificate, key.pkcs8Pem);
}

/** A self-signed Ed25519 leaf and its key: a key type Cloudflare does not accept. */
export async function createEd25519Certificate(commonName: string): Promise<ExtraCertificate> {
  const keys = (await crypto.webcrypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as crypto.webcrypto.CryptoKeyPair;
  const subject = `CN=${commonName}`;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: '5e6f7a8b',
    subject,
    issuer: subject,
    notBefore: days(-1),
    notAfter: days(90),
    signingAlgorithm: { name: 'Ed25519' },
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: commonName }]),
    ],
  });
  return toResult(certificate, await pkcs8Pem(keys.privateKey));
}

/** A sentence for a person: long enough to say something, with no PEM armour or base64 run in it. */
export function assertWords(message: string, context = ''): void {
  assert.ok(message.length > 20, `${context}: message too short: ${JSON.stringify(message)}`);
  assert.doesNotMatch(message, /[A-Za-z0-9+/]{40,}/, `${context}: message holds a base64 run`);
  assert.ok(!message.includes('-----BEGIN'), `${context}: message holds PEM armour`);
}

/** The body lines of a PEM text (what must never leak into a message). */
export function base64Lines(pem: string): string[] {
  return pem.split(/\r?\n/).filter((line) => /^[A-Za-z0-9+/=]{16,}$/.test(line));
}
