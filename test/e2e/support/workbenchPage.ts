import type { Locator, Page } from 'playwright-core';
import { openWorkbench, screenshotPath, type Workbench } from '../../harness/workbench';

const CONTAINER_TITLE = 'Cloudflare Certificates';

/** A person's view of the workbench: the activity bar, the Certificates view, F1, input boxes. */
export class WorkbenchPage {
  private constructor(
    private readonly workbench: Workbench,
    readonly page: Page,
  ) {}

  static async open(url: string, folder: string, colorScheme: 'light' | 'dark' = 'dark'): Promise<WorkbenchPage> {
    const workbench = await openWorkbench(`${url}/?folder=${encodeURIComponent(folder)}`, { colorScheme });
    const page = new WorkbenchPage(workbench, workbench.page);
    await workbench.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    return page;
  }

  async close(): Promise<void> {
    await this.workbench.close();
  }

  /**
   * Another window on the same workbench: a second page in this page's browser context. code-server
   * keeps SecretStorage in the browser, so only pages of one context share it, as two windows of one
   * VS Code do. Closing it closes only that page.
   */
  async openAnotherWindow(): Promise<WorkbenchPage> {
    const { browser, context } = this.workbench;
    const page = await context.newPage();
    await page.goto(this.page.url());
    const other = new WorkbenchPage({ browser, context, page, close: () => page.close() }, page);
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    return other;
  }

  /** The activity-bar entry of our container. */
  activityBarEntry(): Locator {
    return this.page.locator(`.part.activitybar [aria-label^="${CONTAINER_TITLE}"]`).first();
  }

  sidebar(): Locator {
    return this.page.locator('.part.sidebar');
  }

  /** The sidebar title while our container is open (a lone view shares the container's title). */
  private sidebarTitle(): Locator {
    return this.sidebar()
      .locator('.composite.title', { hasText: /Cloudflare Certificates/i })
      .first();
  }

  /**
   * One view's pane in our container, which holds two (Certificates, Workspace Certificates): each
   * pane has a header of its own with the view's name and, on hover, its title actions.
   */
  private pane(name: RegExp): Locator {
    return this.sidebar()
      .locator('.pane', { has: this.page.locator('.pane-header .title', { hasText: name }) })
      .first();
  }

  /** The Certificates view's pane: its rows, welcome content and title actions. */
  certificatesPane(): Locator {
    return this.pane(/^Certificates$/i);
  }

  /** The Workspace Certificates view's pane, in the same container. */
  workspacePane(): Locator {
    return this.pane(/^Workspace Certificates$/i);
  }

  /**
   * Opens our container with the Certificates view taking the whole side bar: the Workspace
   * Certificates pane below it is collapsed (as a person would, by its header), so the Certificates
   * tree is as tall as when it was the container's only view and rows are not scrolled out of it.
   */
  async openCertificatesView(): Promise<void> {
    await this.openContainer();
    await this.setPaneExpanded(this.workspacePane(), false);
    await this.setPaneExpanded(this.certificatesPane(), true);
  }

  /** Opens our container with both views expanded, the Workspace Certificates view as it comes. */
  async openBothViews(): Promise<void> {
    await this.openContainer();
    await this.setPaneExpanded(this.certificatesPane(), true);
    await this.setPaneExpanded(this.workspacePane(), true);
  }

  private async openContainer(): Promise<void> {
    // Clicking the entry of the container already shown would close the sidebar.
    if (
      !(await this.sidebarTitle()
        .isVisible()
        .catch(() => false))
    ) {
      await this.activityBarEntry().click();
    }
    await this.sidebarTitle().waitFor();
  }

  private async setPaneExpanded(pane: Locator, expanded: boolean): Promise<void> {
    const header = pane.locator('.pane-header').first();
    await header.waitFor();
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) {
      await header.locator('.title').first().click();
      await pane.locator(`.pane-header[aria-expanded="${String(expanded)}"]`).waitFor();
    }
  }

  /**
   * Clicks one of the Certificates view's title actions (Refresh, Collapse All…): in its pane
   * header, whose actions show while the pointer is over it.
   */
  async clickTitleAction(label: string): Promise<void> {
    await this.openCertificatesView();
    const header = this.certificatesPane().locator('.pane-header').first();
    await header.hover();
    await header.locator(`.actions .action-label[aria-label^="${label}"]`).first().click();
  }

  /** Drags the sidebar's edge so tree descriptions are not cut off (for readable screenshots). */
  async widenSidebar(pixels: number): Promise<void> {
    const box = await this.sidebar().boundingBox();
    if (!box) {
      return;
    }
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width + 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width + 1 + pixels, y, { steps: 5 });
    await this.page.mouse.up();
  }

  welcomeButton(label: string): Locator {
    return this.certificatesPane().locator('.welcome-view-content .monaco-button', { hasText: label }).first();
  }

  /** Expands a tree row (once it shows) unless it already is expanded. */
  async expand(row: Locator): Promise<void> {
    await row.waitFor({ timeout: 30_000 });
    if ((await row.getAttribute('aria-expanded')) !== 'true') {
      await row.locator('.label-name').first().click();
    }
  }

  /** Right-click a row and choose an item (VS Code's menus act on hover then Enter most reliably). */
  async contextMenu(row: Locator, item: string): Promise<void> {
    const entry = this.page.locator('.context-view .action-label', { hasText: item }).first();
    // A row re-rendered under the pointer (the tree follows Cloudflare's changes) can open another
    // row's menu: try again rather than choose from the wrong one.
    for (let attempt = 1; ; attempt += 1) {
      await row.click({ button: 'right' });
      try {
        await entry.waitFor({ timeout: 5_000 });
        await entry.hover();
        // A re-render can close the menu under the pointer; Enter would then open the focused row.
        if (await entry.isVisible()) {
          await this.page.keyboard.press('Enter');
          return;
        }
      } catch (error) {
        if (attempt === 3) {
          throw error;
        }
      }
      await this.page.keyboard.press('Escape');
    }
  }

  /** Waits for the modal dialog, clicks one of its buttons, and hands back what it said. */
  async dialogButton(label: string | RegExp): Promise<string> {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    const text = await dialog.innerText();
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: label }).first().click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    return text;
  }

  /** The view's own Collapse All, so the rows a test looks for are not scrolled out of the list. */
  async collapseAll(): Promise<void> {
    await this.clickTitleAction('Collapse All');
  }

  /** Reloads the window (a new extension host) and waits for the workbench to be back. */
  async reload(): Promise<void> {
    await this.reloadBy(async () => {
      await this.page.reload();
    });
  }

  /**
   * Runs something that reloads the window (a button, a command) and waits for the new page's
   * workbench: waiting on the old page, still shown for a moment, would find it at once.
   */
  async reloadBy(trigger: () => Promise<void>): Promise<void> {
    const loaded = this.page.waitForEvent('load', { timeout: 60_000 });
    await trigger();
    await loaded;
    await this.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    // The reloaded window restores its open sidebar a moment later; clicking our entry before that
    // would close it again.
    await this.sidebarTitle()
      .waitFor({ timeout: 15_000 })
      .catch(() => undefined);
  }

  treeRow(label: string | RegExp): Locator {
    return this.certificatesPane().locator('.monaco-list-row', { hasText: label }).first();
  }

  async treeLabels(): Promise<string[]> {
    return this.certificatesPane().locator('.monaco-list-row .label-name').allInnerTexts();
  }

  workspaceRow(label: string | RegExp): Locator {
    return this.workspacePane().locator('.monaco-list-row', { hasText: label }).first();
  }

  /** Runs a command by its palette title through F1, as a person would. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.quickInput();
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor();
    await this.page.keyboard.press('Enter');
  }

  quickInput(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  /** Opens a workspace file through Quick Open, as a person would. */
  async openFile(name: string): Promise<void> {
    // Quick Open lists a file written a moment ago only once the workbench's file search has seen
    // it, which under load can take longer than one look: ask again rather than wait on a stale list.
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    for (let attempt = 1; ; attempt += 1) {
      await this.page.keyboard.press('Control+P');
      await this.quickInput().waitFor();
      await this.quickInput().fill(name);
      try {
        await row.waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        await this.page.keyboard.press('Escape');
        if (attempt === 4) {
          throw error;
        }
      }
    }
    await this.page.keyboard.press('Enter');
    await this.page.locator('.monaco-editor .view-lines').first().waitFor();
  }

  /** Sets the demo token through the welcome view's button and the password box. */
  async setToken(token: string): Promise<void> {
    await this.openCertificatesView();
    await this.welcomeButton('Set API Token').click();
    await this.quickInput().waitFor();
    await this.quickInput().fill(token);
    await this.page.keyboard.press('Enter');
    await this.notification(/verified and saved/).waitFor({ timeout: 30_000 });
  }

  notification(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  }

  async hoverAndReadTooltip(row: Locator): Promise<string> {
    // A tooltip still open over the row the pointer was last on (a row just clicked) can cover this
    // one: move off it and let it close first.
    const open = this.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: /\S/ });
    await this.page.mouse.move(0, 0);
    await open
      .first()
      .waitFor({ state: 'hidden', timeout: 5_000 })
      .catch(() => undefined);
    await row.hover();
    const hover = open.last();
    await hover.waitFor({ timeout: 15_000 });
    return hover.innerText();
  }

  async screenshot(name: string): Promise<string> {
    const file = screenshotPath(name);
    await this.page.screenshot({ path: file });
    return file;
  }
}
