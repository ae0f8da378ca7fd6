import * as vscode from 'vscode';
import { expiryPhrase } from '../x509/certificateSummary';
import type { PemAnalysisCache } from './pemAnalysisCache';

/** Above each certificate block: how long it has left, and "Upload to Cloudflare…". */
export class PemCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly cache: PemAnalysisCache) {}

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
        if (!certificate.info.isCA) {
          lenses.push(
            new vscode.CodeLens(range, {
              title: 'Upload to Cloudflare…',
              command: 'cloudflareCertificates.uploadFromEditor',
              arguments: [document.uri, certificate.block.start],
            }),
          );
        }
      } else {
        lenses.push(new vscode.CodeLens(range, { title: 'Certificate cannot be read', command: '' }));
      }
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
