import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCertificate } from '../fixtures/certificateFactory';
import { ExpiryWindow } from '../harness/expiryWording';
import { browserTestEnvironment } from './support/environment';
import { workbenchWithToken } from './support/workbenchSession';

interface ApiZone {
  id: string;
  name: string;
}
interface ApiCertificate {
  serial_number: string;
  status: string;
}

/**
 * The editor as a person meets it: a PEM file with its lenses, squiggles and hover, then a right-click
 * upload that ends with the certificate active in the tree. The demo workspace holds the files.
 */
describe('PEM files in the browser', function () {
  const workbench = workbenchWithToken({
    afterToken: async (page) => {
      await page.widenSidebar(200);
    },
  });

  /** Opens a workspace file, right-clicks in it, chooses the upload and picks the zone, as a person would. */
  async function uploadFromEditorMenu(file: string, zone: string): Promise<void> {
    await workbench().openFile(file);
    await workbench().page.locator('.monaco-editor .view-lines').first().click({ button: 'right' });
    const item = workbench().page.locator('.context-view .action-label', { hasText: 'Upload Certificate from Editor…' }).first();
    // VS Code's menus act on mouse-up after a hover; hovering then pressing Enter is what works reliably.
    await item.hover();
    await workbench().page.keyboard.press('Enter');
    await workbench().quickInput().waitFor();
    await workbench().quickInput().fill(zone);
    await workbench().page.locator('.quick-input-list .monaco-list-row', { hasText: zone }).first().waitFor();
    await workbench().page.keyboard.press('Enter');
    // The confirmation names the file, the certificate and what it becomes before anything is sent.
    const dialog = workbench().page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match(
      await dialog.innerText(),
      new RegExp(
        `from ${file.replace(/\./g, '\\.')} to ${zone.replace(/\./g, '\\.')}\\?[\\s\\S]*Authenticated Origin Pulls client certificate`,
      ),
    );
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Upload$/ }).click();
  }

  it('shows the expiry and upload lenses and a warning for a certificate about to expire', async () => {
    const { folder } = browserTestEnvironment();
    const notAfter = new Date(new X509Certificate(fs.readFileSync(path.join(folder, 'expiring.example.com.pem'))).validTo);
    const wording = new ExpiryWindow();
    await workbench().openFile('expiring.example.com.pem');
    const lenses = workbench().page.locator('.monaco-editor .codelens-decoration');
    await lenses.first().waitFor({ timeout: 30_000 });
    const text = (await lenses.allInnerTexts()).join(' | ');
    assert.match(text, new RegExp(`Expires in ${wording.days(notAfter)} days`));
    assert.match(text, /Upload to Cloudflare…/);
    await workbench().page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor({ timeout: 15_000 });
    await workbench().screenshot('editor-lenses');
  });

  it('shows the certificate details when hovering the certificate', async () => {
    const line = workbench().page.locator('.monaco-editor .view-line', { hasText: 'BEGIN CERTIFICATE' }).first();
    // Over the text itself: the middle of the line element is past the end of the text.
    await line.hover({ position: { x: 60, y: 8 } });
    const hover = workbench().page.locator('.monaco-hover', { hasText: 'Subject' }).first();
    await hover.waitFor({ timeout: 15_000 });
    const text = await hover.innerText();
    for (const part of ['expiring.example.com', 'Issuer', 'Serial', 'Not after', 'SHA-256', 'Held by Cloudflare']) {
      assert.ok(text.includes(part), `hover lacks ${part}: ${text}`);
    }
    await workbench().screenshot('editor-hover');
    await workbench().page.keyboard.press('Escape');
  });

  it("uploads from the editor's context menu, finding the key beside it, and the tree shows it active", async () => {
    const { emulator } = browserTestEnvironment();
    await uploadFromEditorMenu('origin-pull.example.com.pem', 'example.org');
    await workbench()
      .notification(/Uploaded "origin-pull\.example\.com" to example\.org: active/)
      .waitFor({ timeout: 30_000 });
    const headers = { Authorization: 'Bearer demo-token' };
    const [zone] = ((await (await fetch(`${emulator.baseUrl}/zones?name=example.org`, { headers })).json()) as { result: ApiZone[] })
      .result;
    const certificates = (
      (await (await fetch(`${emulator.baseUrl}/zones/${zone.id}/origin_tls_client_auth/hostnames/certificates`, { headers })).json()) as {
        result: ApiCertificate[];
      }
    ).result;
    assert.ok(certificates.some((certificate) => certificate.status === 'active'));
    await workbench().openCertificatesView();
    const zoneRow = workbench().treeRow(/^example\.org/);
    if ((await zoneRow.getAttribute('aria-expanded')) !== 'true') {
      await zoneRow.click();
    }
    const group = workbench()
      .certificatesPane()
      .locator('.monaco-list-row[aria-level="2"]', { hasText: 'Client Certificates (AOP)' })
      .last();
    if ((await group.getAttribute('aria-expanded')) !== 'true') {
      await group.click();
    }
    await workbench().treeRow('origin-pull.example.com').waitFor({ timeout: 15_000 });
    await workbench().screenshot('editor-uploaded');
  });

  it('shows a certificate name that looks like a command link as plain text in the notification', async () => {
    const { folder } = browserTestEnvironment();
    const crafted = await createCertificate({ commonName: '[pwn](command:workbench.action.terminal.new)' });
    fs.writeFileSync(path.join(folder, 'crafted-name.pem'), `${crafted.certPem}${crafted.key.pkcs8Pem}`);
    await uploadFromEditorMenu('crafted-name.pem', 'example.org');
    const toast = workbench().notification(/Uploaded ".*pwn/);
    await toast.waitFor({ timeout: 30_000 });
    // VS Code renders [label](command:…) in a notification as a link that runs the command when clicked.
    assert.equal(await toast.locator('.notification-list-item-message a').count(), 0, await toast.innerHTML());
    assert.match(await toast.innerText(), /\[pwn\] \(command:workbench\.action\.terminal\.new\)/);
    await workbench().screenshot('notification-inert-link');
  });
});
