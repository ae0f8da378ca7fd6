import * as vscode from 'vscode';
import { inertLinks } from '../format/notificationText';
import { showDetailedMessage } from './detailedMessage';
import { searchQuickPick, type SearchAnswer, type SearchPickOptions } from './searchQuickPick';

/**
 * The questions commands ask a person. Commands go through this seam rather than vscode.window so the
 * integration tests can answer them: each extension gets its own copy of the vscode API, so a test
 * cannot stub vscode.window for us.
 */
export interface Prompts {
  inputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  /**
   * An input box whose value is checked on Enter (say, with Cloudflare): while the check runs the box
   * shows it is busy; a problem is shown in the box, which stays open with the value so the person can
   * correct it. Resolves to the value that passed, or undefined when the person cancels.
   */
  checkedInputBox(
    options: vscode.InputBoxOptions,
    check: (value: string, signal: AbortSignal) => Promise<string | undefined>,
  ): Thenable<string | undefined>;
  quickPick<T extends vscode.QuickPickItem>(
    items: readonly T[] | Thenable<readonly T[]>,
    options: vscode.QuickPickOptions,
  ): Thenable<T | undefined>;
  /** A quick pick that searches on the server as the person types (debounced, the previous request aborted). */
  searchPick<T extends vscode.QuickPickItem>(
    options: SearchPickOptions,
    search: (text: string, signal: AbortSignal) => Promise<SearchAnswer<T>>,
  ): Thenable<T | undefined>;
  /** A modal question; resolves to the chosen action's title or undefined (cancelled). */
  confirm(message: string, detail: string, ...actions: string[]): Thenable<string | undefined>;
  /**
   * A modal question whose default button (Enter) is the safe choice: resolves to true only when the
   * person picks the risky action itself.
   */
  confirmRisky(message: string, detail: string, risky: string, safe: string): Thenable<boolean>;
  openDialog(options: vscode.OpenDialogOptions): Thenable<vscode.Uri[] | undefined>;
  saveDialog(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined>;
  /**
   * A cancellable progress notification while `task` runs: its words appear there, and Cancel aborts
   * the signal it is given (the one thing a test cannot press in the real notification).
   */
  progress<T>(title: string, task: (report: (message: string) => void, signal: AbortSignal) => Promise<T>): Thenable<T>;
  info(message: string, ...actions: string[]): Thenable<string | undefined>;
  warning(message: string, ...actions: string[]): Thenable<string | undefined>;
  error(message: string, ...actions: string[]): Thenable<string | undefined>;
}

export const windowPrompts: Prompts = {
  inputBox: (options) => vscode.window.showInputBox(options),
  checkedInputBox,
  quickPick: (items, options) => vscode.window.showQuickPick(items, options),
  searchPick: searchQuickPick,
  confirm: (message, detail, ...actions) =>
    vscode.window.showWarningMessage(inertLinks(message), { modal: true, detail: inertLinks(detail) }, ...actions),
  // VS Code makes the first button the default: the safe choice goes first, the risky one after it.
  confirmRisky: async (message, detail, risky, safe) =>
    (await vscode.window.showWarningMessage(inertLinks(message), { modal: true, detail: inertLinks(detail) }, safe, risky)) === risky,
  openDialog: (options) => vscode.window.showOpenDialog(options),
  saveDialog: (options) => vscode.window.showSaveDialog(options),
  progress: (title, task) =>
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (progress, cancellation) => {
        const controller = new AbortController();
        // Disposed when the task ends, so no listener piles up.
        const listener = cancellation.onCancellationRequested(() => controller.abort());
        try {
          return await task((message) => progress.report({ message }), controller.signal);
        } finally {
          listener.dispose();
        }
      },
    ),
  // Messages carry names and errors from Cloudflare: links in them are made inert.
  info: (message, ...actions) => vscode.window.showInformationMessage(inertLinks(message), ...actions),
  warning: (message, ...actions) => showDetailedMessage('warning', message, actions),
  error: (message, ...actions) => showDetailedMessage('error', message, actions),
};

function checkedInputBox(
  options: vscode.InputBoxOptions,
  check: (value: string, signal: AbortSignal) => Promise<string | undefined>,
): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  Object.assign(box, {
    title: options.title,
    prompt: options.prompt,
    placeholder: options.placeHolder,
    password: options.password ?? false,
    ignoreFocusOut: options.ignoreFocusOut ?? false,
    value: options.value ?? '',
  });
  const controller = new AbortController();
  return new Promise<string | undefined>((resolve) => {
    let done = false;
    const finish = (value: string | undefined) => {
      if (!done) {
        done = true;
        controller.abort();
        resolve(value);
        box.dispose();
      }
    };
    box.onDidChangeValue(async (value) => {
      box.validationMessage = (await options.validateInput?.(value)) ?? undefined;
    });
    box.onDidAccept(async () => {
      const value = box.value;
      const local = await options.validateInput?.(value);
      if (local || box.busy) {
        box.validationMessage = local ?? box.validationMessage;
        return;
      }
      box.busy = true;
      box.enabled = false;
      box.validationMessage = undefined;
      const problem = await check(value, controller.signal).catch((error: unknown) =>
        error instanceof Error ? error.message : String(error),
      );
      if (done) {
        return;
      }
      box.busy = false;
      box.enabled = true;
      if (problem) {
        box.validationMessage = { message: problem, severity: vscode.InputBoxValidationSeverity.Error };
        return;
      }
      finish(value);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}
