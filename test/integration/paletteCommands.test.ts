import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DataChange } from '../../src/model/dataChange';
import { NodeIds } from '../../src/model/nodeIds';
import { createCertificate, days } from '../fixtures/certificateFactory';
import { eventually } from './support/emulatorSession';
import { emulatorSuite } from './support/emulatorSuite';
import { rows } from './support/treeItems';

type Offered = { label: string; description?: string }[];

/**
 * Row actions run from the command palette, with no row: each asks for its row (the selected one
 * first when it fits), then acts on the one chosen; a cancelled pick does nothing and says nothing.
 */
describe('Row actions from the command palette', function () {
  const suite = emulatorSuite({ transitionMs: 200 }, { initialDelayMs: 50, maxDelayMs: 100, timeoutMs: 10_000 });
  const zoneId = (name: string) => suite.session.emulator.state.zones.find((zone) => zone.name === name)!.id;
  const certificateId = (zone: string, host: string) =>
    suite.session.emulator.state.aopCertificatesOf(zoneId(zone)).find((record) => record.certificate.hosts.includes(host))!.id;
  /** Answers a quick pick with the row labelled `label`, keeping what was offered. */
  const choose = (label: string | undefined, offered: Offered[] = []) =>
    ((items: unknown) => {
      offered.push(items as Offered);
      return label;
    }) as (options: unknown) => string | undefined;

  it('Copy ID offers the zones and client certificates, and copies the id of the one chosen', async () => {
    const offered: Offered[] = [];
    suite.prompts.answer(choose('api.example.com', offered));
    await vscode.commands.executeCommand('cloudflareCertificates.copyId');
    assert.equal(await vscode.env.clipboard.readText(), certificateId('example.com', 'api.example.com'));
    const labels = offered[0].map((item) => item.label);
    for (const expected of ['example.com', 'example.org', 'api.example.com', 'origin.example.org']) {
      assert.ok(labels.includes(expected), `${expected} among ${labels.join(', ')}`);
    }
  });

  it('offers the row selected in the view first, so Enter takes it', async () => {
    const id = certificateId('example.org', 'origin.example.org');
    await vscode.commands.executeCommand('cloudflareCertificates.revealCertificate', NodeIds.aopCertificate(zoneId('example.org'), id));
    await eventually('the certificate selected', () => (suite.session.api.treeView.selection[0]?.id.endsWith(id) ? true : undefined));
    const offered: Offered[] = [];
    suite.prompts.answer((items) => {
      offered.push(items as Offered);
      return (items as Offered)[0].label;
    });
    await vscode.commands.executeCommand('cloudflareCertificates.copyId');
    assert.equal(offered[0][0].label, 'origin.example.org');
    assert.match(offered[0][0].description ?? '', /selected in the view/);
    assert.equal(await vscode.env.clipboard.readText(), id);
  });

  it('does nothing and says nothing when the pick is cancelled', async () => {
    await vscode.env.clipboard.writeText('before');
    suite.prompts.answer(undefined, undefined, undefined);
    await vscode.commands.executeCommand('cloudflareCertificates.copyId');
    await vscode.commands.executeCommand('cloudflareCertificates.deleteCertificate');
    await vscode.commands.executeCommand('cloudflareCertificates.disableForHostname');
    assert.equal(await vscode.env.clipboard.readText(), 'before');
    assert.deepEqual(suite.prompts.messages, []);
    assert.deepEqual(suite.session.emulator.log.writes(), []);
  });

  it('Delete Certificate asks which, confirms, and deletes the one chosen', async () => {
    const name = 'palette-delete.example.com';
    const made = await createCertificate({ commonName: name, sans: [name], notAfter: days(90) });
    const record = suite.session.emulator.state.uploadAopCertificate(zoneId('example.com'), made.certPem, made.key.pkcs8Pem, {
      fixedStatus: 'active',
    });
    suite.session.api.data.reload(zoneId('example.com'));
    await eventually('the new certificate in the tree', async () => {
      const [zone] = (await rows(suite.session.api)).filter((row) => row.label === 'example.com');
      const [aop] = await rows(suite.session.api, zone.node);
      return (await rows(suite.session.api, aop.node)).some((row) => row.label === name) ? true : undefined;
    });
    suite.prompts.answer(name, 'Delete');
    await vscode.commands.executeCommand('cloudflareCertificates.deleteCertificate');
    assert.deepEqual(
      suite.session.emulator.log.writes().map((entry) => `${entry.method} ${entry.path}`),
      [`DELETE /zones/${zoneId('example.com')}/origin_tls_client_auth/hostnames/certificates/${record.id}`],
    );
    assert.deepEqual(suite.prompts.messages, [{ kind: 'info', text: `Deleted "${name}" from example.com.` }]);
  });

  it('Disable for Hostname asks for the certificate, then among its enabled hostnames; Enable among the disabled ones', async () => {
    const offered: Offered[] = [];
    suite.prompts.answer(choose('api.example.com', offered), choose('api.example.com', offered), 'Disable');
    await vscode.commands.executeCommand('cloudflareCertificates.disableForHostname');
    const [certificates, hostnames] = offered.map((items) => items.map((item) => item.label));
    assert.ok(certificates.includes('api.example.com') && certificates.includes('shop.example.com'), certificates.join(', '));
    assert.ok(!certificates.includes('legacy.example.com'), 'a certificate no hostname uses is not offered');
    assert.deepEqual(hostnames, ['api.example.com']);
    const association = () =>
      suite.session.emulator.state.associationsOf(zoneId('example.com')).find((record) => record.hostname === 'api.example.com');
    assert.equal(association()?.enabled, false);

    offered.length = 0;
    suite.prompts.answer(choose('api.example.com', offered), choose('api.example.com', offered));
    await vscode.commands.executeCommand('cloudflareCertificates.enableForHostname');
    assert.deepEqual(offered[1].map((item) => item.label).sort(), ['api.example.com', 'www.example.com']);
    assert.equal(association()?.enabled, true);
  });

  it('Replace Certificate finds the pack by its hostname, then asks RSA or ECDSA when it holds both', async () => {
    const offered: Offered[] = [];
    suite.prompts.answer('shop002', choose('ECDSA', offered), undefined);
    await vscode.commands.executeCommand('cloudflareCertificates.replacePackCertificate');
    assert.deepEqual(
      offered[0].map((item) => item.label),
      ['RSA certificate of shop002.customer-1.net', 'ECDSA certificate of shop002.customer-1.net'],
    );
    assert.match(suite.prompts.asked.at(-1)!.text, /^Replace the ECDSA certificate of shop002\.customer-1\.net/);
    assert.deepEqual(suite.prompts.messages, []);
  });

  it('Refresh asks for a zone or one of its lists and reloads only that', async () => {
    const changes: DataChange[] = [];
    const listening = suite.session.api.data.onDidChange((change) => changes.push(change));
    try {
      suite.prompts.answer('example.org');
      await vscode.commands.executeCommand('cloudflareCertificates.refreshNode');
      await eventually('the reload of example.org', () => (changes.some((change) => change.cause === 'reload') ? true : undefined));
      assert.deepEqual(
        changes.filter((change) => change.cause === 'reload').map((change) => change.zoneId),
        [zoneId('example.org')],
      );
    } finally {
      listening.dispose();
    }
  });
});
