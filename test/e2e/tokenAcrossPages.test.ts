import * as assert from 'node:assert/strict';
import { browserTestEnvironment } from './support/environment';
import { WorkbenchPage } from './support/workbenchPage';

interface ApiZone { id: string; name: string }

/**
 * Whether to run the two tests of a window following another without a reload. code-server 4.100.3
 * (VS Code 1.100.3 web) keeps secrets in a LocalStorageSecretStorageProvider that reads localStorage
 * once per page and never hears of another page's writes, so its SecretStorage fires no onDidChange
 * across pages and they cannot pass there: E2E_CROSS_WINDOW_LIVE=1 runs them anyway.
 */
const LIVE = process.env.E2E_CROSS_WINDOW_LIVE === '1';
const LIVE_NOTE = LIVE ? '' : ' — pending on code-server: its web SecretStorage does not tell one page of another\'s writes (E2E_CROSS_WINDOW_LIVE=1 runs it)';

/** Set on a page's window: still there later means the page was not reloaded in between. */
const MARK = '__cfcertsNotReloaded';

async function mark(workbench: WorkbenchPage): Promise<void> {
  await workbench.page.evaluate((name) => Object.assign(globalThis, { [name]: true }), MARK);
}

async function stillMarked(workbench: WorkbenchPage): Promise<boolean> {
  return workbench.page.evaluate((name) => (globalThis as unknown as Record<string, unknown>)[name] === true, MARK);
}

/** The sealed secrets as this page's localStorage holds them (code-server's web SecretStorage keeps them there). */
async function sealedSecrets(workbench: WorkbenchPage): Promise<string | null> {
  return workbench.page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('secrets.provider'));
}

describe('A token changed in another window (two pages on one workbench)', function () {
  let first: WorkbenchPage;
  let second: WorkbenchPage;
  let zones: ApiZone[];
  let tokenSet = false;
  let tokenRemoved = false;

  async function setTokenInFirst(): Promise<void> {
    if (!tokenSet) {
      tokenSet = true;
      await first.setToken('demo-token');
      await first.treeRow(zones[0].name).waitFor({ timeout: 30_000 });
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

  async function reloadSecond(): Promise<void> {
    await second.page.reload();
    await second.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    // The reload restores the open sidebar a moment later; clicking our entry before that would close it.
    await second.sidebar().locator('.composite.title', { hasText: /Cloudflare Certificates/i }).first().waitFor({ timeout: 15_000 }).catch(() => undefined);
    await second.openCertificatesView();
  }

  async function secondShowsZones(): Promise<void> {
    for (const zone of zones) {
      await second.treeRow(zone.name).waitFor({ timeout: 30_000 });
    }
    assert.equal(await second.welcomeButton('Set API Token').isVisible(), false);
  }

  async function secondShowsWelcome(): Promise<void> {
    await second.welcomeButton('Set API Token').waitFor({ timeout: 30_000 });
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
    await mark(second);
  });

  it(`shows the zones in the second window when the token is set in the first, without a reload${LIVE_NOTE}`, async function () {
    if (!LIVE) {
      this.skip();
    }
    const before = await sealedSecrets(second);
    await setTokenInFirst();
    try {
      await secondShowsZones();
    } catch (error) {
      // Says which side failed: the shared store (localStorage) or the page's SecretStorage reading it.
      await second.screenshot('token-across-pages-set-second-live');
      const changed = (await sealedSecrets(second)) !== before;
      throw new Error(`${String(error)}\nThe second page's localStorage copy of the secrets ${changed ? 'did change, so its SecretStorage did not pick the change up' : 'did not change'}.`);
    }
    assert.ok(await stillMarked(second), 'the second window was reloaded');
  });

  it('shows the zones in the second window once it reloads: both windows keep the token in one SecretStorage', async () => {
    await setTokenInFirst();
    await first.screenshot('token-across-pages-set-first');
    await reloadSecond();
    await secondShowsZones();
    await second.screenshot('token-across-pages-set-second');
  });

  it(`brings back the welcome view in the second window when the token is removed in the first, without a reload${LIVE_NOTE}`, async function () {
    if (!LIVE) {
      this.skip();
    }
    await mark(second);
    await removeTokenInFirst();
    await secondShowsWelcome();
    assert.ok(await stillMarked(second), 'the second window was reloaded');
    await second.screenshot('token-across-pages-removed-second-live');
  });

  it('shows the welcome view in the second window once it reloads after the token is removed in the first', async () => {
    await removeTokenInFirst();
    await first.screenshot('token-across-pages-removed-first');
    await reloadSecond();
    await secondShowsWelcome();
    await second.screenshot('token-across-pages-removed-second');
  });
});
