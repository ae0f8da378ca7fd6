import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CustomHostnameRecord } from '../emulator/emulatorState';
import { createCertificate, days } from '../fixtures/certificateFactory';
import { browserTestEnvironment } from './support/environment';
import { ExpiryWindow } from '../harness/expiryWording';
import { until } from './support/until';
import { WorkbenchPage } from './support/workbenchPage';

const HOSTNAMES = [
  'a.rotate-e2e.example.org',
  'b.rotate-e2e.example.org',
  'c.rotate-e2e.example.org',
  'd.rotate-e2e.example.org',
  'e.rotate-e2e.example.org',
];

/**
 * What a person does with an expiring certificate, in the real workbench: a refused token corrected
 * in its box, custom hostnames that show their certificates' expiry, and a rotation from the context
 * menu that survives a reload of the window halfway and is finished from the tree.
 */
describe('Certificate lifecycle in the browser', function () {
  let workbench: WorkbenchPage;

  before(async () => {
    const environment = browserTestEnvironment();
    workbench = await WorkbenchPage.open(environment.workbenchUrl, environment.folder);
    await workbench.openCertificatesView();
    await workbench.widenSidebar(320);
  });

  after(async () => {
    await workbench?.close();
  });

  it('keeps the token box open with the error in it when Cloudflare rejects the token, and takes the corrected one', async () => {
    await workbench.welcomeButton('Set API Token').click();
    const input = workbench.quickInput();
    await input.waitFor();
    await input.fill('not-a-real-token-0123456789');
    await workbench.page.keyboard.press('Enter');
    const message = workbench.page.locator('.quick-input-widget .quick-input-message', { hasText: /rejected the API token/ });
    await message.waitFor({ timeout: 30_000 });
    assert.ok(await input.isVisible(), 'the box stays open');
    await workbench.screenshot('token-box-error');
    await input.fill('demo-token');
    await workbench.page.keyboard.press('Enter');
    await workbench.notification(/verified and saved/).waitFor({ timeout: 30_000 });
  });

  it('makes "Don\'t Upload" the default answer for an expired certificate: Enter sends nothing', async () => {
    const { emulator, folder } = browserTestEnvironment();
    const expired = await createCertificate({ commonName: 'expired-e2e.example.org', notBefore: days(-40), notAfter: days(-3) });
    fs.writeFileSync(path.join(folder, 'expired-e2e.pem'), `${expired.certPem}${expired.key.pkcs8Pem}`);
    await workbench.openFile('expired-e2e.pem');
    emulator.log.clear();
    await workbench.runCommand('Cloudflare Certificates: Upload Certificate from Editor…');
    const dialog = workbench.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match(await dialog.innerText(), /expired on/);
    // The default button is the one that has the focus when the dialog opens: Enter presses it.
    await dialog.locator('.dialog-buttons .monaco-button:focus').waitFor({ timeout: 5_000 });
    const focused = await dialog.locator('.dialog-buttons .monaco-button:focus').innerText();
    const buttons = await dialog.locator('.dialog-buttons .monaco-button').allInnerTexts();
    await workbench.screenshot('expired-default-button');
    assert.match(focused, /Don't Upload/, `the safe choice is the default button (buttons: ${buttons.join(' | ')})`);
    await workbench.page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    // The upload has acted on the answer once the extension host handles a later command: the answer
    // and the command reach it in order over one channel, and acting on the answer awaits nothing
    // else. So a command that shows something is the barrier; Show Expiring needs no request and
    // leaves the tree as it is.
    await workbench.runCommand('Cloudflare Certificates: Show Expiring Certificates');
    await workbench.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Certificates that expire soon' }).waitFor();
    await workbench.page.keyboard.press('Escape');
    assert.deepEqual(emulator.log.writes(), [], 'nothing sent');
    await workbench.openCertificatesView();
  });

  it("shows each custom hostname's soonest certificate expiry, and packs by what they hold", async () => {
    const { emulator } = browserTestEnvironment();
    const saas = emulator.state.zones.find((zone) => zone.name === 'saas-platform.net')!;
    // Packs of two certificates that expire on different days: one whose soonest is its first, one whose soonest is its last.
    const expiries = (record: CustomHostnameRecord) => record.certificates.map((entry) => entry.certificate.notAfter.getTime());
    const pairs = emulator.state.customHostnamesOf(saas.id).filter((record) => record.certificates.length === 2);
    const soonestFirst = pairs.find((record) => expiries(record)[0] < expiries(record)[1]);
    const soonestLast = pairs.find((record) => expiries(record)[1] < expiries(record)[0]);
    assert.ok(soonestFirst && soonestLast, 'the demo seed should have packs of two whose soonest certificate is the first, and the last');
    const wording = new ExpiryWindow();
    await workbench.expand(workbench.treeRow('saas-platform.net'));
    await workbench.expand(workbench.treeRow(/^Custom Hostnames/));
    for (const record of [soonestFirst, soonestLast]) {
      const soonest = new Date(Math.min(...expiries(record)));
      const row = workbench.treeRow(record.hostname);
      await row.waitFor({ timeout: 30_000 });
      assert.match(
        await row.locator('.label-description').innerText(),
        new RegExp(`^${wording.phrase(soonest)} · SSL `),
        `${record.hostname} leads with its soonest certificate's expiry, ${soonest.toISOString().slice(0, 10)}`,
      );
    }
    const expiring = workbench
      .certificatesPane()
      .locator('.monaco-list-row', { has: workbench.page.locator('.label-description', { hasText: /expire.* · SSL / }) })
      .first();
    await expiring.waitFor({ timeout: 30_000 });
    await workbench.expand(expiring);
    const pack = workbench.treeRow(/^Certificate pack · (RSA|ECDSA)( \+ (RSA|ECDSA))?/);
    await pack.waitFor({ timeout: 15_000 });
    assert.doesNotMatch(await pack.locator('.label-name').innerText(), /[0-9a-f]{8}-[0-9a-f]{4}/, 'no bare UUID in the label');
    await workbench.screenshot('hostname-rows');
    await workbench
      .treeRow(/^Custom Hostnames/)
      .locator('.label-name')
      .click();
    await workbench.treeRow('saas-platform.net').locator('.label-name').click();
  });

  it('rotates a certificate used by five hostnames from its context menu, survives a reload halfway, and finishes', async () => {
    const { emulator, folder } = browserTestEnvironment();
    const zoneId = emulator.state.zones.find((zone) => zone.name === 'example.org')!.id;
    const old = await createCertificate({ commonName: 'rotate-e2e.example.org', sans: ['rotate-e2e.example.org'], notAfter: days(4) });
    const oldId = emulator.state.uploadAopCertificate(zoneId, old.certPem, old.key.pkcs8Pem, { fixedStatus: 'active' }).id;
    emulator.state.updateAssociations(
      zoneId,
      HOSTNAMES.map((hostname) => ({ hostname, cert_id: oldId, enabled: true })),
      { immediate: true },
    );
    const replacement = await createCertificate({
      commonName: 'rotate-e2e.example.org',
      sans: ['rotate-e2e.example.org'],
      notAfter: days(395),
    });
    fs.writeFileSync(path.join(folder, 'rotate-e2e.example.org.pem'), `${replacement.certPem}${replacement.key.pkcs8Pem}`);
    const wording = new ExpiryWindow();
    await workbench.runCommand('Cloudflare Certificates: Refresh');
    await workbench.openFile('rotate-e2e.example.org.pem');
    await workbench.collapseAll();
    await workbench.expand(workbench.treeRow('example.org'));
    await workbench.expand(workbench.treeRow('Client Certificates (AOP)'));
    const oldRow = workbench.treeRow(new RegExp(`^rotate-e2e\\.example\\.org.*expires in ${wording.days(old.notAfter, 30_000)} days`));
    await oldRow.waitFor({ timeout: 30_000 });

    await workbench.contextMenu(oldRow, 'Rotate Certificate…');
    await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'From the editor' }).first().waitFor();
    await workbench.page.keyboard.press('Enter');
    const plan = await workbench.dialogButton(/^Rotate$/);
    assert.match(plan, /Move 5 hostnames to it; each keeps the old certificate until the new one serves it/);
    // Close the window halfway: once the hostnames' move is sent, before Cloudflare has deployed it.
    await until("the hostnames' move", () =>
      emulator.log.entries().some((entry) => entry.method === 'PUT' && entry.path.endsWith('/hostnames')),
    );
    await workbench.reload();
    await workbench.collapseAll();
    await workbench.expand(workbench.treeRow('example.org'));
    await workbench.expand(workbench.treeRow('Client Certificates (AOP)'));
    const incomplete = workbench.treeRow(/rotation incomplete/);
    await incomplete.waitFor({ timeout: 30_000 });
    assert.match(
      await incomplete.innerText(),
      /rotate-e2e\.example\.org[\s\S]*rotation incomplete: (replaced by rotate-e2e\.example\.org|\d of 5 hostnames on rotate-e2e\.example\.org)/,
    );
    // The reloaded window reopens the replacement's file, key and all: close it before the picture.
    await workbench.runCommand('View: Close All Editors');
    await workbench.screenshot('rotation-incomplete');

    await workbench.contextMenu(incomplete, 'Finish Rotation');
    const question = await workbench.dialogButton('Delete Old Certificate');
    assert.match(question, /no hostname uses "rotate-e2e\.example\.org" any more/);
    await workbench.notification(/Rotation finished/).waitFor({ timeout: 60_000 });
    await workbench
      .certificatesPane()
      .locator('.monaco-list-row', {
        hasText: new RegExp(`rotate-e2e\\.example\\.org.*expires in ${wording.days(replacement.notAfter, 60_000)} days`),
      })
      .first()
      .waitFor({ timeout: 30_000 });
    await workbench.screenshot('rotation-finished');
    for (const hostname of HOSTNAMES) {
      assert.equal(emulator.state.servingCertificate(zoneId, hostname)?.certId === oldId, false, `${hostname} moved`);
      assert.deepEqual(emulator.state.serviceGaps(zoneId, hostname), [], `${hostname} was served throughout`);
    }
    const copies = emulator.state
      .aopCertificatesOf(zoneId)
      .filter((record) => record.certificate.serialNumber === replacement.serialNumber);
    assert.equal(copies.length, 1, 'one copy of the replacement');
  });

  it('offers Finish Rotation, and not Undo, on a certificate whose renewal is uploaded but serves no hostname, and moves them after asking', async () => {
    const { emulator } = browserTestEnvironment();
    const zoneId = emulator.state.zones.find((zone) => zone.name === 'staging.example.net')!.id;
    const names = ['a.renew-e2e.example.net', 'b.renew-e2e.example.net'];
    const old = await createCertificate({ commonName: 'renew-e2e.example.net', sans: ['renew-e2e.example.net'], notAfter: days(3) });
    const oldId = emulator.state.uploadAopCertificate(zoneId, old.certPem, old.key.pkcs8Pem, { fixedStatus: 'active' }).id;
    emulator.state.updateAssociations(
      zoneId,
      names.map((hostname) => ({ hostname, cert_id: oldId, enabled: true })),
      { immediate: true },
    );
    const renewal = await createCertificate({ commonName: 'renew-e2e.example.net', sans: ['renew-e2e.example.net'], notAfter: days(365) });
    const newId = emulator.state.uploadAopCertificate(zoneId, renewal.certPem, renewal.key.pkcs8Pem, { fixedStatus: 'active' }).id;
    await workbench.runCommand('Cloudflare Certificates: Refresh');
    await workbench.collapseAll();
    await workbench.expand(workbench.treeRow('staging.example.net'));
    await workbench.expand(workbench.treeRow('Client Certificates (AOP)'));
    const ready = workbench.treeRow(/renew-e2e\.example\.net.*replacement uploaded: 0 of 2 hostnames on renew-e2e\.example\.net/);
    await ready.waitFor({ timeout: 30_000 });
    // The zone row's counts follow the Refresh a moment later: wait, so the picture is of the settled view.
    await workbench
      .certificatesPane()
      .locator('.monaco-list-row', { hasText: /staging\.example\.net\s*2 client certs · 0 custom hostnames · AOP on/ })
      .first()
      .waitFor({ timeout: 10_000 });
    await workbench.screenshot('replacement-uploaded');

    await ready.click({ button: 'right' });
    await workbench.page.locator('.context-view .action-label', { hasText: 'Finish Rotation' }).first().waitFor({ timeout: 5_000 });
    assert.equal(
      await workbench.page.locator('.context-view .action-label', { hasText: 'Undo Rotation' }).count(),
      0,
      'nothing moved, so nothing to undo',
    );
    await workbench.page.keyboard.press('Escape');
    emulator.log.clear();
    await workbench.contextMenu(ready, 'Finish Rotation');
    const plan = await workbench.dialogButton('Move Hostnames');
    assert.match(plan, /Move 2 hostnames from "renew-e2e\.example\.net" to its replacement \(expires \d{4}-\d\d-\d\d\)\?/);
    await workbench.dialogButton('Delete Old Certificate');
    // Named, since the rotation before left its own "Rotation finished" on screen.
    await workbench.notification(/Rotation finished.*"renew-e2e\.example\.net" is deleted/).waitFor({ timeout: 60_000 });
    for (const hostname of names) {
      assert.equal(emulator.state.servingCertificate(zoneId, hostname)?.certId, newId, `${hostname} moved`);
      assert.deepEqual(emulator.state.serviceGaps(zoneId, hostname), [], `${hostname} was served throughout`);
    }
    assert.deepEqual(
      emulator.log.writes().map((entry) => entry.method),
      ['PUT', 'DELETE'],
      'nothing uploaded',
    );
  });
});
