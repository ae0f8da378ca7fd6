import * as l10n from '@vscode/l10n';
import type { CertificateDetails } from './certificateMarkdown';
import { formatDate } from './certificateMarkdown';
import { expiryPhrase } from '../x509/certificateSummary';

/**
 * The plain-text body of the read-only "Show Certificate Details" document. Plain text, so nothing in
 * it is ever rendered as Markdown or HTML.
 */
export function certificateText(details: CertificateDetails, now: Date, pem?: string): string {
  // A line break in a crafted name would otherwise forge a line of its own.
  const title = details.title.replace(/[\r\n]+/g, ' ');
  const lines: string[] = [title, '='.repeat(Math.min(80, Math.max(3, title.length))), ''];
  const row = (name: string, value: string | undefined) => {
    if (value) {
      lines.push(`${`${name}:`.padEnd(22)}${value.replace(/[\r\n]+/g, ' ')}`);
    }
  };
  row(l10n.t('Subject'), details.subject);
  row(l10n.t('Alternative names'), details.sans?.join(', '));
  row(l10n.t('Issuer'), details.issuer);
  row(l10n.t('Serial number'), details.serialNumber);
  row(l10n.t('Signature'), details.signature);
  row(l10n.t('Public key'), details.keyType);
  row(l10n.t('Not before'), details.notBefore && formatDate(details.notBefore));
  row(l10n.t('Not after'), details.notAfter && `${formatDate(details.notAfter)} (${expiryPhrase(details.notAfter, now)})`);
  row(l10n.t('SHA-256 fingerprint'), details.sha256Fingerprint?.toUpperCase().match(/.{2}/g)?.join(':'));
  row(l10n.t('Status'), details.status);
  row(l10n.t('Uploaded on'), details.uploadedOn && formatDate(details.uploadedOn));
  row(l10n.t('Cloudflare ID'), details.id);
  if (pem) {
    lines.push('', pem.trim());
  }
  return `${lines.join('\n')}\n`;
}
