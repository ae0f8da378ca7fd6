import * as vscode from 'vscode';
import { inertLinks } from '../format/notificationText';

/**
 * The questions commands ask a person. Commands go through this seam rather than vscode.window so the
 * integration tests can answer them: each extension gets its own copy of the vscode API, so a test
 * cannot stub vscode.window for us.
 */
export interface Prompts {
  inputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  quickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions): Thenable<T | undefined>;
  /** A modal question; resolves to the chosen action's title or undefined (cancelled). */
  confirm(message: string, detail: string, ...actions: string[]): Thenable<string | undefined>;
  openDialog(options: vscode.OpenDialogOptions): Thenable<vscode.Uri[] | undefined>;
  info(message: string, ...actions: string[]): Thenable<string | undefined>;
  warning(message: string, ...actions: string[]): Thenable<string | undefined>;
  error(message: string, ...actions: string[]): Thenable<string | undefined>;
}

export const windowPrompts: Prompts = {
  inputBox: (options) => vscode.window.showInputBox(options),
  quickPick: (items, options) => vscode.window.showQuickPick(items, options),
  confirm: (message, detail, ...actions) => vscode.window.showWarningMessage(inertLinks(message), { modal: true, detail }, ...actions),
  openDialog: (options) => vscode.window.showOpenDialog(options),
  // Messages carry names and errors from Cloudflare: links in them are made inert.
  info: (message, ...actions) => vscode.window.showInformationMessage(inertLinks(message), ...actions),
  warning: (message, ...actions) => vscode.window.showWarningMessage(inertLinks(message), ...actions),
  error: (message, ...actions) => vscode.window.showErrorMessage(inertLinks(message), ...actions),
};
