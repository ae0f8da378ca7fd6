import * as vscode from 'vscode';
import { inertLinks, toastParts, TOAST_LENGTH } from '../format/notificationText';

const DETAILS = vscode.l10n.t('Details');

/**
 * An error or warning toast that says one short sentence. A toast shows about one line and cuts the
 * rest off ("…this one is ECDSA. A pa…"), so when a message says more, the rest waits behind a
 * "Details" action that opens it whole in a modal, with the same actions as the toast.
 */
export async function showDetailedMessage(
  kind: 'error' | 'warning',
  message: string,
  actions: readonly string[],
): Promise<string | undefined> {
  const show = kind === 'error' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  // Messages carry names and errors from Cloudflare: links in them are made inert.
  const text = inertLinks(message);
  const { headline, more } = toastParts(text);
  if (more === undefined && headline.length <= TOAST_LENGTH) {
    return show(text, ...actions);
  }
  const choice = await show(headline, ...actions, DETAILS);
  if (choice !== DETAILS) {
    return choice;
  }
  return show(headline, { modal: true, detail: more }, ...actions);
}
