import * as vscode from 'vscode';
import type { PemAnalysisCache } from './pemAnalysisCache';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
} as const;

export const DIAGNOSTIC_SOURCE = 'Cloudflare Certificates';
/** Long enough that typing in a large bundle is not re-parsed on every keystroke. */
const DEBOUNCE_MS = 300;

/** Expired, expiring, not-yet-valid, mismatched keys, EC PARAMETERS, a leaf listed last, damage. */
export class PemDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('cloudflareCertificates');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly cache: PemAnalysisCache) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.update(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.collection.delete(document.uri);
        this.cache.forget(document);
      }),
    );
    for (const document of vscode.workspace.textDocuments) {
      this.update(document);
    }
  }

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      this.update(document);
    }
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.update(document);
      }, DEBOUNCE_MS),
    );
  }

  update(document: vscode.TextDocument): void {
    if (document.isClosed || document.uri.scheme === 'output') {
      return;
    }
    const analysis = this.cache.get(document);
    if (!analysis) {
      this.collection.delete(document.uri);
      return;
    }
    this.collection.set(
      document.uri,
      analysis.findings.map((finding) => {
        const range = new vscode.Range(
          document.positionAt(finding.start),
          document.positionAt(finding.start).with({ character: Number.MAX_SAFE_INTEGER }),
        );
        const diagnostic = new vscode.Diagnostic(document.validateRange(range), finding.message, SEVERITY[finding.severity]);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = finding.code;
        return diagnostic;
      }),
    );
  }

  dispose(): void {
    for (const timer of this.timers.values()) {
      clearTimeout(timer);
    }
    this.collection.dispose();
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }
}
