import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { createCertificate } from '../fixtures/certificateFactory';
import { browserTestEnvironment } from './support/environment';
import { WorkbenchPage } from './support/workbenchPage';

interface ApiZone {
  id: string;
  name: string;
}
interface ApiCertificate {
  id: string;
  expires_on: string;
  certificate: string;
}

/** The demo data as any API client sees it, to know what the tree must show. */
async function api<T>(path: string): Promise<T> {
  const { emulator } = browserTestEnvironment();
  const response = await fetch(`${emulator.baseUrl}${path}`, { headers: { Authorization: 'Bearer demo-token' } });
  return ((await response.json()) as { result: T }).result;
}

for (const theme of ['dark', 'light'] as const) {
  describe(`Certificates explorer in the browser (${theme} theme)`, function () {
    let workbench: WorkbenchPage;
    let zones: ApiZone[];

    before(async () => {
      const environment = browserTestEnvironment();
      zones = await api<ApiZone[]>('/zones?per_page=50');
      workbench = await WorkbenchPage.open(environment.workbenchUrl, environment.folder, theme);
    });

    after(async () => {
      await workbench?.close();
    });

    // Each theme opens a fresh browser, and code-server keeps SecretStorage in the browser, so each
    // run starts on the welcome view and sets the token through the real password box.
    it('takes the token through the real password box and shows the zones', async () => {
      await workbench.openCertificatesView();
      await workbench.widenSidebar(260);
      await workbench.welcomeButton('Set API Token').click();
      const input = workbench.quickInput();
      await input.waitFor();
      assert.equal(await input.getAttribute('type'), 'password');
      await input.fill('demo-token');
      await workbench.page.keyboard.press('Enter');
      await workbench.notification(/verified and saved/).waitFor({ timeout: 30_000 });
      for (const zone of zones) {
        await workbench.treeRow(zone.name).waitFor({ timeout: 30_000 });
      }
      assert.equal(await workbench.welcomeButton('Set API Token').isVisible(), false);
    });

    it('expands a zone to its client certificates and shows expiry on each row', async () => {
      const counts = await Promise.all(
        zones.map(async (zone) => (await api<ApiCertificate[]>(`/zones/${zone.id}/origin_tls_client_auth/hostnames/certificates`)).length),
      );
      const zone = zones[counts.indexOf(Math.max(...counts))];
      const zoneRow = workbench.treeRow(zone.name);
      if ((await zoneRow.getAttribute('aria-expanded')) !== 'true') {
        await zoneRow.click();
      }
      const group = workbench.treeRow('Client Certificates (AOP)');
      await group.waitFor();
      if ((await group.getAttribute('aria-expanded')) !== 'true') {
        await group.click();
      }
      await workbench
        .certificatesPane()
        .locator('.monaco-list-row .label-description', { hasText: /expire/ })
        .first()
        .waitFor({ timeout: 30_000 });
      const descriptions = await workbench.certificatesPane().locator('.monaco-list-row .label-description').allInnerTexts();
      assert.ok(descriptions.filter((text) => /expire/.test(text)).length >= Math.min(3, Math.max(...counts)), descriptions.join(' | '));
      await workbench.screenshot(`explorer-${theme}`);
    });

    it('shows certificate details when hovering a certificate', async () => {
      const row = workbench
        .certificatesPane()
        .locator('.monaco-list-row', { has: workbench.page.locator('.label-description', { hasText: /expire/ }) })
        .first();
      const tooltip = await workbench.hoverAndReadTooltip(row.locator('.label-name'));
      for (const part of ['Subject', 'Issuer', 'Serial', 'Not after', 'Status', 'ID']) {
        assert.ok(tooltip.includes(part), `tooltip lacks ${part}: ${tooltip}`);
      }
      await workbench.screenshot(`explorer-hover-${theme}`);
    });

    it("shows a hostname's own detail, fetched from Cloudflare when hovered, under a certificate that hostnames use", async () => {
      // Zone 1, group 2, certificate 3, hostname 4: the first certificate with hostnames under it.
      const certificate = workbench.certificatesPane().locator('.monaco-list-row[aria-level="3"][aria-expanded]').first();
      await certificate.waitFor({ timeout: 30_000 });
      // The twistie: a click on the row itself opens the certificate's details instead.
      await certificate.locator('.monaco-tl-twistie').click();
      const hostname = workbench.certificatesPane().locator('.monaco-list-row[aria-level="4"]').first();
      await hostname.waitFor({ timeout: 30_000 });
      // Away first, so the certificate's hover from the test before is gone and cannot be read instead.
      await workbench.page.keyboard.press('Escape');
      await workbench.page.mouse.move(900, 500);
      await hostname.locator('.label-name').hover();
      const hover = workbench.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Association status' }).last();
      await hover.waitFor({ timeout: 15_000 });
      const tooltip = await hover.innerText();
      assert.ok(tooltip.includes(await hostname.locator('.label-name').innerText()), tooltip);
      for (const part of [
        'Authenticated Origin Pulls:',
        'Association status',
        'Certificate status',
        'Certificate ID',
        'As Cloudflare has it now',
      ]) {
        assert.ok(tooltip.includes(part), `tooltip lacks ${part}: ${tooltip}`);
      }
      // Dates as the certificate's own hover writes them, not Cloudflare's raw ISO strings.
      assert.match(tooltip, /Expires: \d{4}-\d\d-\d\d \d\d:\d\d UTC \((expires|expired) /);
      assert.doesNotMatch(tooltip, /\d\d:\d\d:\d\d(\.\d+)?Z/);
      await workbench.screenshot(`explorer-hostname-hover-${theme}`);
    });

    it('keeps every id stable across a refresh, so expansion survives', async () => {
      const { emulator } = browserTestEnvironment();
      const zone = [...emulator.state.zones].sort(
        (a, b) => emulator.state.aopCertificatesOf(b.id).length - emulator.state.aopCertificatesOf(a.id).length,
      )[0];
      await workbench.expand(workbench.treeRow(zone.name));
      await workbench.expand(workbench.treeRow('Client Certificates (AOP)'));
      // A certificate that hostnames use; its twistie, since a click on the row opens its details.
      const certificate = workbench.certificatesPane().locator('.monaco-list-row[aria-level="3"][aria-expanded]').first();
      await certificate.waitFor({ timeout: 30_000 });
      if ((await certificate.getAttribute('aria-expanded')) !== 'true') {
        await certificate.locator('.monaco-tl-twistie').click();
      }
      const label = await certificate.locator('.label-name').innerText();
      const expanded = [workbench.treeRow(zone.name), workbench.treeRow('Client Certificates (AOP)'), workbench.treeRow(label)];
      for (const row of expanded) {
        assert.equal(await row.getAttribute('aria-expanded'), 'true', 'expanded before the refresh');
      }
      // A certificate Cloudflare gained meanwhile, for the refresh to show.
      const added = await createCertificate({ commonName: `refresh-${theme}.example.com` });
      const record = emulator.state.uploadAopCertificate(zone.id, added.certPem, added.key.pkcs8Pem, { fixedStatus: 'active' });
      try {
        await workbench.clickTitleAction('Refresh');
        // The refresh has landed once the certificate Cloudflare gained shows under the group, which
        // only a group that stayed expanded can show: look for it, then say what is expanded.
        const gained = await workbench
          .treeRow(`refresh-${theme}.example.com`)
          .waitFor({ timeout: 30_000 })
          .then(
            () => true,
            () => false,
          );
        const state = async (row: Locator) => ((await row.count()) > 0 ? await row.getAttribute('aria-expanded') : 'not shown');
        assert.deepEqual(
          await Promise.all(expanded.map(state)),
          ['true', 'true', 'true'],
          `the zone, its client certificates and "${label}" stay expanded`,
        );
        assert.ok(gained, 'the refresh shows the certificate Cloudflare gained');
        // And the certificate still shows the hostnames that use it.
        await workbench.certificatesPane().locator('.monaco-list-row[aria-level="4"]').first().waitFor({ timeout: 15_000 });
        await workbench.screenshot(`explorer-after-refresh-${theme}`);
      } finally {
        emulator.state.aopCertificates.splice(emulator.state.aopCertificates.indexOf(record), 1);
      }
    });
  });
}
