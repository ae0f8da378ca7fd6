import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createCertificate, days } from '../fixtures/certificateFactory';
import { kubernetesTlsSecret } from '../fixtures/kubernetesSecret';
import { browserTestEnvironment } from './support/environment';
import { WorkbenchPage } from './support/workbenchPage';

const ZONE = 'workspace-view.example';

/**
 * The Workspace Certificates view beside the Certificates view, in the same container, over a
 * generated repository: a certificate Cloudflare holds, a newer version of another one, the
 * replacement of one about to expire in a base64 Kubernetes Secret, and an unrelated one in JSON.
 */
describe('Workspace Certificates view in the browser', function () {
  let workbench: WorkbenchPage;
  let repository: string;

  before(async () => {
    const { emulator, workbenchUrl } = browserTestEnvironment();
    const zoneId = emulator.state.addZone(ZONE).id;
    const api = `api.${ZONE}`;
    const shop = `shop.${ZONE}`;
    const held = await createCertificate({ commonName: api, sans: [api], notAfter: days(200) });
    const expiring = await createCertificate({ commonName: shop, sans: [shop], notAfter: days(12) });
    for (const certificate of [held, expiring]) {
      emulator.state.uploadAopCertificate(zoneId, certificate.certPem, certificate.key.pkcs8Pem, { fixedStatus: 'active' });
    }
    const newer = await createCertificate({ commonName: api, sans: [api], notAfter: days(500) });
    const replacement = await createCertificate({ commonName: shop, sans: [shop], notAfter: days(400) });
    const unrelated = await createCertificate({ commonName: 'partner.example.net', notAfter: days(90) });

    // A repository of its own, so the view lists only what this test wrote.
    repository = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-e2e-repository-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(repository, file)), { recursive: true });
      fs.writeFileSync(path.join(repository, file), text);
    };
    write('tls/api-current.pem', held.certPem);
    write('tls/api-next.pem', `${newer.certPem}${newer.key.pkcs8Pem}`);
    write('k8s/shop-tls.yaml', kubernetesTlsSecret({ name: 'shop-tls', certPem: replacement.certPem, keyPem: replacement.key.pkcs8Pem }));
    write('config/partner.json', JSON.stringify({ certificate: unrelated.certPem }, undefined, 2));

    workbench = await WorkbenchPage.open(workbenchUrl, repository);
    await workbench.setToken('demo-token');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await workbench.screenshot(`failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
    }
  });

  after(async () => {
    await workbench?.close();
    fs.rmSync(repository, { recursive: true, force: true });
  });

  it('shows each certificate of the repository with how it stands to Cloudflare, beside the Certificates view', async () => {
    await workbench.collapseAll();
    await workbench.openBothViews();
    await workbench.widenSidebar(520);
    await workbench.expand(workbench.treeRow(ZONE));
    const group = workbench
      .certificatesPane()
      .locator('.monaco-list-row[aria-level="2"]', { hasText: 'Client Certificates (AOP)' })
      .first();
    await workbench.expand(group);
    await workbench.treeRow(`shop.${ZONE}`).waitFor({ timeout: 30_000 });

    const description = async (file: string, commonName: string, words: RegExp): Promise<string> => {
      await workbench.workspaceRow(file).waitFor({ timeout: 60_000 });
      // The file's row, then the certificate row right under it (rows are siblings in the list).
      const row = workbench
        .workspacePane()
        .locator('.monaco-list-row[aria-level="2"]', { hasText: commonName })
        .filter({ has: workbench.page.locator('.label-description', { hasText: words }) })
        .first();
      await row.waitFor({ timeout: 60_000 });
      return row.locator('.label-description').innerText();
    };
    assert.match(
      await description('api-current.pem', `api.${ZONE}`, /held by Cloudflare/),
      /expires in 200 days · held by Cloudflare: workspace-view\.example › client certificate/,
    );
    assert.match(
      await description('api-next.pem', `api.${ZONE}`, /newer/),
      /expires in 500 days · newer than Cloudflare's copy in workspace-view\.example/,
    );
    assert.match(
      await description('shop-tls.yaml', `shop.${ZONE}`, /replacement/),
      /expires in 400 days · Cloudflare's copy expires in 12 days; this file has its replacement/,
    );
    assert.match(await description('partner.json', 'partner.example.net', /Cloudflare/), /expires in 90 days · not on Cloudflare/);

    // The newer one offers the rotation inline, where a person's pointer is.
    const newerRow = workbench
      .workspacePane()
      .locator('.monaco-list-row[aria-level="2"]', { has: workbench.page.locator('.label-description', { hasText: /500 days/ }) })
      .first();
    await newerRow.hover();
    await newerRow.locator('.actions .action-label[aria-label^="Rotate on Cloudflare"]').waitFor({ timeout: 10_000 });
    const heldRow = workbench
      .workspacePane()
      .locator('.monaco-list-row[aria-level="2"]', { has: workbench.page.locator('.label-description', { hasText: /200 days/ }) })
      .first();
    await heldRow.hover();
    assert.equal(await heldRow.locator('.actions .action-label[aria-label^="Rotate on Cloudflare"]').count(), 0);

    await workbench.page.mouse.move(0, 0);
    await workbench.screenshot('workspace-certificates-beside-certificates');
  });
});
