import type * as vscode from 'vscode';

/** Something to stop listening to: vscode.Disposable's shape. */
interface Subscription {
  dispose(): unknown;
}

/** A listener registration, as vscode.Event and the model's events both take one. */
type Listen = (listener: () => void) => Subscription;

export interface FirstRowFocusOptions<T> {
  /** The view's top rows; resolves once they are loaded. */
  readonly roots: () => Thenable<readonly T[]>;
  /**
   * Any request to the workbench, started when the view is created. VS Code reports the view's
   * visibility as it registers the view's provider, before it answers a later request: a "visible"
   * that arrives first is the view restored at startup, not a person opening it.
   */
  readonly roundTrip: () => Thenable<unknown>;
  /** Signs that the person has moved on while the rows load: typing in an editor, another editor or terminal. */
  readonly elsewhere: readonly Listen[];
  /** Fires when the rows go away (the token removed or rejected), and with them the row VS Code kept focused. */
  readonly rowsGone: Listen;
  /** Waits between reveals; the first row may be loaded here but not yet drawn by the workbench. */
  readonly pause?: (ms: number) => Promise<void>;
  /** The clock the give-up time is read from. */
  readonly now?: () => number;
}

/** The focus's handle: disposable, and told when a reveal of a chosen row is about to open the view. */
export interface FirstRowFocus extends vscode.Disposable {
  /**
   * A command is about to reveal and select a row (Find, the status bar's list, a notification's
   * Show): the opening it causes is not for the first row. Without this, the first row's reveal,
   * started as the view opened, could land after the chosen row's and leave the keyboard on the
   * first row while the chosen one is selected. Good for the next opening, or until a row is selected.
   */
  claim(): void;
}

/** How long to wait before each reveal: the workbench draws rows it was just handed within a few hundred ms. */
const REVEAL_DELAYS_MS = [0, 100, 200, 400, 800, 1500];
/**
 * The reveal takes the keyboard wherever it is, and no API tells when the person opens the palette or
 * a quick pick meanwhile: so only shortly after the view opened. Rows slower to load than this are
 * left to the arrow keys, and the next opening tries again.
 */
const GIVE_UP_AFTER_MS = 3000;

/**
 * "Focus on Certificates View" (or the activity bar, or the side bar shown again) gives the tree the keyboard with no
 * row focused: a screen reader says only the view's name, and no outline shows, until an arrow key is
 * pressed. So the first time a person opens the view, its first row gets the focus (not the selection,
 * which would claim a choice the person did not make). VS Code keeps a focused row while it exists,
 * so from then on the Focus command lands on the row the person left; this never moves it.
 *
 * Not at startup: a view VS Code restores is merely shown, and focusing a row would take the
 * keyboard from the editor. No extension API says when the Focus command runs on a view already
 * visible, so a view restored at startup and never hidden since still needs the arrow key.
 */
export function focusFirstRowOnOpen<T>(treeView: vscode.TreeView<T>, options: FirstRowFocusOptions<T>): FirstRowFocus {
  const pause = options.pause ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  let startupReported = false;
  // Whether the tree has a focused row: one this gave it, or one the person selected (which focuses it too).
  let hasFocusedRow = false;
  let attempt: { cancelled: boolean } | undefined;
  /** A reveal of a chosen row is on its way (claim()). */
  let claimed = false;
  const cancel = () => {
    if (attempt) {
      attempt.cancelled = true;
      attempt = undefined;
    }
  };
  void Promise.resolve(options.roundTrip()).then(
    () => (startupReported = true),
    () => undefined, // Never sure which "visible" was the restored view: never take the keyboard.
  );

  const focusFirstRow = async (current: { cancelled: boolean }) => {
    const deadline = now() + GIVE_UP_AFTER_MS;
    for (const delay of REVEAL_DELAYS_MS) {
      if (delay > 0) {
        await pause(delay);
      }
      const [first] = await options.roots();
      if (current.cancelled || first === undefined || !treeView.visible || treeView.selection.length > 0 || now() > deadline) {
        return;
      }
      try {
        await treeView.reveal(first, { focus: true, select: false, expand: false });
        hasFocusedRow = true;
        return;
      } catch {
        // "Data tree node not found": the workbench has the row but has not drawn it yet.
      }
    }
  };

  const subscriptions: Subscription[] = [
    treeView.onDidChangeVisibility(({ visible }) => {
      cancel();
      const forReveal = claimed;
      claimed = false;
      if (visible && !forReveal && startupReported && !hasFocusedRow && treeView.selection.length === 0) {
        attempt = { cancelled: false };
        void focusFirstRow(attempt);
      }
    }),
    treeView.onDidChangeSelection(({ selection }) => {
      if (selection.length > 0) {
        hasFocusedRow = true;
        claimed = false;
        cancel();
      }
    }),
    ...options.elsewhere.map((listen) => listen(cancel)),
    options.rowsGone(() => {
      hasFocusedRow = false;
      cancel();
    }),
  ];
  return {
    claim: () => {
      claimed = true;
      cancel();
    },
    dispose: () => {
      cancel();
      subscriptions.forEach((subscription) => subscription.dispose());
    },
  };
}
