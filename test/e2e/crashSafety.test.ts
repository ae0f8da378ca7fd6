import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCertificate, days, generateKey } from '../fixtures/certificateFactory';
import { browserTestEnvironment } from './support/environment';
import { ExpiryWindow } from '../harness/expiryWording';
import { until } from './support/until';
import { WorkbenchPage } from './support/workbenchPage';

/**
 * A change cut off by reloading the window (which starts a new extension host) in the middle: after
 * the reload the tree shows Cloudflare's true state, the change can be finished from there, and
 * nothing is duplicated or lost (read from the emulator's state).
 */
describe('Changes interrupted by a window reload', function () {
  let workbench: WorkbenchPage;
  const { emulator, folder } = browserTestEnvironment();
  const zoneId = (name: string) => emulator.state.zones.find((zone) => zone.name === name)!.id;

  before(async () => {
    workbench = await WorkbenchPage.open(browserTestEnvironment().workbenchUrl, folder);
    await workbench.openCertificatesView();
    await workbench.widenSidebar(320);
    await workbench.setToken('demo-token');
  });

  after(async () => {
    await workbench?.close();
  });

  /**
   * Until the opened group shows its rows and the emulator has answered every request sent: the view
   * has loaded what it shows, so no late re-render closes a menu opened on it.
   */
  async function loaded(): Promise<void> {
    const level = Number(await workbench.treeRow('Client Certificates (AOP)').getAttribute('aria-level'));
    await workbench
      .certificatesPane()
      .locator(`.monaco-list-row[aria-level="${level + 1}"]`)
      .first()
      .waitFor({ timeout: 30_000 });
    // A request the emulator was told to hang never ends: it is not the view's.
    await until('every request answered', () => emulator.log.entries().every((entry) => entry.endedAt > 0 || entry.fault === 'hang'));
  }

  const sent = (method: string, pattern: RegExp) =>
    emulator.log.entries().some((entry) => entry.method === method && pattern.test(entry.path));

  async function openGroup(zone: string): Promise<void> {
    await workbench.collapseAll();
    await workbench.expand(workbench.treeRow(zone));
    await workbench.expand(workbench.treeRow('Client Certificates (AOP)'));
    await loaded();
  }

  it('shows an upload cut off while Cloudflare deployed it, exactly once', async () => {
    const certificate = await createCertificate({ commonName: 'reload-upload.example.org', key: await generateKey('ECDSA') });
    fs.writeFileSync(path.join(folder, 'reload-upload.pem'), `${certificate.certPem}${certificate.key.pkcs8Pem}`);
    await workbench.openFile('reload-upload.pem');
    emulator.log.clear();
    await workbench.runCommand('Cloudflare Certificates: Upload Certificate from Editor…');
    await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'example.org' }).first().waitFor();
    await workbench.quickInput().fill('example.org');
    await workbench.page.keyboard.press('Enter');
    await workbench.dialogButton(/^Upload$/);
    await until('the POST', () => sent('POST', /hostnames\/certificates$/));
    await workbench.reload();
    await openGroup('example.org');
    await workbench.treeRow(/^reload-upload\.example\.org/).waitFor({ timeout: 30_000 });
    const copies = emulator.state
      .aopCertificatesOf(zoneId('example.org'))
      .filter((record) => record.certificate.serialNumber === certificate.serialNumber);
    assert.equal(copies.length, 1);
    await workbench.screenshot('reload-upload');
  });

  it('finishes a delete cut off after invalidating its hostnames: the certificate is there, unused, and deletes', async () => {
    const certificate = await createCertificate({ commonName: 'reload-delete.example.org', key: await generateKey('ECDSA') });
    const id = emulator.state.uploadAopCertificate(zoneId('example.org'), certificate.certPem, certificate.key.pkcs8Pem, {
      fixedStatus: 'active',
    }).id;
    emulator.state.updateAssociations(
      zoneId('example.org'),
      ['x.reload.example.org', 'y.reload.example.org'].map((hostname) => ({ hostname, cert_id: id, enabled: true })),
      { immediate: true },
    );
    await workbench.runCommand('Cloudflare Certificates: Refresh');
    await openGroup('example.org');
    // The DELETE never answers: the window is closed after the invalidation, before the delete lands.
    emulator.faults.add({ kind: 'hang', method: 'DELETE', path: `certificates/${id}$`, times: 1 });
    emulator.log.clear();
    await workbench.contextMenu(workbench.treeRow(/^reload-delete\.example\.org/), 'Delete Certificate…');
    assert.match(await workbench.dialogButton('Invalidate and Delete'), /2 hostnames use it/);
    await until('the DELETE', () => sent('DELETE', new RegExp(`${id}$`)));
    await workbench.reload();
    await openGroup('example.org');
    const row = workbench.treeRow(/^reload-delete\.example\.org/);
    await row.waitFor({ timeout: 30_000 });
    assert.equal(await row.getAttribute('aria-expanded'), null, 'no hostname uses it any more');
    await workbench.contextMenu(row, 'Delete Certificate…');
    assert.doesNotMatch(await workbench.dialogButton(/^Delete$/), /hostnames? uses? it/);
    await workbench.notification(/Deleted "reload-delete\.example\.org"/).waitFor({ timeout: 30_000 });
    assert.ok(
      !emulator.state
        .aopCertificatesOf(zoneId('example.org'))
        .some((record) => record.id === id && emulator.state.aopStatus(record) === 'active'),
    );
    emulator.faults.clear();
  });

  it('shows a pack replace cut off while Cloudflare deployed it with the new certificate', async () => {
    const saas = zoneId('saas-platform.net');
    const record = emulator.state.customHostnamesOf(saas).find((candidate) => candidate.certificates.length === 2)!;
    const replacement = await createCertificate({
      commonName: record.hostname,
      keyKind: 'RSA',
      key: await generateKey('RSA'),
      notAfter: days(333),
    });
    fs.writeFileSync(path.join(folder, 'reload-replace.pem'), `${replacement.certPem}${replacement.key.pkcs8Pem}`);
    await workbench.openFile('reload-replace.pem');
    await workbench.collapseAll();
    await workbench.expand(workbench.treeRow('saas-platform.net'));
    await workbench.expand(workbench.treeRow(/^Custom Hostnames/));
    await workbench.expand(workbench.treeRow(record.hostname));
    emulator.log.clear();
    await workbench.contextMenu(
      workbench.certificatesPane().locator('.monaco-list-row', { hasText: /^RSA/ }).first(),
      'Replace Certificate…',
    );
    await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'From the editor' }).first().waitFor();
    await workbench.page.keyboard.press('Enter');
    await workbench.dialogButton(/^Replace$/);
    await until('the PUT', () => sent('PUT', /certificate_pack\/.+\/certificates\//));
    const wording = new ExpiryWindow();
    await workbench.reload();
    await workbench.collapseAll();
    await workbench.expand(workbench.treeRow('saas-platform.net'));
    await workbench.expand(workbench.treeRow(/^Custom Hostnames/));
    await workbench.expand(workbench.treeRow(record.hostname));
    await workbench
      .certificatesPane()
      .locator('.monaco-list-row', { hasText: new RegExp(`^RSA.*expires in ${wording.days(replacement.notAfter, 30_000)} days`) })
      .first()
      .waitFor({ timeout: 30_000 });
    assert.ok(record.certificates.some((entry) => entry.certificate.serialNumber === replacement.serialNumber));
    assert.equal(record.certificates.length, 2, 'nothing added or lost');
    await workbench.screenshot('reload-replace');
  });
});
