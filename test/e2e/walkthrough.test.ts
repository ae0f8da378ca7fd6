import * as assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { screenshotPath } from '../harness/workbench';
import { browserTestEnvironment } from './support/environment';
import { WorkbenchPage } from './support/workbenchPage';

const WALKTHROUGH = 'Get started with Cloudflare Certificates';
const STEP = 'cfcerts.cloudflare-certificates#getStarted#';

/** The first SVG text's fill, and the theme's foreground as the webview resolves it (both as rgb()). */
const THEME_PROBE = `(() => {
  const probe = document.body.appendChild(document.createElement('span'));
  probe.style.color = 'var(--vscode-foreground)';
  const colours = [getComputedStyle(document.querySelector('svg text')).fill, getComputedStyle(probe).color];
  probe.remove();
  return colours;
})()`;

for (const theme of ['dark', 'light'] as const) {
  describe(`Get Started walkthrough in the browser (${theme} theme)`, function () {
    let workbench: WorkbenchPage;

    before(async () => {
      const environment = browserTestEnvironment();
      workbench = await WorkbenchPage.open(environment.workbenchUrl, environment.folder, theme);
    });

    after(async () => {
      await workbench?.close();
    });

    it('opens from "Open Walkthrough…" and names the token permissions, account-owned tokens included', async () => {
      const { page } = workbench;
      await workbench.runCommand('Welcome: Open Walkthrough...');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: WALKTHROUGH }).first().waitFor();
      await workbench.quickInput().fill(WALKTHROUGH);
      await page.keyboard.press('Enter');
      await page.locator('.gettingStartedContainer h2', { hasText: WALKTHROUGH }).first().waitFor({ timeout: 30_000 });
      const steps = await page.locator('.gettingStartedContainer .getting-started-step .step-title').allInnerTexts();
      assert.deepEqual(steps, [
        'Create an API token',
        'Set the token in VS Code',
        'Browse your zones',
        'Open a PEM and hover it',
        'Upload a client certificate',
        'Rotate a certificate',
      ]);
      const first = await page.locator(`[data-step-id="${STEP}createToken"] .step-description-container`).innerText();
      assert.match(first, /Zone: Read/);
      assert.match(first, /SSL and Certificates: Edit/);
      assert.match(first, /account-owned token/);
    });

    it('completes the token step once the token is set through its button', async () => {
      const { page } = workbench;
      const step = page.locator(`[data-step-id="${STEP}setToken"]`);
      const checkbox = page.locator(`[data-done-step-id="${STEP}setToken"]`);
      assert.equal(await checkbox.getAttribute('aria-checked'), 'false');
      await step.locator('.step-title').click();
      await page.locator(`[data-step-id="${STEP}setToken"][aria-expanded="true"]`).waitFor();
      await step.locator('.button-container .monaco-button', { hasText: 'Set API Token' }).click();
      const input = workbench.quickInput();
      await input.waitFor();
      assert.equal(await input.getAttribute('type'), 'password');
      await input.fill('demo-token');
      await page.keyboard.press('Enter');
      await workbench.notification(/verified and saved/).waitFor({ timeout: 30_000 });
      await page.locator(`[data-done-step-id="${STEP}setToken"][aria-checked="true"]`).waitFor({ timeout: 15_000 });
      // Only the step whose completion event fired is ticked (the first completes on its link).
      assert.equal(await page.locator(`[data-done-step-id="${STEP}createToken"]`).getAttribute('aria-checked'), 'false');
      await workbench.screenshot(`walkthrough-token-step-${theme}`);
    });

    it("draws the next step's picture in the theme's colours", async () => {
      const { page } = workbench;
      await page.locator(`[data-step-id="${STEP}browseZones"] .step-title`).click();
      // The picture is an SVG inside the walkthrough's webview frame; its text takes the theme's foreground.
      // The previous step's picture may still be on its way out, so look for this one's own words.
      const frame = await waitForFrameWith(page, 'svg text', 'Client Certificates (AOP)');
      const [fill, foreground] = (await frame.evaluate(THEME_PROBE)) as [string, string];
      assert.notEqual(fill, 'rgb(0, 0, 0)', 'the SVG text fell back to black: its colours are not applied');
      assert.equal(fill, foreground, "the SVG text is not in the theme's foreground colour");
      await frame.locator('svg').screenshot({ path: screenshotPath(`walkthrough-media-${theme}`) });
    });

    it('opens the Certificates view from the browse step, which then counts as done', async () => {
      const { page } = workbench;
      await page
        .locator(`[data-step-id="${STEP}browseZones"] .button-container .monaco-button`, { hasText: 'Open the Certificates View' })
        .click();
      await workbench.certificatesPane().locator('.monaco-list-row').first().waitFor({ timeout: 30_000 });
      await page.locator(`[data-done-step-id="${STEP}browseZones"][aria-checked="true"]`).waitFor({ timeout: 15_000 });
    });
  });
}

/** The frame (webviews nest theirs) that shows `selector` with `text`, once one does. */
async function waitForFrameWith(page: Page, selector: string, text: string): Promise<Frame> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    for (const frame of page.frames()) {
      const shown = await frame
        .locator(selector, { hasText: text })
        .count()
        .catch(() => 0);
      if (shown > 0) {
        return frame;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`No frame shows ${selector} with "${text}"`);
    }
    await page.waitForTimeout(250);
  }
}
