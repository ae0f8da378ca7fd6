import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCertificate, days } from '../fixtures/certificateFactory';
import { ExpiryWindow } from '../harness/expiryWording';
import { browserTestEnvironment } from './support/environment';
import { KeyboardUser } from './support/keyboardUser';
import { WorkbenchPage } from './support/workbenchPage';

const NAME = 'keyboard-e2e.example.org';

/**
 * The whole path a keyboard user takes, with no mouse click anywhere: the token, a certificate's
 * details from the tree, an upload and a rotation, all through F1, arrow keys, Enter and Tab. What a
 * screen reader says for each row is read from its accessible name.
 */
describe('Keyboard alone in the browser', function () {
  let workbench: WorkbenchPage;
  let keys: KeyboardUser;

  before(async () => {
    const environment = browserTestEnvironment();
    workbench = await WorkbenchPage.open(environment.workbenchUrl, environment.folder);
    keys = new KeyboardUser(workbench.page);
    // Our commands are in the palette once the workbench knows the extension, as its entry shows.
    await workbench.activityBarEntry().waitFor({ timeout: 60_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await workbench.screenshot(`failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
    }
  });

  after(async () => {
    await workbench?.close();
  });

  it('sets the token from the command palette', async () => {
    await keys.command('Cloudflare Certificates: Set API Token');
    await keys.typeIntoInput('demo-token');
    await workbench.notification(/verified and saved/).waitFor({ timeout: 30_000 });
  });

  it('walks the tree with arrow keys, hears status and expiry in words, and opens a certificate with Enter', async () => {
    const { emulator } = browserTestEnvironment();
    const zoneId = emulator.state.zones.find((zone) => zone.name === 'example.org')!.id;
    const origin = emulator.state.aopCertificatesOf(zoneId).find((record) => record.certificate.hosts.includes('origin.example.org'))!;
    const wording = new ExpiryWindow();
    await keys.focusCertificatesView();
    // The Focus command opened the view with nothing chosen yet: its first row has the focus, and the
    // screen reader's name for it, before any key is pressed.
    const first = await keys.focusedCertificateRow();
    assert.equal(first.index, 0, `focused: ${first.name}`);
    assert.match(first.name, /^[^,]+, (zone|account), /);
    assert.ok(first.announced, 'the list names the focused row as its active descendant');
    await workbench.screenshot('keyboard-first-row-focused');
    assert.match(await keys.arrowTo(/^example\.org, zone/), /^example\.org, zone, active/);
    await keys.press('ArrowRight');
    await keys.arrowTo(/^Client Certificates \(AOP\)/);
    await keys.press('ArrowRight');
    const spoken = await keys.arrowTo(/^origin\.example\.org, client certificate/);
    assert.match(spoken, new RegExp(`^origin\\.example\\.org, client certificate, active, ${wording.phrase(origin.certificate.notAfter)}`));
    // Every certificate row of the zone says its status and its expiry in words, not by colour alone.
    const rows = await workbench
      .sidebar()
      .locator('.monaco-list-row[aria-label*=", client certificate, "]')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
    assert.ok(rows.length >= 3, `client certificate rows: ${rows.join(' | ')}`);
    for (const row of rows) {
      assert.match(
        row,
        /, client certificate, (active|pending deployment|pending deletion|deleted|deletion timed out)\b.*, (expires|expired) (today|tomorrow|yesterday|in \d+ days|\d+ days ago)/,
      );
    }
    await keys.press('Enter');
    const details = workbench.page.locator('.monaco-editor .view-lines', { hasText: 'Serial number' }).first();
    await details.waitFor({ timeout: 30_000 });
    assert.match(await workbench.page.locator('.tabs-container .tab.active').innerText(), /origin\.example\.org/);
  });

  it('leaves the row the person opened focused when the side bar is hidden and shown again', async () => {
    // The certificate opened with Enter has the editor's keyboard now; the view opens again by keyboard.
    await keys.command('View: Toggle Primary Side Bar Visibility');
    await workbench.sidebar().waitFor({ state: 'hidden', timeout: 10_000 });
    await keys.command('View: Toggle Primary Side Bar Visibility');
    await keys.focusCertificatesView();
    const row = await keys.focusedCertificateRow();
    assert.match(row.name, /^origin\.example\.org, client certificate/);
    assert.ok(row.announced, 'the list names the focused row as its active descendant');
  });

  it('uploads the PEM in the editor through the palette, a zone quick pick and Enter on the modal', async () => {
    const { emulator, folder } = browserTestEnvironment();
    const zoneId = emulator.state.zones.find((zone) => zone.name === 'example.org')!.id;
    const first = await createCertificate({ commonName: NAME, sans: [NAME], notAfter: days(6) });
    fs.writeFileSync(path.join(folder, 'keyboard-e2e.pem'), `${first.certPem}${first.key.pkcs8Pem}`);
    await keys.openFile('keyboard-e2e.pem');
    await keys.command('Cloudflare Certificates: Upload Certificate from Editor…');
    await keys.pick('example.org', /^example\.org/);
    const said = await keys.answerModal(/^Upload$/);
    assert.match(said, new RegExp(`Upload "${NAME.replace(/\./g, '\\.')}" from keyboard-e2e\\.pem to example\\.org\\?`));
    await workbench.notification(new RegExp(`Uploaded "${NAME.replace(/\./g, '\\.')}" to example\\.org`)).waitFor({ timeout: 30_000 });
    assert.ok(
      emulator.state.aopCertificatesOf(zoneId).some((record) => record.certificate.serialNumber === first.serialNumber),
      'uploaded to example.org',
    );
  });

  it('rotates it from the palette: a certificate quick pick, the source quick pick, and Enter on each modal', async () => {
    const { emulator, folder } = browserTestEnvironment();
    const zoneId = emulator.state.zones.find((zone) => zone.name === 'example.org')!.id;
    const renewed = await createCertificate({ commonName: NAME, sans: [NAME], notAfter: days(400) });
    fs.writeFileSync(path.join(folder, 'keyboard-e2e-renewed.pem'), `${renewed.certPem}${renewed.key.pkcs8Pem}`);
    const wording = new ExpiryWindow();
    await keys.openFile('keyboard-e2e-renewed.pem');
    await keys.command('Cloudflare Certificates: Rotate Certificate…');
    // The tree's selection is the certificate opened before: the palette asks rather than act on it.
    await keys.pick(NAME, new RegExp(`^${NAME.replace(/\./g, '\\.')}`));
    await keys.pick('From the editor', /From the editor: keyboard-e2e-renewed\.pem/);
    const plan = await keys.answerModal(/^Rotate$/);
    assert.match(plan, new RegExp(`Rotate "${NAME.replace(/\./g, '\\.')}" in example\\.org`));
    await keys.answerModal('Delete Old Certificate');
    await workbench.notification(/Rotation finished/).waitFor({ timeout: 60_000 });
    const onCloudflare = emulator.state.aopCertificatesOf(zoneId).filter((record) => record.certificate.hosts.includes(NAME));
    assert.deepEqual(
      onCloudflare.map((record) => record.certificate.serialNumber),
      [renewed.serialNumber],
      'only the renewed certificate is left',
    );
    await keys.focusCertificatesView();
    const spoken = await keys.arrowTo(new RegExp(`^${NAME.replace(/\./g, '\\.')}, client certificate`));
    assert.match(spoken, new RegExp(`, client certificate, (active|pending deployment), ${wording.phrase(renewed.notAfter, 30_000)}$`));
    await workbench.screenshot('keyboard-rotation-finished');
  });

  it('says a refusal in one short sentence, and the rest in a modal opened from the toast by keyboard', async () => {
    // The renewed certificate is on Cloudflare now: uploading it again is refused before anything is sent.
    await keys.command('Cloudflare Certificates: Upload Certificate from Editor…');
    await keys.pick('example.org', /^example\.org/);
    const toast = workbench.notification(/already holds/);
    await toast.waitFor({ timeout: 30_000 });
    assert.match(
      await toast.locator('.notification-list-item-message').innerText(),
      /^example\.org already holds "keyboard-e2e\.example\.org" \(serial [0-9a-f]+, status active\)\.$/,
    );
    await keys.command('Notifications: Accept Notification Primary Action');
    const dialog = workbench.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 10_000 });
    assert.match(await dialog.innerText(), /already holds "keyboard-e2e\.example\.org"[\s\S]*Nothing was uploaded\./);
    await workbench.screenshot('keyboard-refusal-details');
    await keys.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('copies the ID of the certificate it uploaded from the palette: Copy ID, a certificate quick pick and Enter', async () => {
    const { emulator } = browserTestEnvironment();
    const zoneId = emulator.state.zones.find((zone) => zone.name === 'example.org')!.id;
    const [own] = emulator.state.aopCertificatesOf(zoneId).filter((record) => record.certificate.hosts.includes(NAME));
    await keys.command('Cloudflare Certificates: Copy ID');
    await keys.pick(NAME, new RegExp(`^${NAME.replace(/\./g, '\\.')}`));
    await workbench.page.locator('.part.statusbar', { hasText: `Copied ID ${own.id}` }).waitFor({ timeout: 15_000 });
    // The page's own clipboard (the context is allowed to read it); the test's tsconfig has no DOM types.
    const clipboard = await workbench.page.evaluate('navigator.clipboard.readText()');
    assert.equal(clipboard, own.id);
  });

  it('deletes the certificate it uploaded from the palette: Delete Certificate…, the quick pick and Enter on the modal', async () => {
    const { emulator } = browserTestEnvironment();
    const zoneId = emulator.state.zones.find((zone) => zone.name === 'example.org')!.id;
    await keys.command('Cloudflare Certificates: Delete Certificate…');
    await keys.pick(NAME, new RegExp(`^${NAME.replace(/\./g, '\\.')}`));
    const said = await keys.answerModal(/^Delete$/);
    assert.match(said, new RegExp(`Delete the client certificate "${NAME.replace(/\./g, '\\.')}" from example\\.org\\?`));
    await workbench.notification(new RegExp(`Deleted "${NAME.replace(/\./g, '\\.')}" from example\\.org`)).waitFor({ timeout: 60_000 });
    assert.deepEqual(
      emulator.state.aopCertificatesOf(zoneId).filter((record) => record.certificate.hosts.includes(NAME)),
      [],
      'the certificate the test uploaded is gone from Cloudflare',
    );
    await workbench.screenshot('keyboard-palette-delete');
  });
});
