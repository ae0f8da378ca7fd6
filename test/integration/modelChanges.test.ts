import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createCertificate, days } from '../fixtures/certificateFactory';
import { findExpiring } from '../../src/model/expiringCertificates';
import { ExpiryWindow } from '../harness/expiryWording';
import { eventually } from './support/emulatorSession';
import { emulatorSuite } from './support/emulatorSuite';
import { child, rows, type Row } from './support/treeItems';

interface ApiZone {
  id: string;
  name: string;
}

/**
 * The model owns every change: after each operation the tree, hovers, details and status bar tell
 * the truth without a manual refresh, and each refresh verb sends exactly the requests it should
 * (read from the emulator's request log).
 */
describe('Changes announced by the model', function () {
  let zones: ApiZone[] | undefined;
  const zone = (name: string) => zones!.find((candidate) => candidate.name === name)!;

  /** Reload everything and wait until every zone's data has settled (loaded or failed). */
  async function loadAll(): Promise<void> {
    suite.session.api.tree.reloadAll();
    await rows(suite.session.api);
    await eventually('every zone loaded', async () => {
      // Asking again is free once loaded, and covers a reload that a late token or setting event started.
      await rows(suite.session.api);
      const loaded = suite.session.api.data.loaded();
      return suite.session.api.data.diagnostics().pending === 0 &&
        loaded.zones.length === zones!.length &&
        loaded.aop.size + loaded.customHostnames.size > 0
        ? true
        : undefined;
    });
    // The status bar coalesces the loads' announcements: wait until it names what the loaded data holds.
    await eventually('the status bar to catch up with the loads', () => {
      const warningDays = vscode.workspace.getConfiguration('cloudflareCertificates').get<number>('expiryWarningDays', 30);
      const shown = suite.session.api.statusBar.current.map((entry) => entry.nodeId).sort();
      const held = findExpiring(suite.session.api.data, new Date(), warningDays)
        .map((entry) => entry.nodeId)
        .sort();
      return shown.join() === held.join() ? true : undefined;
    });
  }

  async function packRows(
    zoneName: string,
    certificates: number,
  ): Promise<{ hostname: Row; certificates: Row[]; record: (typeof suite.session.emulator.state.customHostnames)[number] }> {
    const saas = zone(zoneName);
    const record = suite.session.emulator.state.customHostnames.find(
      (candidate) => candidate.zoneId === saas.id && candidate.certificates.length === certificates,
    )!;
    const group = await child(suite.session.api, (await child(suite.session.api, undefined, zoneName)).node, 'Custom Hostnames');
    for (
      let shown = 50;
      shown <= suite.session.emulator.state.customHostnames.filter((entry) => entry.zoneId === saas.id).indexOf(record);
      shown += 50
    ) {
      (group.node as unknown as { showMore(): void }).showMore();
    }
    const hostname = await child(suite.session.api, group.node, record.hostname);
    const [pack] = await rows(suite.session.api, hostname.node);
    return { hostname, certificates: await rows(suite.session.api, pack.node), record };
  }

  const suite = emulatorSuite({ transitionMs: 200 }, { initialDelayMs: 50, maxDelayMs: 100, timeoutMs: 10_000 }, async () => {
    zones ??= await suite.session.get<ApiZone[]>('/zones?per_page=50');
    await loadAll();
  });

  it('re-renders for a new expiry window without sending a single request', async () => {
    const config = vscode.workspace.getConfiguration('cloudflareCertificates');
    const before = suite.session.api.statusBar.current.length;
    try {
      await config.update('expiryWarningDays', 365, vscode.ConfigurationTarget.Global);
      await eventually(`the status bar to follow the new window (${before} within 30 days)`, () =>
        suite.session.api.statusBar.current.length > before ? true : undefined,
      );
      await rows(suite.session.api);
      await eventually('no load pending', () => (suite.session.api.data.diagnostics().pending === 0 ? true : undefined));
      // The one fixed wait kept on purpose: what is under test is an absence (no request), so 300 ms
      // more in which a late reload would show in the request log are the check, not a wait.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(
        suite.session.emulator.log.entries().map((entry) => `${entry.method} ${entry.path}`),
        [],
      );
    } finally {
      await config.update('expiryWarningDays', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it("uploads to a zone never expanded with only the upload, its polling and that zone's list, and the counts follow", async () => {
    const target = zone('staging.example.net');
    const certificate = await createCertificate({ commonName: 'never-expanded.example.net' });
    const document = await vscode.workspace.openTextDocument({ content: `${certificate.certPem}${certificate.key.pkcs8Pem}` });
    await vscode.window.showTextDocument(document);
    suite.prompts.answer('staging.example.net', 'Upload');
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromEditor');
    const sent = suite.session.emulator.log.entries().map((entry) => `${entry.method} ${entry.path}`);
    const base = `/zones/${target.id}/origin_tls_client_auth/hostnames/certificates`;
    assert.equal(sent[0], `POST ${base}`);
    assert.ok(
      sent.every((line) => line.includes(target.id)),
      `nothing for another zone: ${sent.join(', ')}`,
    );
    assert.deepEqual(
      [...new Set(sent.slice(1))].sort(),
      [
        `GET ${base}`,
        `GET ${base}/${suite.session.emulator.state.aopCertificates.find((record) => record.certificate.serialNumber === certificate.serialNumber)!.id}`,
      ].sort(),
    );
    assert.equal(sent.filter((line) => line === `GET ${base}`).length, 1, "the zone's list is asked for once");
    const held = suite.session.emulator.state.aopCertificates.filter((record) => record.zoneId === target.id).length;
    const zoneRow = await child(suite.session.api, undefined, 'staging.example.net');
    assert.match(zoneRow.description, new RegExp(`^${held} client certs?`));
    const group = await child(suite.session.api, zoneRow.node, 'Client Certificates (AOP)');
    assert.equal(group.description, `${held} of 10`);
  });

  it("shows a replaced pack certificate's new serial in the row, the hover and the details without a refresh", async () => {
    const { certificates, record } = await packRows('saas-platform.net', 2);
    const rsa = certificates.find((row) => row.label === 'RSA')!;
    const replacement = await createCertificate({ commonName: record.hostname, keyKind: 'RSA', notAfter: days(200) });
    await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument({ content: `${replacement.certPem}${replacement.key.pkcs8Pem}` }),
    );
    suite.prompts.answer('From the editor', 'Replace');
    const wording = new ExpiryWindow();
    await vscode.commands.executeCommand('cloudflareCertificates.replacePackCertificate', rsa.node);
    const after = (await packRows('saas-platform.net', 2)).certificates.find((row) => row.label === 'RSA')!;
    assert.match(after.tooltip, new RegExp(replacement.serialNumber.replace(/(..)(?!$)/g, '$1:?'), 'i'));
    assert.equal(after.node.details?.().serialNumber?.toLowerCase().replace(/:/g, ''), replacement.serialNumber);
    assert.match(after.description, new RegExp(`expires in ${wording.days(replacement.notAfter)} days`));
  });

  it('rotates a pack certificate as a replace that must expire later, and reports the SSL status once active', async () => {
    const { certificates, record } = await packRows('saas-platform.net', 2);
    const rsa = certificates.find((row) => row.label === 'RSA')!;
    const current = rsa.node.expiresOn!()!;
    const sooner = await createCertificate({
      commonName: record.hostname,
      keyKind: 'RSA',
      notAfter: days(-1, current),
    });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: `${sooner.certPem}${sooner.key.pkcs8Pem}` }));
    suite.prompts.answer('From the editor');
    await vscode.commands.executeCommand('cloudflareCertificates.rotateCertificate', rsa.node);
    assert.deepEqual(suite.session.emulator.log.writes(), [], 'nothing sent');
    assert.match(suite.prompts.messages.find((message) => message.kind === 'error')?.text ?? '', /must expire later/);
    const later = await createCertificate({ commonName: record.hostname, keyKind: 'RSA', notAfter: days(600) });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: `${later.certPem}${later.key.pkcs8Pem}` }));
    suite.prompts.answer('From the editor', 'Replace');
    await vscode.commands.executeCommand('cloudflareCertificates.rotateCertificate', rsa.node);
    assert.match(suite.prompts.messages.at(-1)?.text ?? '', /Replaced the RSA certificate of .+: active/);
    assert.ok(record.certificates.some((entry) => entry.certificate.serialNumber === later.serialNumber));
  });

  it('drops a deleted pack certificate from the tree, and then refuses to delete the last one in words, sending nothing', async () => {
    const { certificates, record } = await packRows('saas-platform.net', 2);
    const ecdsa = certificates.find((row) => row.label === 'ECDSA')!;
    suite.prompts.answer('Delete');
    await vscode.commands.executeCommand('cloudflareCertificates.deleteCertificate', ecdsa.node);
    const group = await child(suite.session.api, (await child(suite.session.api, undefined, 'saas-platform.net')).node, 'Custom Hostnames');
    const hostname = await child(suite.session.api, group.node, record.hostname);
    const [pack] = await rows(suite.session.api, hostname.node);
    const left = await rows(suite.session.api, pack.node);
    assert.deepEqual(
      left.map((row) => row.label),
      ['RSA'],
    );
    assert.equal(left[0].contextValue, 'packCertificate last');
    suite.session.emulator.log.clear();
    await vscode.commands.executeCommand('cloudflareCertificates.deleteCertificate', left[0].node);
    assert.equal(suite.session.emulator.log.writes().length, 0);
    assert.match(suite.prompts.messages.at(-1)?.text ?? '', /only one in the pack .* Cloudflare keeps at least one certificate/);
  });

  it('reloads everything from the title-bar Refresh even with a certificate selected, and only one hostname from its inline Refresh', async () => {
    const { hostname, certificates } = await packRows('saas-platform.net', 2);
    await vscode.commands.executeCommand('cloudflareCertificates.refresh', certificates[0].node, [certificates[0].node]);
    await rows(suite.session.api);
    assert.ok(
      suite.session.emulator.log.entries().some((entry) => entry.path === '/zones'),
      'the zones were listed again',
    );
    await loadAll();
    suite.session.emulator.log.clear();
    await vscode.commands.executeCommand('cloudflareCertificates.refreshNode', hostname.node);
    assert.deepEqual(
      suite.session.emulator.log.entries().map((entry) => entry.path),
      [`/zones/${zone('saas-platform.net').id}/custom_hostnames/${hostname.node.cloudflareId}`],
    );
  });

  it('keeps the counts after enabling and disabling a hostname', async () => {
    const zoneRow = await child(suite.session.api, undefined, 'example.org');
    const group = await child(suite.session.api, zoneRow.node, 'Client Certificates (AOP)');
    const active = (await rows(suite.session.api, group.node)).find((row) => !/pending|deleted/.test(row.description))!;
    suite.prompts.answer('counts.example.org');
    await vscode.commands.executeCommand('cloudflareCertificates.enableForHostname', active.node);
    const count = Number(
      /^(\d+) of 10$/.exec((await child(suite.session.api, zoneRow.node, 'Client Certificates (AOP)')).description)?.[1],
    );
    assert.ok(count > 0);
    assert.match((await child(suite.session.api, undefined, 'example.org')).description, new RegExp(`^${count} client certs? · `));
  });

  it('names certificates in the status bar as the tree does, one row each, and follows a load that a retry recovered', async () => {
    const expiring = suite.session.api.statusBar.current;
    assert.ok(expiring.length > 0);
    for (const entry of expiring) {
      assert.doesNotMatch(entry.label, /^[0-9a-f]{20,}$/i, 'not a bare serial');
    }
    assert.equal(
      new Set(expiring.map((entry) => `${entry.label} ${entry.notAfter.toISOString()}`)).size,
      expiring.length,
      'no two identical rows',
    );
    const expired = expiring.filter((entry) => entry.expired).length;
    if (expired > 0) {
      assert.match(suite.session.api.statusBar.text ?? '', new RegExp(`${expired} expired · \\d+ expire`));
    }
    const full = expiring.length;
    // A zone's list fails on the first load; its retry succeeds, and the status bar must follow.
    const busiest = zones!.find((candidate) => expiring.some((entry) => entry.zoneId === candidate.id && entry.kind === 'aop'))!;
    suite.session.emulator.faults.add({
      kind: 'serverError',
      status: 503,
      path: `${busiest.id}/origin_tls_client_auth/hostnames/certificates`,
      times: Infinity,
    });
    suite.session.api.tree.reloadAll();
    await rows(suite.session.api);
    await eventually('fewer certificates while a zone fails', () => (suite.session.api.statusBar.current.length < full ? true : undefined));
    suite.session.emulator.faults.clear();
    const group = await child(
      suite.session.api,
      (await child(suite.session.api, undefined, busiest.name)).node,
      'Client Certificates (AOP)',
    );
    await vscode.commands.executeCommand('cloudflareCertificates.retryNode', group.node);
    await rows(suite.session.api, group.node);
    await eventually(`the status bar back at the full count of ${full}`, () =>
      suite.session.api.statusBar.current.length === full ? true : undefined,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; it shows ${suite.session.api.statusBar.current.length}`);
    });
  });
});
