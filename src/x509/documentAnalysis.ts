import * as l10n from '@vscode/l10n';
import { readCertificateFacts, type CertificateFacts } from './certificateFacts';
import { daysLeft, expiryPhrase } from './certificateSummary';
import { displayName } from './displayName';
import { findPemBlocks, type PemBlock } from './pemBlocks';
import { PemError } from './pemError';
import { inspectPrivateKey, isEncryptedKey, isPrivateKeyBlock, type PrivateKeyInfo } from './privateKey';

/**
 * What the PEM blocks of one document are, and what is wrong with them: the pure core of the
 * editor's hovers, CodeLens and diagnostics (which only map it to VS Code types). Built on Node's
 * own parser, so documents are diagnosed without loading @peculiar/x509.
 */
export type FindingCode = 'expired' | 'expiring' | 'not-yet-valid' | 'key-mismatch' | 'ec-parameters' | 'malformed' | 'leaf-last';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: 'error' | 'warning' | 'information';
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export interface AnalysedCertificate {
  readonly block: PemBlock;
  readonly info?: CertificateFacts;
}

export interface AnalysedKey {
  readonly block: PemBlock;
  readonly info?: Omit<PrivateKeyInfo, 'pkcs8Pem'>;
  readonly encrypted: boolean;
  /** The certificate in this document whose public key this key matches. */
  readonly matches?: CertificateFacts;
}

export interface PemAnalysis {
  readonly certificates: readonly AnalysedCertificate[];
  readonly keys: readonly AnalysedKey[];
  readonly blocks: readonly PemBlock[];
  readonly findings: readonly Finding[];
}

export function analysePemDocument(text: string, now: Date, warningDays: number): PemAnalysis {
  const blocks = findPemBlocks(text);
  const findings: Finding[] = [];
  const certificates: AnalysedCertificate[] = [];
  const keys: AnalysedKey[] = [];
  for (const block of blocks) {
    if (block.problem && (block.label === 'CERTIFICATE' || isPrivateKeyBlock(block))) {
      findings.push({ code: 'malformed', severity: 'error', message: block.problem, start: block.start, end: block.end });
      if (block.label === 'CERTIFICATE') {
        certificates.push({ block });
      }
      continue;
    }
    if (block.label === 'CERTIFICATE') {
      certificates.push(analyseCertificate(block, now, warningDays, findings));
    } else if (isPrivateKeyBlock(block)) {
      keys.push(analyseKey(block, findings));
    }
  }
  const infos = certificates.map((certificate) => certificate.info).filter((info): info is CertificateFacts => Boolean(info));
  const matchedKeys = keys.map((key) => ({
    ...key,
    matches: key.info ? infos.find((info) => info.spkiSha256 === key.info!.spkiSha256) : undefined,
  }));
  const leaves = infos.filter((info) => !info.isCA);
  for (const key of matchedKeys) {
    if (key.info && !key.matches && leaves.length > 0) {
      findings.push({
        code: 'key-mismatch',
        severity: 'error',
        message: l10n.t(
          'This private key does not match the certificate "{0}" in this file: their public keys differ.',
          displayName(leaves[0]),
        ),
        start: key.block.start,
        end: key.block.end,
      });
    }
  }
  checkEcParameters(blocks, findings);
  checkLeafLast(certificates, findings);
  return { certificates, keys: matchedKeys, blocks, findings };
}

function analyseCertificate(block: PemBlock, now: Date, warningDays: number, findings: Finding[]): AnalysedCertificate {
  let info: CertificateFacts;
  try {
    info = readCertificateFacts(block.der!);
  } catch (error) {
    findings.push({
      code: 'malformed',
      severity: 'error',
      message: error instanceof PemError ? error.message : l10n.t('This certificate cannot be read.'),
      start: block.start,
      end: block.end,
    });
    return { block };
  }
  const name = displayName(info);
  if (info.notAfter.getTime() <= now.getTime()) {
    findings.push({
      code: 'expired',
      severity: 'error',
      message: `"${name}" ${expiryPhrase(info.notAfter, now)} (${info.notAfter.toISOString().slice(0, 10)}).`,
      start: block.start,
      end: block.end,
    });
  } else if (info.notBefore.getTime() > now.getTime()) {
    findings.push({
      code: 'not-yet-valid',
      severity: 'warning',
      message: l10n.t('"{0}" is not valid until {1}.', name, info.notBefore.toISOString().slice(0, 10)),
      start: block.start,
      end: block.end,
    });
  } else if (daysLeft(info.notAfter, now) <= warningDays) {
    findings.push({
      code: 'expiring',
      severity: 'warning',
      message: `"${name}" ${expiryPhrase(info.notAfter, now)} (${info.notAfter.toISOString().slice(0, 10)}).`,
      start: block.start,
      end: block.end,
    });
  }
  return { block, info };
}

function analyseKey(block: PemBlock, findings: Finding[]): AnalysedKey {
  const encrypted = isEncryptedKey(block);
  if (encrypted) {
    return { block, encrypted };
  }
  try {
    // The decrypted key itself is not kept in the analysis: hovers only need what it is.
    const { keyType, keySize, curve, format, spkiSha256 } = inspectPrivateKey(block);
    return { block, info: { keyType, keySize, curve, format, spkiSha256 }, encrypted };
  } catch (error) {
    findings.push({
      code: 'malformed',
      severity: 'error',
      message: error instanceof PemError ? error.message : l10n.t('This private key cannot be read.'),
      start: block.start,
      end: block.end,
    });
    return { block, encrypted };
  }
}

/** `openssl ecparam -genkey` writes EC PARAMETERS before the key; Cloudflare refuses it. */
function checkEcParameters(blocks: readonly PemBlock[], findings: Finding[]): void {
  for (const [index, block] of blocks.entries()) {
    if (block.label === 'EC PARAMETERS' && blocks.slice(index + 1).some(isPrivateKeyBlock)) {
      findings.push({
        code: 'ec-parameters',
        severity: 'warning',
        message: l10n.t('Cloudflare refuses a key that comes with an EC PARAMETERS block: remove the block.'),
        start: block.start,
        end: block.end,
      });
    }
  }
}

/** A chain should start with the leaf; one written root-first is reordered by a quick fix. */
function checkLeafLast(certificates: readonly AnalysedCertificate[], findings: Finding[]): void {
  const infos = certificates.map((certificate) => certificate.info);
  if (infos.length < 2 || infos.some((info) => !info)) {
    return;
  }
  const leafIndex = infos.findIndex((info) => !info!.isCA);
  const leaves = infos.filter((info) => !info!.isCA).length;
  if (leaves === 1 && leafIndex > 0) {
    const block = certificates[leafIndex].block;
    findings.push({
      code: 'leaf-last',
      severity: 'warning',
      message: l10n.t('The leaf certificate is not first: a chain lists the leaf, then each issuer.'),
      start: block.start,
      end: block.end,
    });
  }
}

/** The chain's blocks reordered leaf first, then issuers (for the quick fix). */
export function reorderedChain(analysis: PemAnalysis): { start: number; end: number; text: string } | undefined {
  const certificates = analysis.certificates;
  const leaf = certificates.find((certificate) => certificate.info && !certificate.info.isCA);
  if (
    !leaf ||
    certificates.length < 2 ||
    certificates.some((certificate) => !certificate.info || certificate.block.escaped || certificate.block.encoded)
  ) {
    return undefined;
  }
  const start = Math.min(...certificates.map((certificate) => certificate.block.start));
  const end = Math.max(...certificates.map((certificate) => certificate.block.end));
  // Only when the certificates stand together: a key between them would be lost by the rewrite.
  if (analysis.blocks.some((block) => block.label !== 'CERTIFICATE' && block.start < end && block.end > start)) {
    return undefined;
  }
  const ordered = [leaf];
  const rest = certificates.filter((certificate) => certificate !== leaf);
  for (let current = leaf; rest.length > 0;) {
    const index = rest.findIndex((candidate) => candidate.info!.subject === current.info!.issuer);
    const next = rest.splice(index >= 0 ? index : 0, 1)[0];
    ordered.push(next);
    current = next;
  }
  return {
    start,
    end,
    text: ordered.map((certificate) => certificate.block.pem.trimEnd()).join('\n'),
  };
}
