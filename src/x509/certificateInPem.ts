import { nodeCrypto } from './nodeCrypto';
import { findPemBlocks } from './pemBlocks';

/**
 * The PEM of one certificate among those a text holds, found by its SHA-256 fingerprint or serial
 * number as the API gives them (hex, any case, with or without colons; serials also in decimal).
 * A custom hostname's pack lists its certificates without PEM; the hostname's `custom_certificate`
 * is the PEM of one of them, and this says which.
 */
export function certificateInPem(text: string | undefined, wanted: { sha256?: string; serialNumber?: string }): string | undefined {
  if (!text || (!wanted.sha256 && !wanted.serialNumber)) {
    return undefined;
  }
  const sha256 = wanted.sha256 ? hex(wanted.sha256) : undefined;
  const serials = serialForms(wanted.serialNumber);
  for (const block of findPemBlocks(text)) {
    if (block.label !== 'CERTIFICATE' || !block.der) {
      continue;
    }
    if (sha256 && nodeCrypto().createHash('sha256').update(block.der).digest('hex') === sha256) {
      return block.pem;
    }
    if (!sha256 && serials.size > 0 && serials.has(serialOf(block.der))) {
      return block.pem;
    }
  }
  return undefined;
}

function hex(value: string): string {
  return value.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
}

/** The serial as hex without leading zeros; a decimal-only string may also be the decimal form. */
function serialForms(serial: string | undefined): Set<string> {
  const forms = new Set<string>();
  if (!serial) {
    return forms;
  }
  forms.add(hex(serial).replace(/^0+/, ''));
  if (/^\d+$/.test(serial)) {
    forms.add(BigInt(serial).toString(16));
  }
  return forms;
}

/** The serial number of a DER certificate, read with Node's own X.509 parser (no @peculiar/x509). */
function serialOf(der: Uint8Array): string {
  try {
    return new (nodeCrypto().X509Certificate)(der).serialNumber.toLowerCase().replace(/^0+/, '');
  } catch {
    return '';
  }
}
