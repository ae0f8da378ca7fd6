import * as assert from 'node:assert/strict';
import { browserTestEnvironment } from './support/environment';
import { WorkbenchPage } from './support/workbenchPage';

describe('First run in the browser', function () {
  let workbench: WorkbenchPage;

  before(async () => {
    const environment = browserTestEnvironment();
    workbench = await WorkbenchPage.open(environment.workbenchUrl, environment.folder);
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows the Cloudflare Certificates entry in the activity bar', async () => {
    await workbench.activityBarEntry().waitFor();
    assert.match((await workbench.activityBarEntry().getAttribute('aria-label')) ?? '', /^Cloudflare Certificates/);
  });

  it('opens the Certificates view on the welcome content with a Set API Token button', async () => {
    await workbench.openCertificatesView();
    const button = workbench.welcomeButton('Set API Token');
    await button.waitFor();
    assert.ok(await button.isVisible());
    const text = await workbench.certificatesPane().locator('.welcome-view-content').innerText();
    assert.match(text, /secret storage/);
    await workbench.screenshot('welcome-view');
  });

  it('runs "Set API Token" from F1 and asks for the token in a password box', async () => {
    await workbench.runCommand('Cloudflare Certificates: Set API Token');
    const input = workbench.quickInput();
    await workbench.page.locator('.quick-input-widget', { hasText: 'Cloudflare API Token' }).waitFor();
    assert.equal(await input.getAttribute('type'), 'password');
    await workbench.screenshot('set-token-input');
    await workbench.page.keyboard.press('Escape');
  });
});
