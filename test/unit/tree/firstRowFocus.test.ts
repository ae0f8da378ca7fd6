import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { Emitter } from '../../../src/model/emitter';
import { focusFirstRowOnOpen, type FirstRowFocusOptions } from '../../../src/tree/firstRowFocus';

type RevealOptions = Parameters<vscode.TreeView<string>['reveal']>[1];

/** A promise the test settles when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** Lets every promise callback already queued run (the focus works through a chain of them). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** The tree view as the focus sees it: visibility, selection, and reveal, which fails until the workbench has drawn the row. */
class FakeTreeView {
  visible = false;
  selection: string[] = [];
  readonly reveals: { element: string; options: RevealOptions | undefined }[] = [];
  /** Reveals that fail as VS Code's does before it has drawn the row ("Data tree node not found"). */
  undrawnReveals = 0;
  private readonly visibility = new Emitter<{ visible: boolean }>();
  private readonly selections = new Emitter<{ selection: string[] }>();
  readonly onDidChangeVisibility = this.visibility.event;
  readonly onDidChangeSelection = this.selections.event;

  async reveal(element: string, options?: RevealOptions): Promise<void> {
    if (this.undrawnReveals > 0) {
      this.undrawnReveals -= 1;
      throw new Error(`TreeError [view] Data tree node not found: ${element}`);
    }
    this.reveals.push({ element, options });
  }

  show(): void {
    this.visible = true;
    this.visibility.fire({ visible: true });
  }

  hide(): void {
    this.visible = false;
    this.visibility.fire({ visible: false });
  }

  /** The person hides the view and opens it again; the focus then has its turn. */
  async reopen(): Promise<void> {
    this.hide();
    this.show();
    await settle();
  }

  select(...elements: string[]): void {
    this.selection = elements;
    this.selections.fire({ selection: elements });
  }
}

function setUp(overrides: Partial<FirstRowFocusOptions<string>> = {}) {
  const view = new FakeTreeView();
  const elsewhere = new Emitter<void>();
  const rowsGone = new Emitter<void>();
  const pauses: number[] = [];
  const clock = { ms: 0 };
  const focus = focusFirstRowOnOpen(view as unknown as vscode.TreeView<string>, {
    roots: async () => ['zone-a', 'zone-b'],
    roundTrip: async () => undefined,
    elsewhere: [elsewhere.event],
    rowsGone: rowsGone.event,
    pause: async (ms) => {
      pauses.push(ms);
      clock.ms += ms;
    },
    now: () => clock.ms,
    ...overrides,
  });
  return { view, elsewhere, rowsGone, pauses, clock, focus };
}

describe('focusFirstRowOnOpen', () => {
  it('focuses the first row, without selecting it, when a person opens the view', async () => {
    const { view } = setUp();
    await settle();
    view.show();
    await settle();
    assert.deepEqual(view.reveals, [{ element: 'zone-a', options: { focus: true, select: false, expand: false } }]);
  });

  it('leaves the view VS Code restores at startup alone, and focuses it when a person opens it later', async () => {
    const roundTrip = deferred<void>();
    const { view } = setUp({ roundTrip: () => roundTrip.promise });
    view.show();
    roundTrip.resolve();
    await settle();
    assert.deepEqual(view.reveals, [], 'the editor keeps the keyboard at startup');
    await view.reopen();
    assert.deepEqual(
      view.reveals.map(({ element }) => element),
      ['zone-a'],
    );
  });

  it('never takes the keyboard when the workbench does not answer the round trip', async () => {
    const { view } = setUp({ roundTrip: () => Promise.reject(new Error('gone')) });
    await settle();
    view.show();
    await settle();
    assert.deepEqual(view.reveals, []);
  });

  it('leaves the focused row alone from the second opening on, until the rows go away', async () => {
    const { view, rowsGone } = setUp();
    await settle();
    view.show();
    await settle();
    await view.reopen();
    assert.equal(view.reveals.length, 1, 'VS Code keeps the row the person left focused');
    rowsGone.fire();
    await view.reopen();
    assert.equal(view.reveals.length, 2, 'the token changed: the rows are new and none is focused');
  });

  it('leaves the opening a reveal claims to the chosen row, and the next opening to the first row', async () => {
    // Find Custom Hostname with the view closed: its reveal opens the view; the first row's reveal,
    // had it started, could land last and keep the keyboard while the chosen row is selected.
    const { view, focus } = setUp();
    await settle();
    focus.claim();
    view.show();
    await settle();
    assert.deepEqual(view.reveals, []);
    await view.reopen();
    assert.deepEqual(
      view.reveals.map(({ element }) => element),
      ['zone-a'],
      'a claim holds for one opening only (here the reveal found nothing to select)',
    );
  });

  it('stops a first-row reveal already under way when a reveal claims the view', async () => {
    const { view, focus } = setUp();
    await settle();
    view.show();
    focus.claim();
    await settle();
    assert.deepEqual(view.reveals, []);
  });

  it('leaves a selected row alone: the person chose it, and VS Code focused it', async () => {
    const { view } = setUp();
    await settle();
    view.select('zone-b');
    view.show();
    await settle();
    view.select();
    await view.reopen();
    assert.deepEqual(view.reveals, []);
  });

  it('tries again, waiting longer each time, while the workbench has not drawn the first row', async () => {
    const { view, pauses } = setUp();
    await settle();
    view.undrawnReveals = 2;
    view.show();
    await settle();
    assert.deepEqual(
      view.reveals.map(({ element }) => element),
      ['zone-a'],
    );
    assert.deepEqual(pauses, [100, 200]);
  });

  it('gives up on a row that is never drawn, and tries again at the next opening', async () => {
    const { view, pauses } = setUp();
    await settle();
    view.undrawnReveals = 100;
    view.show();
    await settle();
    assert.deepEqual(view.reveals, []);
    assert.deepEqual(pauses, [100, 200, 400, 800, 1500]);
    view.undrawnReveals = 0;
    await view.reopen();
    assert.equal(view.reveals.length, 1);
  });

  for (const [what, moveOn] of [
    ['the person moves on', (setup: ReturnType<typeof setUp>) => setup.elsewhere.fire()],
    ['the view is hidden', (setup: ReturnType<typeof setUp>) => setup.view.hide()],
    ['a row is selected', (setup: ReturnType<typeof setUp>) => setup.view.select('zone-b')],
    ['the extension is deactivated', (setup: ReturnType<typeof setUp>) => setup.focus.dispose()],
  ] as const) {
    it(`takes no keyboard when ${what} while the rows load`, async () => {
      const rows = deferred<string[]>();
      const setup = setUp({ roots: () => rows.promise });
      await settle();
      setup.view.show();
      await settle();
      moveOn(setup);
      setup.view.visible = true;
      rows.resolve(['zone-a']);
      await settle();
      assert.deepEqual(setup.view.reveals, []);
    });
  }

  /** Opens the view and lets its rows take `ms` to load: how many reveals follow. */
  async function revealsWhenRowsTake(ms: number): Promise<number> {
    const rows = deferred<string[]>();
    const { view, clock } = setUp({ roots: () => rows.promise });
    await settle();
    view.show();
    await settle();
    clock.ms += ms;
    rows.resolve(['zone-a']);
    await settle();
    return view.reveals.length;
  }

  it('leaves rows that take more than 3 s to load to the arrow keys: the person may have opened the palette meanwhile', async () => {
    assert.equal(await revealsWhenRowsTake(3001), 0);
  });

  it('focuses rows that load within 3 s', async () => {
    assert.equal(await revealsWhenRowsTake(2900), 1);
  });

  it('does nothing while the view has no rows (its welcome view shows)', async () => {
    const { view } = setUp({ roots: async () => [] });
    await settle();
    view.show();
    await settle();
    assert.deepEqual(view.reveals, []);
  });
});
