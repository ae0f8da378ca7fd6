import * as vscode from 'vscode';
import { certificateMarkdown } from '../format/certificateMarkdown';
import { escapeMarkdown } from '../format/markdownEscape';
import type { AccountModel } from '../model/accountModel';
import { keyDescription } from '../format/wording';
import type { CertificateInfo } from '../x509/certificateInfo';
import { displayName } from '../x509/displayName';
import { loadX509 } from '../x509/lazy';
import { heldByCloudflare } from '../model/heldByCloudflare';
import type { PemAnalysisCache } from './pemAnalysisCache';

/** Details of the certificate or private key under the cursor, in any document that holds PEM. */
export class PemHoverProvider implements vscode.HoverProvider {
  /** Full details per analysed block: analyses are per document version, so this lives as long. */
  private readonly details = new WeakMap<object, CertificateInfo>();

  constructor(
    private readonly cache: PemAnalysisCache,
    private readonly account: AccountModel,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analysis = this.cache.get(document);
    if (!analysis) {
      return undefined;
    }
    const offset = document.offsetAt(position);
    const inside = <T extends { block: { start: number; end: number } }>(entries: readonly T[]) =>
      entries.find((entry) => entry.block.start <= offset && offset <= entry.block.end);
    const certificate = inside(analysis.certificates);
    if (certificate) {
      const range = new vscode.Range(document.positionAt(certificate.block.start), document.positionAt(certificate.block.end));
      // The full details (signature and key type) come from the lazily loaded parser, for this block only.
      const info = certificate.info && certificate.block.der ? this.detailsOf(certificate.block, certificate.block.der) : undefined;
      if (!info) {
        return new vscode.Hover(
          new vscode.MarkdownString(
            vscode.l10n.t(
              '**Certificate that cannot be read**\n\n{0}',
              escapeMarkdown(certificate.block.problem ?? vscode.l10n.t('The block does not decode as an X.509 certificate.')),
            ),
          ),
          range,
        );
      }
      const markdown = certificateMarkdown(
        {
          title: loadX509().displayName(info),
          subject: info.subject,
          sans: info.sans,
          issuer: info.issuer,
          serialNumber: info.serialNumber,
          signature: info.signatureAlgorithm,
          keyType: keyDescription(info),
          notBefore: info.notBefore,
          notAfter: info.notAfter,
          status: info.isCA ? vscode.l10n.t('CA certificate') : vscode.l10n.t('Leaf certificate'),
          sha256Fingerprint: info.sha256Fingerprint,
          heldByCloudflare: heldByCloudflare(this.account, info.serialNumber, info.sha256Fingerprint),
        },
        new Date(),
      );
      return new vscode.Hover(new vscode.MarkdownString(markdown), range);
    }
    const key = inside(analysis.keys);
    if (key) {
      const range = new vscode.Range(document.positionAt(key.block.start), document.positionAt(key.block.end));
      const lines = [vscode.l10n.t('**Private key**'), ''];
      if (key.encrypted) {
        lines.push(vscode.l10n.t('Encrypted: its type and whether it matches are known once it is decrypted (at upload).'));
      } else if (key.info) {
        const size = key.info.keyType === 'RSA' ? ` ${key.info.keySize} bits` : key.info.curve ? ` ${key.info.curve}` : '';
        lines.push(vscode.l10n.t('Type: {0}  ', escapeMarkdown(`${key.info.keyType}${size} (${key.info.format})`)));
        const leaves = analysis.certificates.filter((entry) => entry.info);
        lines.push(
          key.matches
            ? vscode.l10n.t('Matches the certificate "{0}" in this file.', escapeMarkdown(displayName(key.matches)))
            : leaves.length > 0
              ? vscode.l10n.t('Does **not** match any certificate in this file.')
              : vscode.l10n.t('No certificate in this file to match it against.'),
        );
      } else {
        lines.push(vscode.l10n.t('This key cannot be read.'));
      }
      return new vscode.Hover(new vscode.MarkdownString(lines.join('\n')), range);
    }
    return undefined;
  }

  private detailsOf(block: object, der: Uint8Array): CertificateInfo {
    let info = this.details.get(block);
    if (!info) {
      info = loadX509().inspectCertificate(der);
      this.details.set(block, info);
    }
    return info;
  }
}
