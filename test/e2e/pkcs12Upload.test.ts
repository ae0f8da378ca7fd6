import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createChain, generateKey } from '../fixtures/certificateFactory';
import { pkcs12Bundle } from '../fixtures/pkcs12Bundle';
import { workbenchWithToken } from './support/workbenchSession';

/**
 * A PKCS#12 bundle (made here, never committed) uploaded from the Explorer's context menu: the
 * packaged extension opens it with its passphrase (from its own lazily loaded bundle) and uploads it.
 */
describe('PKCS#12 bundle in the browser', function () {
  const workbench = workbenchWithToken({
    prepare: async (folder) => {
      const { leaf, intermediates } = await createChain({ commonName: 'bundle.example.org', key: await generateKey('ECDSA') });
      const bundle = pkcs12Bundle({
        certPem: leaf.certPem,
        keyPem: leaf.key.pkcs8Pem,
        chainPem: intermediates[0].certPem,
        passphrase: 'p12-pass',
      });
      fs.writeFileSync(path.join(folder, 'client-bundle.p12'), bundle);
    },
  });

  it('uploads a .p12 from the Explorer menu after asking its passphrase in a password box', async () => {
    await workbench().page.keyboard.press('Control+Shift+E');
    const row = workbench().page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'client-bundle.p12' }).first();
    await row.waitFor({ timeout: 30_000 });
    await workbench().contextMenu(row, 'Upload Certificate from File…');
    const box = workbench().quickInput();
    await box.waitFor();
    assert.equal(await box.getAttribute('type'), 'password');
    await box.fill('p12-pass');
    await workbench().screenshot('pkcs12-passphrase');
    await workbench().page.keyboard.press('Enter');
    await workbench().page.locator('.quick-input-list .monaco-list-row', { hasText: 'example.org' }).first().waitFor({ timeout: 15_000 });
    await box.fill('example.org');
    await workbench().page.keyboard.press('Enter');
    const said = await workbench().dialogButton(/^Upload$/);
    assert.match(said, /Upload "bundle\.example\.org" from client-bundle\.p12 to example\.org\?/);
    await workbench()
      .notification(/Uploaded "bundle\.example\.org" to example\.org: active/)
      .waitFor({ timeout: 30_000 });
    await workbench().screenshot('pkcs12-uploaded');
  });
});
