import * as assert from 'node:assert/strict';
import { browserTestEnvironment } from './support/environment';
import { WorkbenchPage } from './support/workbenchPage';

const SETTING = 'cloudflareCertificates.expiryCheckIntervalHours';

/**
 * Changes the watch's interval in the user settings JSON editor, with Replace and Save, as a person
 * would: a file written behind the workbench's back is not re-read by code-server's settings.
 */
async function setInterval(workbench: WorkbenchPage, from: number, to: number): Promise<void> {
  await workbench.runCommand('Preferences: Open User Settings (JSON)');
  const editor = workbench.page.locator('.monaco-editor', { hasText: SETTING }).first();
  await editor.waitFor();
  await editor.locator('.view-lines').click();
  await workbench.page.keyboard.press('Control+H');
  const findWidget = workbench.page.locator('.editor-widget.find-widget');
  await findWidget.locator('.find-part textarea').fill(`"${SETTING}": ${from}`);
  await findWidget.locator('.replace-part textarea').fill(`"${SETTING}": ${to}`);
  await findWidget.locator('.replace-part textarea').press('Control+Alt+Enter');
  await editor.locator('.view-line', { hasText: `"${SETTING}": ${to}` }).waitFor();
  await workbench.page.keyboard.press('Escape');
  await workbench.page.keyboard.press('Control+S');
  await workbench.page.locator('.tab.active:not(.dirty)', { hasText: 'settings.json' }).waitFor();
  await workbench.runCommand('View: Close Editor');
}

/**
 * The expiry watch, as a person meets it: the harness keeps it off so its notification covers no
 * other test's clicks; turning it on checks what the account holds at once, says what crossed a
 * threshold in one notification, and Show reveals those certificates in the Certificates view.
 */
describe('The expiry watch', function () {
  let workbench: WorkbenchPage;

  before(async () => {
    const environment = browserTestEnvironment();
    workbench = await WorkbenchPage.open(environment.workbenchUrl, environment.folder);
    await workbench.setToken('demo-token');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await workbench.screenshot(`failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
    }
  });

  after(async () => {
    if (workbench) {
      await setInterval(workbench, 12, 0);
      await workbench.close();
    }
  });

  it('notifies once what crossed a threshold, and Show reveals it in the view', async () => {
    // The side bar closed, as it is most of the day: the watch works from the account model alone.
    await workbench.runCommand('View: Close Primary Side Bar');
    await workbench.sidebar().waitFor({ state: 'hidden' });
    await setInterval(workbench, 0, 12);

    // The demo seed holds expired client certificates and some within 30 days: one notification, the
    // expired ones first, each named.
    const toast = workbench.notification(/Cloudflare holds expired: /);
    await toast.waitFor({ timeout: 60_000 });
    const message = await toast.locator('.notification-list-item-message').innerText();
    assert.match(message, /^\d+ certificates? Cloudflare holds expired: "[^"]+"/);
    assert.match(message, /crossed 30 days to expiry: "[^"]+"/);
    assert.equal(await workbench.page.locator('.notifications-toasts .notification-toast', { hasText: /Cloudflare holds/ }).count(), 1);
    await workbench.screenshot('expiry-watch-notification');

    const firstNamed = /expired: "([^"]+)"/.exec(message)?.[1];
    assert.ok(firstNamed, message);
    await toast.locator('.monaco-button', { hasText: /^Show$/ }).click();
    // Show reveals every certificate named and ends on the most urgent: the first one named.
    const selected = workbench.sidebar().locator('.monaco-list-row.selected', { hasText: firstNamed });
    await selected.waitFor({ timeout: 60_000 });
    assert.equal(await workbench.sidebar().locator('.monaco-list-row.selected').count(), 1);
    await workbench.screenshot('expiry-watch-show');
  });
});
