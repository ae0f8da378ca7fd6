import * as vscode from 'vscode';
import { DebouncedSearch } from '../model/debouncedSearch';

export interface SearchPickOptions {
  readonly title: string;
  readonly placeholder: string;
  /** Shown as the only row before anything is typed or when nothing matches. */
  readonly hint: (text: string) => string;
  /** Below this many characters nothing is sent (one letter matches most of a large zone). */
  readonly minLength?: number;
  readonly delayMs?: number;
}

/** What a search answers: the rows to show, and a line that sums them up (say, "3 of 120 shown"). */
export interface SearchAnswer<T> {
  readonly items: readonly T[];
  readonly summary?: string;
}

type Row<T> = T | (vscode.QuickPickItem & { readonly hintRow: true });

/**
 * A quick pick that searches on the server as the person types: debounced, the request before each
 * new one aborted, busy while it waits. Rows always show (the server did the filtering, so the quick
 * pick's own fuzzy filter must not hide what it found). Resolves to the chosen row or undefined.
 */
export function searchQuickPick<T extends vscode.QuickPickItem>(
  options: SearchPickOptions,
  search: (text: string, signal: AbortSignal) => Promise<SearchAnswer<T>>,
): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<Row<T>>();
  pick.title = options.title;
  pick.placeholder = options.placeholder;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const hintRow = (text: string): Row<T> => ({ label: options.hint(text), alwaysShow: true, hintRow: true });
  pick.items = [hintRow('')];
  const debounced = new DebouncedSearch<SearchAnswer<T>>(
    search,
    {
      started: () => {
        pick.busy = true;
      },
      answered: (text, answer) => {
        pick.busy = false;
        const rows = answer.items.map((item) => ({ ...item, alwaysShow: true }));
        pick.items = rows.length > 0 ? rows : [hintRow(text)];
        pick.title = answer.summary ? `${options.title} (${answer.summary})` : options.title;
      },
      failed: (_text, error) => {
        pick.busy = false;
        pick.items = [{ label: error instanceof Error ? error.message : String(error), alwaysShow: true, hintRow: true }];
      },
    },
    options.delayMs,
  );
  return new Promise<T | undefined>((resolve) => {
    let chosen: T | undefined;
    pick.onDidChangeValue((value) => {
      if (value.trim().length < (options.minLength ?? 1)) {
        debounced.cancel();
        pick.items = [hintRow(value)];
        pick.busy = false;
        return;
      }
      debounced.update(value);
    });
    pick.onDidAccept(() => {
      const [selected] = pick.selectedItems;
      if (selected && !('hintRow' in selected)) {
        chosen = selected;
        pick.hide();
      }
    });
    pick.onDidHide(() => {
      debounced.dispose();
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}
