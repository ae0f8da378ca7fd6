import type * as vscode from 'vscode';
import type { ExpiryWindow } from '../config/settings';
import { analysePemDocument, type PemAnalysis } from '../x509/documentAnalysis';
import { hasPemBlock } from '../x509/pemBlocks';

/**
 * One analysis per document version, shared by hover, CodeLens, diagnostics and quick fixes. Documents
 * without "-----BEGIN " are not analysed at all.
 */
export class PemAnalysisCache {
  private readonly entries = new Map<string, { version: number; day: number; analysis: PemAnalysis | undefined }>();

  constructor(private readonly expiry: () => ExpiryWindow) {}

  get(document: vscode.TextDocument): PemAnalysis | undefined {
    const key = document.uri.toString();
    const now = new Date();
    // Expiry words change with the date, so a cached analysis lasts for one day at most.
    const day = Math.floor(now.getTime() / 86_400_000);
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version && cached.day === day) {
      return cached.analysis;
    }
    const text = document.getText();
    const analysis = hasPemBlock(text) ? analysePemDocument(text, now, this.expiry().warningDays) : undefined;
    this.entries.set(key, { version: document.version, day, analysis });
    return analysis;
  }

  forget(document: vscode.TextDocument): void {
    this.entries.delete(document.uri.toString());
  }

  clear(): void {
    this.entries.clear();
  }
}
