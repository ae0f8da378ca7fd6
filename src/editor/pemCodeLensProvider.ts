import * as vscode from 'vscode';
import { expiryPhrase } from '../x509/certificateSummary';
import type { AccountData } from '../model/accountData';
import { findHeld } from '../model/heldByCloudflare';
import { NodeIds } from '../model/nodeIds';
import type { PemAnalysisCache } from './pemAnalysisCache';
import { CommandId } from '../commandIds';
import { olderCopyOf } from '../workspace/certificateRelation';

export const REVEAL_CERTIFICATE_COMMAND = CommandId.revealCertificate;

/**
 * Above each certificate block: how long it has left, and "Held by Cloudflare (example.com)" for one
 * the account holds (revealing it), "Rotate on Cloudflare…" for a newer version of one it holds, else
 * "Upload to Cloudflare…". Follows the account's data.
 */
export class PemCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly cache: PemAnalysisCache,
    private readonly data: AccountData,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const analysis = this.cache.get(document);
    if (!analysis) {
      return [];
    }
    const now = new Date();
    const lenses: vscode.CodeLens[] = [];
    for (const certificate of analysis.certificates) {
      const range = new vscode.Range(document.positionAt(certificate.block.start), document.positionAt(certificate.block.start));
      if (certificate.info) {
        const phrase = expiryPhrase(certificate.info.notAfter, now);
        // A title-only lens: VS Code shows it as text, so an empty command is deliberate.
        lenses.push(new vscode.CodeLens(range, { title: phrase.charAt(0).toUpperCase() + phrase.slice(1), command: '' }));
        const held = certificate.info.isCA ? [] : findHeld(this.data, certificate.info.serialNumber, certificate.info.sha256Fingerprint);
        if (held.length > 0) {
          const [first] = held;
          const zones = [...new Set(held.map((place) => place.zoneName))].join(', ');
          lenses.push(
            new vscode.CodeLens(range, {
              title: vscode.l10n.t('Held by Cloudflare ({0})', zones),
              tooltip: vscode.l10n.t('Reveal it in the Cloudflare Certificates view'),
              command: REVEAL_CERTIFICATE_COMMAND,
              arguments: [first.kind === 'aop' ? NodeIds.aopCertificate(first.zoneId, first.certificateId) : NodeIds.zone(first.zoneId)],
            }),
          );
        } else if (!certificate.info.isCA) {
          const older = olderCopyOf(certificate.info, this.data);
          lenses.push(
            older
              ? new vscode.CodeLens(range, {
                  title: vscode.l10n.t('Rotate on Cloudflare…'),
                  tooltip: vscode.l10n.t('Replace "{0}" in {1} with this newer certificate, without an outage', older.name, older.zoneName),
                  command: CommandId.rotateOnCloudflare,
                  arguments: [document.uri, certificate.block.start, { zoneId: older.zoneId, certificateId: older.certificateId }],
                })
              : new vscode.CodeLens(range, {
                  title: vscode.l10n.t('Upload to Cloudflare…'),
                  command: CommandId.uploadFromEditor,
                  arguments: [document.uri, certificate.block.start],
                }),
          );
        }
      } else {
        lenses.push(new vscode.CodeLens(range, { title: vscode.l10n.t('Certificate cannot be read'), command: '' }));
      }
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
