import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';

/** Forgets the token on this machine (after a modal confirmation); the welcome view comes back. */
export async function clearToken(services: Pick<ExtensionServices, 'prompts' | 'tokens' | 'log'>): Promise<void> {
  const remove = vscode.l10n.t('Remove Token');
  const answer = await services.prompts.confirm(
    vscode.l10n.t('Remove the Cloudflare API token from this machine?'),
    vscode.l10n.t("The token is deleted from VS Code's secret storage. The token itself stays valid at Cloudflare."),
    remove,
  );
  if (answer !== remove) {
    return;
  }
  await services.tokens.clear();
  services.log.info('API token removed.');
}
