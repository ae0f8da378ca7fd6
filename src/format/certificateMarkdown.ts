import * as l10n from '@vscode/l10n';
import { expiryPhrase } from '../x509/certificateSummary';
import { escapeMarkdown, inlineCode } from './markdownEscape';

/** Everything a certificate tooltip or hover can show; what is unknown is left out. */
export interface CertificateDetails {
  readonly title: string;
  readonly subject?: string;
  readonly sans?: readonly string[];
  readonly issuer?: string;
  readonly serialNumber?: string;
  readonly signature?: string;
  readonly keyType?: string;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  readonly status?: string;
  readonly uploadedOn?: Date;
  readonly id?: string;
  readonly sha256Fingerprint?: string;
  /** Whether Cloudflare holds this certificate (hovers only; undefined when unknown). */
  readonly heldByCloudflare?: string;
}

/**
 * The Markdown of a certificate tooltip. Every value from the API or the certificate goes through
 * escapeMarkdown or inlineCode, so a crafted subject or hostname can never become a link or command;
 * the result is shown with isTrusted off.
 */
export function certificateMarkdown(details: CertificateDetails, now: Date): string {
  const lines: string[] = [`**${escapeMarkdown(details.title)}**`, ''];
  const row = (name: string, value: string | undefined) => {
    if (value) {
      lines.push(`${name}: ${value}  `);
    }
  };
  // Expiry and whether Cloudflare holds it first: a hover is cut off below its height, and these are
  // what a person hovers for.
  row(l10n.t('Not after'), details.notAfter && `${formatDate(details.notAfter)} (${escapeMarkdown(expiryPhrase(details.notAfter, now))})`);
  row(l10n.t('Held by Cloudflare'), details.heldByCloudflare && escapeMarkdown(details.heldByCloudflare));
  row(l10n.t('Subject'), details.subject && escapeMarkdown(details.subject));
  row(l10n.t('SANs'), details.sans && details.sans.length > 0 ? details.sans.map(escapeMarkdown).join(', ') : undefined);
  row(l10n.t('Issuer'), details.issuer && escapeMarkdown(details.issuer));
  row(l10n.t('Serial'), details.serialNumber && inlineCode(details.serialNumber));
  row(l10n.t('Signature'), details.signature && escapeMarkdown(details.signature));
  row(l10n.t('Key'), details.keyType && escapeMarkdown(details.keyType));
  row(l10n.t('Not before'), details.notBefore && formatDate(details.notBefore));
  row(l10n.t('Status'), details.status && escapeMarkdown(details.status));
  row(l10n.t('Uploaded on'), details.uploadedOn && formatDate(details.uploadedOn));
  row('SHA-256', details.sha256Fingerprint && inlineCode(colonHex(details.sha256Fingerprint)));
  row('ID', details.id && inlineCode(details.id));
  return lines.join('\n');
}

export function formatDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? l10n.t('unknown') : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function colonHex(hex: string): string {
  return (
    hex
      .toUpperCase()
      .match(/.{1,2}/g)
      ?.join(':') ?? hex
  );
}
