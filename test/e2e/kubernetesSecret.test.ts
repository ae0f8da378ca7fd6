import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCertificate, days, generateKey } from '../fixtures/certificateFactory';
import { kubernetesTlsSecret } from '../fixtures/kubernetesSecret';
import { browserTestEnvironment } from './support/environment';
import { workbenchWithToken } from './support/workbenchSession';

interface ApiZone {
  id: string;
}
interface ApiCertificate {
  serial_number: string;
  status: string;
}

/**
 * A `kubernetes.io/tls` Secret, as `kubectl create secret tls -o yaml` writes it (certificate and key
 * base64-encoded on one line each), seen the way a person sees it: the lenses and the hover on the
 * encoded value, then an upload from the lens that Cloudflare ends up holding.
 */
describe('Kubernetes TLS Secret in the browser', function () {
  let serialNumber: string;
  const workbench = workbenchWithToken({
    prepare: async (folder) => {
      const leaf = await createCertificate({ commonName: 'ingress.example.org', notAfter: days(60), key: await generateKey('ECDSA') });
      serialNumber = leaf.serialNumber;
      fs.writeFileSync(
        path.join(folder, 'ingress-tls.yaml'),
        kubernetesTlsSecret({ name: 'ingress-tls', certPem: leaf.certPem, keyPem: leaf.key.pkcs8Pem }),
      );
    },
  });

  it('shows the lenses and, hovering the base64 of tls.crt, the decoded certificate', async () => {
    await workbench().openFile('ingress-tls.yaml');
    const lenses = workbench().page.locator('.monaco-editor .codelens-decoration');
    await lenses.first().waitFor({ timeout: 30_000 });
    const titles = (await lenses.allInnerTexts()).join(' | ');
    assert.match(titles, /Expires in 60 days/);
    assert.match(titles, /Upload to Cloudflare…/);
    const line = workbench().page.locator('.monaco-editor .view-line', { hasText: 'tls.crt:' }).first();
    // Over the encoded value, past "  tls.crt: ".
    await line.hover({ position: { x: 220, y: 8 } });
    const hover = workbench().page.locator('.monaco-hover', { hasText: 'Subject' }).first();
    await hover.waitFor({ timeout: 15_000 });
    const text = await hover.innerText();
    for (const part of ['ingress.example.org', 'Issuer', 'Serial', 'Not after', 'SHA-256', 'Held by Cloudflare']) {
      assert.ok(text.includes(part), `hover lacks ${part}: ${text}`);
    }
    await workbench().screenshot('kubernetes-secret-hover');
    await workbench().page.keyboard.press('Escape');
  });

  it('uploads from the lens: tls.crt with the key of tls.key, and Cloudflare holds it active', async () => {
    const { emulator } = browserTestEnvironment();
    await workbench().page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Upload to Cloudflare…' }).first().click();
    await workbench().quickInput().waitFor();
    await workbench().quickInput().fill('example.org');
    await workbench().page.locator('.quick-input-list .monaco-list-row', { hasText: 'example.org' }).first().waitFor();
    await workbench().page.keyboard.press('Enter');
    const dialog = workbench().page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match(
      await dialog.innerText(),
      /Upload "ingress\.example\.org" from ingress-tls\.yaml to example\.org\?[\s\S]*Private key: in ingress-tls\.yaml/,
    );
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Upload$/ }).click();
    await workbench()
      .notification(/Uploaded "ingress\.example\.org" to example\.org: active/)
      .waitFor({ timeout: 30_000 });
    const headers = { Authorization: 'Bearer demo-token' };
    const [zone] = ((await (await fetch(`${emulator.baseUrl}/zones?name=example.org`, { headers })).json()) as { result: ApiZone[] })
      .result;
    const held = (
      (await (await fetch(`${emulator.baseUrl}/zones/${zone.id}/origin_tls_client_auth/hostnames/certificates`, { headers })).json()) as {
        result: ApiCertificate[];
      }
    ).result;
    assert.equal(held.find((certificate) => certificate.serial_number.replace(/:/g, '').toLowerCase() === serialNumber)?.status, 'active');
    await workbench().screenshot('kubernetes-secret-uploaded');
  });
});
