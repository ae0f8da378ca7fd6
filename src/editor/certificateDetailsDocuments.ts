import * as vscode from 'vscode';

export const DETAILS_SCHEME = 'cloudflare-certificate';

/**
 * Serves "Show Certificate Details" documents. A content-provider document is read-only by nature,
 * so the decoded certificate cannot be edited or saved over anything by mistake.
 */
export class CertificateDetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  async open(name: string, key: string, text: string): Promise<void> {
    const safeName = name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'certificate';
    const uri = vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/${safeName}.txt`, query: key });
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.contents.get(uri.toString()) ?? vscode.l10n.t('This certificate is no longer loaded. Run "Show Certificate Details" again.\n')
    );
  }

  dispose(): void {
    this.changed.dispose();
  }
}
