import * as assert from 'node:assert/strict';
import { browserTestEnvironment } from './support/environment';
import { WorkbenchPage } from './support/workbenchPage';

const HOSTNAMES = 100_000;

/**
 * Find Custom Hostname as a person uses it: part of a hostname typed into the real quick pick, the
 * match found by Cloudflare (the emulator, reseeded with 100,000 custom hostnames in one zone), and
 * the choice revealed in the tree far beyond the rows the group shows. The demo seed comes back after.
 */
describe('Find Custom Hostname in the browser (100,000 custom hostnames)', function () {
  this.timeout(240_000);
  let workbench: WorkbenchPage;

  before(async () => {
    const environment = browserTestEnvironment();
    await environment.emulator.reset({
      zones: 1,
      certificatesPerZone: 1,
      associationsPerCertificate: 1,
      customHostnamesPerZone: HOSTNAMES,
    });
    workbench = await WorkbenchPage.open(environment.workbenchUrl, environment.folder, 'dark');
  });

  after(async () => {
    await workbench?.close();
    await browserTestEnvironment().emulator.reset('demo');
  });

  it('types part of a hostname, sees it found on the server, and sees it revealed in the tree', async () => {
    const { emulator } = browserTestEnvironment();
    const zone = emulator.state.zones[0];
    const target = emulator.state.customHostnames[HOSTNAMES - 4_321].hostname;
    const typed = target.split('.')[0].replace('customer-', 'omer-') + '.';
    await workbench.setToken('demo-token');
    await workbench.widenSidebar(320);
    await workbench.treeRow(zone.name).waitFor({ timeout: 60_000 });
    await workbench.runCommand('Cloudflare Certificates: Find Custom Hostname…');
    const input = workbench.quickInput();
    await input.waitFor();
    emulator.log.clear();
    const typedAt = Date.now();
    await input.pressSequentially(typed, { delay: 40 });
    const typedAll = Date.now();
    const row = workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: target }).first();
    await row.waitFor({ timeout: 30_000 });
    const found = Date.now();
    await workbench.screenshot('find-custom-hostname-quick-pick');
    const searches = emulator.log.entries().filter((entry) => entry.query['hostname.contain'] !== undefined);
    assert.ok(searches.length >= 1, 'Cloudflare was asked');
    assert.equal(searches.at(-1)?.query['hostname.contain'], typed);
    assert.ok(searches.length < typed.length, `debounced: ${searches.length} searches for ${typed.length} keystrokes`);
    assert.match(await row.innerText(), /SSL active/);
    assert.match(await row.innerText(), /Soonest certificate expires in \d+ days/);
    await workbench.page.keyboard.press('Enter');
    const revealed = workbench.certificatesPane().locator('.monaco-list-row[aria-selected="true"]', { hasText: target });
    await revealed.waitFor({ timeout: 90_000 });
    assert.ok(await workbench.treeRow('Custom Hostnames').isVisible(), 'revealed under its group');
    console.log(
      `      ${target} among ${HOSTNAMES}: shown in the quick pick ${found - typedAll} ms after the last keystroke (${found - typedAt} ms after the first; ${typed.length} keys typed)`,
    );
    await workbench.screenshot('find-custom-hostname-revealed');
  });
});
