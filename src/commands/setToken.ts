import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { abortSignalFor } from './runCommand';

/**
 * Asks for a token in a password box, checks it with Cloudflare (user tokens, then account-owned
 * tokens) and that it can read zones, and only then keeps it in SecretStorage.
 */
export async function setToken(services: Pick<ExtensionServices, 'prompts' | 'clients' | 'tokens' | 'log'>): Promise<void> {
  const entered = await services.prompts.inputBox({
    title: 'Cloudflare API Token',
    prompt: 'Paste an API token with "Zone: Read" and "SSL and Certificates: Edit" (read-only tokens can browse). It is kept in VS Code\'s secret storage.',
    placeHolder: 'API token',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const trimmed = value.trim();
      if (!trimmed) {
        return 'Enter the API token.';
      }
      return /\s/.test(trimmed) ? 'An API token has no spaces or line breaks.' : undefined;
    },
  });
  const token = entered?.trim();
  if (!token) {
    return;
  }
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Checking the API token with Cloudflare…', cancellable: true },
    async (_progress, cancellation) => {
      const { signal, dispose } = abortSignalFor(cancellation);
      try {
        const client = services.clients.forToken(token);
        const verification = await client.verifyToken(signal);
        if (verification.status !== 'active') {
          throw new Error(`Cloudflare says this token is ${verification.status}; it was not saved.`);
        }
        // An active token may still lack permissions: reading zones proves "Zone: Read".
        const zones = await client.listZones(signal);
        return { kind: verification.kind, zones: zones.length };
      } finally {
        dispose();
      }
    },
  );
  await services.tokens.set(token);
  services.log.info(`API token verified (${summary.kind} token) and saved; it can see ${summary.zones} zone(s).`);
  void services.prompts.info(
    `Cloudflare API token verified and saved. It can see ${summary.zones} zone${summary.zones === 1 ? '' : 's'}.`,
  );
}
