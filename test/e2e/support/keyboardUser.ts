import type { Page } from 'playwright-core';

/**
 * A person who uses no mouse: F1 and Ctrl+P, typing, arrow keys, Tab and Enter. Each step waits for
 * what the workbench shows next, and reads rows by their accessible names as a screen reader would.
 */
export class KeyboardUser {
  constructor(private readonly page: Page) {}

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Runs a command by typing its title into the palette F1 opens. */
  async command(title: string): Promise<void> {
    // A command whose "when" just became true (a token set a moment ago) is listed from the next
    // opening of the palette on.
    await this.typeUntilFocused('F1', title, 5_000);
    await this.page.keyboard.press('Enter');
  }

  /**
   * Opens a quick input with `key`, types `text` and waits until a row for it has the focus; the list
   * can be stale (a command just enabled, a file just written), so it opens the input again rather than
   * wait on it, up to four times.
   */
  private async typeUntilFocused(key: string, text: string, timeout: number): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      await this.page.keyboard.press(key);
      await this.input().waitFor();
      await this.page.keyboard.type(text);
      try {
        await this.focusedPick(text).waitFor({ timeout });
        return;
      } catch (error) {
        await this.page.keyboard.press('Escape');
        if (attempt === 4) {
          throw error;
        }
      }
    }
  }

  /** Types into the input box that is open (a token, a passphrase) and presses Enter. */
  async typeIntoInput(text: string): Promise<void> {
    await this.input().waitFor();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Filters the open quick pick by typing, waits until the row wanted has the focus, and takes it with Enter. */
  async pick(typed: string, row: RegExp): Promise<void> {
    await this.input().waitFor({ timeout: 30_000 });
    await this.page.keyboard.type(typed);
    await this.focusedPick(row).waitFor({ timeout: 15_000 });
    await this.page.keyboard.press('Enter');
  }

  /** Opens a workspace file through Quick Open (Ctrl+P), asking again while the file search has not seen it yet. */
  async openFile(name: string): Promise<void> {
    await this.typeUntilFocused('Control+P', name, 10_000);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
  }

  /** "Focus on Certificates View" from the palette: the tree gets the keyboard. */
  async focusCertificatesView(): Promise<void> {
    await this.command('Cloudflare Certificates: Focus on Certificates View');
    await this.page.locator('.part.sidebar .monaco-list:focus-within').first().waitFor({ timeout: 15_000 });
  }

  /**
   * The Certificates tree's focused row, waited for with no key pressed: its accessible name, its place
   * in the list, and whether the list names it as its active descendant (what a screen reader reads
   * when the tree gets the keyboard).
   */
  async focusedCertificateRow(timeoutMs = 15_000): Promise<{ name: string; index: number; announced: boolean }> {
    const list = this.page.locator('.part.sidebar .monaco-list[aria-label="Certificates"]');
    const row = list.locator('.monaco-list-row.focused');
    await row.waitFor({ timeout: timeoutMs });
    const [name, index, id, activeDescendant] = await Promise.all([
      row.getAttribute('aria-label'),
      row.getAttribute('data-index'),
      row.getAttribute('id'),
      list.getAttribute('aria-activedescendant'),
    ]);
    return { name: name ?? '', index: Number(index), announced: id !== null && id === activeDescendant };
  }

  /**
   * Moves the tree's focus down with the arrow key (from the top again once the list ends) until the
   * focused row's accessible name matches, and hands that name back. Rows that load meanwhile are
   * reached on a later pass.
   */
  async arrowTo(name: RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const heard = new Set<string>();
    let unchanged = 0;
    let spoken = await this.focusedRowName();
    for (;;) {
      if (spoken !== undefined && name.test(spoken)) {
        return spoken;
      }
      if (Date.now() > deadline) {
        throw new Error(`No row said ${name} within ${timeoutMs / 1000} s; heard: ${[...heard].join(' | ')}`);
      }
      await this.page.keyboard.press(unchanged >= 3 ? 'Home' : 'ArrowDown');
      const next = await this.focusedRowName();
      unchanged = next === spoken ? unchanged + 1 : 0;
      spoken = next;
      if (spoken !== undefined) {
        heard.add(spoken);
      }
    }
  }

  /**
   * Waits for the modal dialog, moves the focus with Tab to the button wanted (checking that it is
   * the focused one), presses Enter, and hands back what the dialog said.
   */
  async answerModal(button: string | RegExp): Promise<string> {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    const said = await dialog.innerText();
    const buttons = dialog.locator('.dialog-buttons .monaco-button');
    const wanted = typeof button === 'string' ? new RegExp(`^${button.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : button;
    await dialog.locator('.dialog-buttons .monaco-button:focus').waitFor({ timeout: 5_000 });
    for (let tabs = 0; !wanted.test((await dialog.locator('.dialog-buttons .monaco-button:focus').innerText()).trim()); tabs += 1) {
      if (tabs > (await buttons.count())) {
        throw new Error(`No button ${wanted} in the dialog: ${(await buttons.allInnerTexts()).join(' | ')}`);
      }
      await this.page.keyboard.press('Tab');
    }
    await this.page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    return said;
  }

  private async focusedRowName(): Promise<string | undefined> {
    const row = this.page.locator('.part.sidebar .monaco-list-row.focused:visible').first();
    return (await row.count()) > 0 ? ((await row.getAttribute('aria-label')) ?? undefined) : undefined;
  }

  private input() {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  private focusedPick(text: string | RegExp) {
    return this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: text }).first();
  }
}
