import type * as vscode from 'vscode';
import type { CloudflareCertificatesApi } from '../../../src/extension';
import type { Prompts } from '../../../src/ui/prompts';
import type { SearchAnswer, SearchPickOptions } from '../../../src/ui/searchQuickPick';

type Answer = string | undefined | ((options: unknown) => string | undefined);

/**
 * Answers the extension's questions from a script, and records every question and message, so a test
 * can drive a command the way a person would and then read what the person was told.
 */
export class ScriptedPrompts implements Prompts {
  readonly asked: { kind: string; text: string }[] = [];
  readonly messages: { kind: 'info' | 'warning' | 'error'; text: string }[] = [];
  /** Problems shown inside a checked input box, which stayed open for the next answer. */
  readonly validations: string[] = [];
  private readonly answers: Answer[] = [];
  private readonly original: Prompts;

  constructor(private readonly api: CloudflareCertificatesApi) {
    this.original = api.prompts;
    api.prompts = this;
  }

  /** Queue answers for the next questions, in order (undefined = the person cancels). */
  answer(...answers: Answer[]): this {
    this.answers.push(...answers);
    return this;
  }

  restore(): void {
    this.api.prompts = this.original;
  }

  private next(kind: string, text: string, options: unknown): string | undefined {
    this.asked.push({ kind, text });
    if (this.answers.length === 0) {
      throw new Error(`Unexpected ${kind}: ${text}`);
    }
    const answer = this.answers.shift();
    return typeof answer === 'function' ? answer(options) : answer;
  }

  async inputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const value = this.next('inputBox', options.title ?? options.prompt ?? '', options);
    const problem = value === undefined ? undefined : await options.validateInput?.(value);
    if (problem) {
      throw new Error(`The input box refused "${value}": ${typeof problem === 'string' ? problem : problem.message}`);
    }
    return value;
  }

  /** Like the real box: each answer is checked; a refused one is shown in the box and the next answer is typed. */
  async checkedInputBox(
    options: vscode.InputBoxOptions,
    check: (value: string, signal: AbortSignal) => Promise<string | undefined>,
  ): Promise<string | undefined> {
    for (;;) {
      const value = await this.inputBox(options);
      if (value === undefined) {
        return undefined;
      }
      const problem = await check(value, new AbortController().signal);
      if (!problem) {
        return value;
      }
      this.validations.push(problem);
    }
  }

  async quickPick<T extends vscode.QuickPickItem>(
    items: readonly T[] | Thenable<readonly T[]>,
    options: vscode.QuickPickOptions,
  ): Promise<T | undefined> {
    const list = await items;
    const label = this.next('quickPick', options.title ?? options.placeHolder ?? '', list);
    return label === undefined ? undefined : list.find((item) => item.label === label || item.label.includes(label));
  }

  /** What each search pick found for the text typed into it, latest last. */
  readonly searches: { text: string; labels: string[]; summary?: string; ms: number }[] = [];

  /** The answer is the text typed; the first row the search finds is chosen (none: the person cancels). */
  async searchPick<T extends vscode.QuickPickItem>(
    options: SearchPickOptions,
    search: (text: string, signal: AbortSignal) => Promise<SearchAnswer<T>>,
  ): Promise<T | undefined> {
    const text = this.next('searchPick', options.title, options);
    if (text === undefined) {
      return undefined;
    }
    const began = Date.now();
    const answer = await search(text, new AbortController().signal);
    this.searches.push({ text, labels: answer.items.map((item) => item.label), summary: answer.summary, ms: Date.now() - began });
    return answer.items[0];
  }

  async confirm(message: string, detail: string, ...actions: string[]): Promise<string | undefined> {
    const choice = this.next('confirm', `${message}\n${detail}`, actions);
    if (choice !== undefined && !actions.includes(choice)) {
      throw new Error(`"${choice}" is not one of ${actions.join(', ')}`);
    }
    return choice;
  }

  /** Answered with the risky action's title to take it; anything else (or undefined) is the safe choice. */
  async confirmRisky(message: string, detail: string, risky: string, safe: string): Promise<boolean> {
    const choice = this.next('confirm', `${message}\n${detail}`, [safe, risky]);
    if (choice !== undefined && choice !== risky && choice !== safe) {
      throw new Error(`"${choice}" is not one of ${safe}, ${risky}`);
    }
    return choice === risky;
  }

  async saveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined> {
    const path = this.next('saveDialog', options.title ?? '', options);
    const vscodeApi = await import('vscode');
    return path === undefined ? undefined : vscodeApi.Uri.file(path);
  }

  async openDialog(options: vscode.OpenDialogOptions): Promise<vscode.Uri[] | undefined> {
    const path = this.next('openDialog', options.title ?? '', options);
    const vscodeApi = await import('vscode');
    return path === undefined ? undefined : [vscodeApi.Uri.file(path)];
  }

  /** The titles of the progress notifications shown, in order. */
  readonly progressTitles: string[] = [];
  private readonly cancels: (() => void)[] = [];

  /** The real notification (through the original prompts), with a Cancel the test can press too. */
  progress<T>(title: string, task: (report: (message: string) => void, signal: AbortSignal) => Promise<T>): Thenable<T> {
    this.progressTitles.push(title);
    return this.original.progress(title, async (report, signal) => {
      const controller = new AbortController();
      const forward = () => controller.abort();
      signal.addEventListener('abort', forward, { once: true });
      this.cancels.push(forward);
      try {
        return await task(report, controller.signal);
      } finally {
        signal.removeEventListener('abort', forward);
      }
    });
  }

  /** Presses Cancel on the progress notification shown last, as a person would. */
  cancelProgress(): void {
    const cancel = this.cancels.at(-1);
    if (!cancel) {
      throw new Error('No progress notification to cancel');
    }
    cancel();
  }

  async info(message: string): Promise<undefined> {
    this.messages.push({ kind: 'info', text: message });
    return undefined;
  }

  async warning(message: string): Promise<undefined> {
    this.messages.push({ kind: 'warning', text: message });
    return undefined;
  }

  async error(message: string): Promise<undefined> {
    this.messages.push({ kind: 'error', text: message });
    return undefined;
  }
}
