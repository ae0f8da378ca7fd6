import * as assert from 'node:assert/strict';
import { browserTestEnvironment } from './support/environment';
import { WorkbenchPage } from './support/workbenchPage';

interface ApiZone {
  id: string;
  name: string;
}

/*
 * Two pages on one workbench are two windows sharing one SecretStorage. On code-server 4.100.3
 * (VS Code 1.100.3 web) a page loads that storage once and never hears of another page's writes, so
 * the extension also leaves a revision mark in its global state, which pages do share: the second
 * window sees the change without a reload. A removed token it can act on at once; a new one it can
 * only read after a reload, which its welcome view offers.
 */
describe('A token changed in another window (two pages on one workbench)', function () {
  let first: WorkbenchPage;
  let second: WorkbenchPage;
  let zones: ApiZone[];
  let tokenSet = false;
  let secondReloaded = false;
  let tokenRemoved = false;

  async function setTokenInFirst(): Promise<void> {
    if (!tokenSet) {
      tokenSet = true;
      await first.setToken('demo-token');
      await first.treeRow(zones[0].name).waitFor({ timeout: 30_000 });
    }
  }

  /** Through the welcome view's button, or (when that test did not run first) as a plain page reload. */
  async function reloadSecond(how: 'welcome view' | 'page'): Promise<void> {
    if (!secondReloaded) {
      secondReloaded = true;
      if (how === 'page') {
        await second.reload();
      } else {
        await second.reloadBy(() => second.welcomeButton('Reload Window').click());
      }
      await second.openCertificatesView();
    }
  }

  async function removeTokenInFirst(): Promise<void> {
    if (!tokenRemoved) {
      tokenRemoved = true;
      await first.runCommand('Cloudflare Certificates: Remove API Token');
      const dialog = first.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 15_000 });
      await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Remove Token$/ }).click();
      await first.welcomeButton('Set API Token').waitFor({ timeout: 30_000 });
    }
  }

  async function secondShowsZones(): Promise<void> {
    for (const zone of zones) {
      await second.treeRow(zone.name).waitFor({ timeout: 30_000 });
    }
    assert.equal(await second.welcomeButton('Set API Token').isVisible(), false);
  }

  async function secondShowsNoZones(): Promise<void> {
    for (const zone of zones) {
      assert.equal(await second.treeRow(zone.name).isVisible(), false, `${zone.name} still shown`);
    }
  }

  before(async () => {
    const environment = browserTestEnvironment();
    const response = await fetch(`${environment.emulator.baseUrl}/zones?per_page=50`, { headers: { Authorization: 'Bearer demo-token' } });
    zones = ((await response.json()) as { result: ApiZone[] }).result;
    first = await WorkbenchPage.open(environment.workbenchUrl, environment.folder);
    // Same browser context, so the same SecretStorage: what "another window" is for code-server.
    second = await first.openAnotherWindow();
  });

  after(async () => {
    await second?.close();
    await first?.close();
  });

  it('starts both windows on the welcome view', async () => {
    for (const page of [first, second]) {
      await page.openCertificatesView();
      await page.welcomeButton('Set API Token').waitFor();
    }
  });

  it('tells the second window, without a reload, that a token was set in the first, and offers the reload that reads it', async () => {
    await setTokenInFirst();
    await first.screenshot('token-across-pages-set-first');
    const changed = second.certificatesPane().locator('.welcome-view-content', { hasText: 'The API token was changed in another window' });
    await changed.waitFor({ timeout: 30_000 });
    assert.equal(await second.welcomeButton('Reload Window').isVisible(), true);
    await second.screenshot('token-across-pages-set-second-told');
    await secondShowsNoZones();
  });

  it('shows the zones in the second window after that reload', async () => {
    await setTokenInFirst();
    await reloadSecond('welcome view');
    await secondShowsZones();
    await second.screenshot('token-across-pages-set-second');
  });

  it('shows the welcome view in the second window, without a reload, as soon as the first removes the token', async () => {
    await setTokenInFirst();
    await reloadSecond('page');
    await secondShowsZones();
    await removeTokenInFirst();
    await first.screenshot('token-across-pages-removed-first');
    await second.welcomeButton('Set API Token').waitFor({ timeout: 30_000 });
    await secondShowsNoZones();
    assert.equal(await second.welcomeButton('Reload Window').isVisible(), false, 'a removed token needs no reload');
    await second.screenshot('token-across-pages-removed-second');
  });
});
