import * as vscode from 'vscode';
import { useTranslations } from '../x509/translations';

/**
 * The vscode-free folders (model, x509, cloudflare, format) word their messages through
 * `@vscode/l10n`, which knows no language until it is given VS Code's bundle for the display
 * language: handed over here, first thing at activation, so their sentences are translated as the
 * vscode-side ones are. With no bundle (English) they keep their own words.
 */
export function shareTranslations(): void {
  useTranslations(vscode.l10n.bundle);
}
