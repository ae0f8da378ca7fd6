import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

/**
 * The vscode-free folders (model, x509, cloudflare, format) word their messages through
 * `@vscode/l10n`, which knows no language until it is given VS Code's bundle for the display
 * language: handed over here, first thing at activation, so their sentences are translated as the
 * vscode-side ones are. With no bundle (English) they keep their own words.
 */
export function shareTranslations(): void {
  if (vscode.l10n.bundle) {
    l10n.config({ contents: vscode.l10n.bundle });
  }
}
