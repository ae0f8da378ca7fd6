import * as l10n from '@vscode/l10n';
import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';
import { PemError } from './pemError';
import { pkcs12ConvertAdvice } from './pkcs12Format';

/**
 * Reads a PKCS#12 bundle (.p12/.pfx, what Windows, IIS and many CAs hand out) into PEM text, with
 * its passphrase, in memory only. Loaded with the lazy parser bundle: pkijs never costs activation.
 */
export interface Pkcs12Contents {
  /** The certificates, then the private key, as PEM text the upload checks read like any document. */
  readonly pem: string;
  readonly certificates: number;
  readonly keys: number;
}

const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';

let engineSet = false;

export async function readPkcs12(bytes: Uint8Array, passphrase: string): Promise<Pkcs12Contents> {
  if (!engineSet) {
    pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as pkijs.ICryptoEngine['crypto'] }));
    engineSet = true;
  }
  const password = new TextEncoder().encode(passphrase).buffer as ArrayBuffer;
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(Uint8Array.from(bytes));
  } catch {
    throw new PemError('unparseable', l10n.t('The file is not a PKCS#12 bundle or is damaged. {0}.', pkcs12ConvertAdvice()));
  }
  try {
    // The integrity check (HMAC over the contents) is what tells a wrong passphrase from damage.
    await pfx.parseInternalValues({ password, checkIntegrity: true });
  } catch (error) {
    if (/integrity|mac|password/i.test(error instanceof Error ? error.message : String(error))) {
      throw new PemError('wrong-passphrase', l10n.t('The passphrase does not open the PKCS#12 bundle.'));
    }
    throw unsupported();
  }
  const certificates: string[] = [];
  const keys: string[] = [];
  try {
    const safe = pfx.parsedValue?.authenticatedSafe;
    if (!safe) {
      throw unsupported();
    }
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password })) });
    for (const contents of safe.parsedValue?.safeContents ?? []) {
      for (const bag of contents.value.safeBags) {
        if (bag.bagId === CERT_BAG) {
          const certBag = bag.bagValue as pkijs.CertBag;
          if (certBag.certId === X509_CERTIFICATE && certBag.parsedValue instanceof pkijs.Certificate) {
            certificates.push(pem('CERTIFICATE', certBag.parsedValue.toSchema().toBER()));
          }
        } else if (bag.bagId === KEY_BAG) {
          keys.push(pem('PRIVATE KEY', (bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER()));
        } else if (bag.bagId === SHROUDED_KEY_BAG) {
          const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
          // Declared protected in pkijs's types, yet it is how a shrouded key bag is decrypted.
          await (shrouded as unknown as { parseInternalValues(parameters: { password: ArrayBuffer }): Promise<void> }).parseInternalValues({
            password,
          });
          if (!shrouded.parsedValue) {
            throw unsupported();
          }
          keys.push(pem('PRIVATE KEY', shrouded.parsedValue.toSchema().toBER()));
        }
      }
    }
  } catch (error) {
    throw error instanceof PemError ? error : unsupported();
  }
  if (certificates.length === 0) {
    throw new PemError('unparseable', l10n.t('The PKCS#12 bundle holds no certificate.'));
  }
  return { pem: [...certificates, ...keys].join(''), certificates: certificates.length, keys: keys.length };
}

export type Pkcs12Result =
  | { readonly ok: true; readonly contents: Pkcs12Contents }
  | { readonly ok: false; readonly code: 'wrong-passphrase' | 'unreadable'; readonly message: string };

/**
 * readPkcs12 as a result rather than a throw: the lazily loaded bundle has its own copy of PemError,
 * which `instanceof` in the extension bundle would not recognise.
 */
export async function openPkcs12(bytes: Uint8Array, passphrase: string): Promise<Pkcs12Result> {
  try {
    return { ok: true, contents: await readPkcs12(bytes, passphrase) };
  } catch (error) {
    if (!(error instanceof PemError)) {
      throw error;
    }
    return { ok: false, code: error.reason === 'wrong-passphrase' ? 'wrong-passphrase' : 'unreadable', message: error.message };
  }
}

/** Legacy encryption (RC2, 3DES with SHA-1 key derivation) and other schemes pkijs does not implement. */
function unsupported(): PemError {
  return new PemError(
    'unparseable',
    l10n.t('The PKCS#12 bundle uses an encryption this extension cannot read. {0}.', pkcs12ConvertAdvice()),
  );
}

function pem(label: string, der: ArrayBuffer): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
export { useTranslations } from './translations';
