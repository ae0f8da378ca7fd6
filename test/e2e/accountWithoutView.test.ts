import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { browserTestEnvironment } from './support/environment';
import { workbenchWithToken } from './support/workbenchSession';

interface ApiZone {
  id: string;
  name: string;
}
interface ApiCertificate {
  id: string;
  certificate?: string;
  status: string;
  expires_on?: string;
}

/** GET through the emulator as any client would. */
async function get<T>(pathAndQuery: string): Promise<T> {
  const { emulator } = browserTestEnvironment();
  const response = await fetch(`${emulator.baseUrl}${pathAndQuery}`, { headers: { Authorization: 'Bearer demo-token' } });
  return ((await response.json()) as { result: T }).result;
}

/**
 * The account is known with the side bar closed: set the token, close the side bar, reload, and the
 * status bar warns and a hover says "Held by Cloudflare" without the Certificates view ever shown.
 */
describe('The account without the view', function () {
  const workbench = workbenchWithToken();

  it('warns in the status bar and says "Held by Cloudflare" in a hover after a reload with the side bar closed', async () => {
    // A certificate Cloudflare holds, written into the workspace as a person keeps one in a repository.
    const [zone] = await get<ApiZone[]>('/zones?name=example.com');
    const held = (await get<ApiCertificate[]>(`/zones/${zone.id}/origin_tls_client_auth/hostnames/certificates`)).find(
      (certificate) => certificate.certificate && certificate.status === 'active',
    );
    assert.ok(held?.certificate, 'the demo seed holds an active client certificate with its PEM');
    const { folder } = browserTestEnvironment();
    fs.writeFileSync(path.join(folder, 'held-by-cloudflare.pem'), held.certificate);

    // Leave the Explorer as the side bar's last view, then close it: the reloaded window must not
    // bring the Certificates view back by itself.
    await workbench().runCommand('View: Show Explorer');
    await workbench().runCommand('View: Close Primary Side Bar');
    await workbench().sidebar().waitFor({ state: 'hidden' });
    await workbench().reload();
    const certificatesView = workbench()
      .sidebar()
      .locator('.composite.title', { hasText: /Cloudflare Certificates/i });
    assert.equal(await certificatesView.isVisible(), false, 'the Certificates view is not shown after the reload');

    const status = workbench()
      .page.locator('.part.statusbar .statusbar-item', { hasText: /expire/ })
      .first();
    await status.waitFor({ timeout: 60_000 });
    assert.match(await status.innerText(), /\d+ expired · \d+ expire within 30 days/);

    await workbench().openFile('held-by-cloudflare.pem');
    const lenses = workbench().page.locator('.monaco-editor .codelens-decoration');
    await lenses.filter({ hasText: 'Held by Cloudflare' }).first().waitFor({ timeout: 30_000 });
    assert.match((await lenses.allInnerTexts()).join(' | '), /Held by Cloudflare \(example\.com\)/);
    assert.doesNotMatch((await lenses.allInnerTexts()).join(' | '), /Upload to Cloudflare/);

    const line = workbench().page.locator('.monaco-editor .view-line', { hasText: 'BEGIN CERTIFICATE' }).first();
    await line.hover({ position: { x: 60, y: 8 } });
    const hover = workbench().page.locator('.monaco-hover', { hasText: 'Held by Cloudflare' }).first();
    await hover.waitFor({ timeout: 15_000 });
    const text = await hover.innerText();
    assert.match(text, /Held by Cloudflare: yes: client certificate in example\.com/);
    // Right after the expiry, before the subject: a hover cut off at its height still shows it.
    assert.ok(text.indexOf('Held by Cloudflare') < text.indexOf('Subject'), text);
    assert.equal(await certificatesView.isVisible(), false, 'the view was never shown');
    await workbench().screenshot('account-without-view-hover');
    await workbench().page.keyboard.press('Escape');
  });
});
