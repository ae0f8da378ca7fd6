import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { describeError } from '../format/describeError';
import { inertLinks } from '../format/notificationText';

/**
 * Asks for a token in a password box, checks it with Cloudflare (user tokens, then account-owned
 * tokens) and that it can read zones, and only then keeps it in SecretStorage. A token Cloudflare
 * refuses is said in the box itself, which stays open so the person can paste the right one.
 */
export async function setToken(services: Pick<ExtensionServices, 'prompts' | 'clients' | 'tokens' | 'log'>): Promise<void> {
  let summary: { kind: string; zones: number } | undefined;
  const entered = await services.prompts.checkedInputBox(
    {
      title: vscode.l10n.t('Cloudflare API Token'),
      prompt: vscode.l10n.t(
        'Paste an API token with "Zone: Read" and "SSL and Certificates: Edit" (read-only tokens can browse). It is checked with Cloudflare, then kept in VS Code\'s secret storage.',
      ),
      placeHolder: vscode.l10n.t('API token'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => {
        const trimmed = value.trim();
        if (!trimmed) {
          return vscode.l10n.t('Enter the API token.');
        }
        return /\s/.test(trimmed) ? vscode.l10n.t('An API token has no spaces or line breaks.') : undefined;
      },
    },
    async (value, signal) => {
      try {
        summary = await verify(services, value.trim(), signal);
        return undefined;
      } catch (error) {
        const words = describeError(error);
        return inertLinks(`${words}${/[.!?]$/.test(words) ? '' : '.'} Correct the token, or press Escape to cancel.`);
      }
    },
  );
  const token = entered?.trim();
  if (!token || !summary) {
    return;
  }
  await services.tokens.set(token);
  services.log.info(`API token verified (${summary.kind} token) and saved; it can see ${summary.zones} zone(s).`);
  void services.prompts.info(
    summary.zones === 1
      ? vscode.l10n.t('Cloudflare API token verified and saved. It can see {0} zone.', summary.zones)
      : vscode.l10n.t('Cloudflare API token verified and saved. It can see {0} zones.', summary.zones),
  );
}

async function verify(
  services: Pick<ExtensionServices, 'clients'>,
  token: string,
  signal: AbortSignal,
): Promise<{ kind: string; zones: number }> {
  const client = services.clients.forToken(token);
  const verification = await client.verifyToken(signal);
  if (verification.status !== 'active') {
    throw new Error(vscode.l10n.t('Cloudflare says this token is {0}; it was not saved.', verification.status));
  }
  // An active token may still lack permissions: reading zones proves "Zone: Read".
  const zones = await client.listZones(signal);
  return { kind: verification.kind, zones: zones.length };
}
