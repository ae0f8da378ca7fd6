import * as assert from 'node:assert/strict';
import type { WorkbenchPage } from './support/workbenchPage';
import { workbenchWithToken } from './support/workbenchSession';

const SETTING = 'cloudflareCertificates.expiryCheckIntervalHours';

/**
 * Changes the watch's interval in the user settings JSON editor, with Replace and Save, as a person
 * would: a file written behind the workbench's back is not re-read by code-server's settings.
 */
async function setWatchInterval(page: WorkbenchPage, from: number, to: number): Promise<void> {
  await page.runCommand('Preferences: Open User Settings (JSON)');
  const editor = page.page.locator('.monaco-editor', { hasText: SETTING }).first();
  await editor.waitFor();
  await editor.locator('.view-lines').click();
  await page.page.keyboard.press('Control+H');
  const findWidget = page.page.locator('.editor-widget.find-widget');
  await findWidget.locator('.find-part textarea').fill(`"${SETTING}": ${from}`);
  await findWidget.locator('.replace-part textarea').fill(`"${SETTING}": ${to}`);
  await findWidget.locator('.replace-part textarea').press('Control+Alt+Enter');
  await editor.locator('.view-line', { hasText: `"${SETTING}": ${to}` }).waitFor();
  await page.page.keyboard.press('Escape');
  await page.page.keyboard.press('Control+S');
  await page.page.locator('.tab.active:not(.dirty)', { hasText: 'settings.json' }).waitFor();
  await page.runCommand('View: Close Editor');
}

/**
 * The expiry watch, as a person meets it: the harness keeps it off so its notification covers no
 * other test's clicks; turning it on checks what the account holds at once, says what crossed a
 * threshold in one notification, and Show reveals those certificates in the Certificates view.
 */
describe('The expiry watch', function () {
  const workbench = workbenchWithToken({
    beforeClose: async (page) => {
      await setWatchInterval(page, 12, 0);
    },
  });

  it('notifies once what crossed a threshold, and Show reveals it in the view', async () => {
    // The side bar closed, as it is most of the day: the watch works from the account model alone.
    await workbench().runCommand('View: Close Primary Side Bar');
    await workbench().sidebar().waitFor({ state: 'hidden' });
    await setWatchInterval(workbench(), 0, 12);

    // The demo seed holds expired client certificates and some within 30 days: one notification, the
    // expired ones first, each named.
    const toast = workbench().notification(/Cloudflare holds expired: /);
    await toast.waitFor({ timeout: 60_000 });
    const message = await toast.locator('.notification-list-item-message').innerText();
    assert.match(message, /^\d+ certificates? Cloudflare holds expired: "[^"]+"/);
    assert.match(message, /crossed 30 days to expiry: "[^"]+"/);
    assert.equal(
      await workbench()
        .page.locator('.notifications-toasts .notification-toast', { hasText: /Cloudflare holds/ })
        .count(),
      1,
    );
    await workbench().screenshot('expiry-watch-notification');

    const firstNamed = /expired: "([^"]+)"/.exec(message)?.[1];
    assert.ok(firstNamed, message);
    await toast.locator('.monaco-button', { hasText: /^Show$/ }).click();
    // Show reveals every certificate named and ends on the most urgent: the first one named.
    const selected = workbench().sidebar().locator('.monaco-list-row.selected', { hasText: firstNamed });
    await selected.waitFor({ timeout: 60_000 });
    assert.equal(await workbench().sidebar().locator('.monaco-list-row.selected').count(), 1);
    await workbench().screenshot('expiry-watch-show');
  });
});
