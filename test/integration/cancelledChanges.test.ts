import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostnameAssociation, HostnameCertificate } from '../../src/cloudflare/types';
import { hexId } from '../emulator/emulatorState';
import { checkUpload } from '../emulator/uploadRules';
import { createCertificate, days } from '../fixtures/certificateFactory';
import { eventually } from './support/emulatorSession';
import { emulatorSuite } from './support/emulatorSuite';
import { child, rows } from './support/treeItems';

interface ApiHostname {
  id: string;
  ssl?: { status?: string; certificates?: { id: string; serial_number?: string }[] };
}

/**
 * Cancel pressed on the progress notification part-way through a change, against the emulator: the
 * person gets one line saying what happened and what is left, nothing more is sent, and what the
 * extension holds (and the tree shows) is what Cloudflare holds, with no Refresh.
 */
describe('A change cancelled part-way says what is left and shows what Cloudflare holds', function () {
  let runs = 0;
  let zoneId: string;
  let zoneName: string;

  // Deploying takes a minute here, so a cancel while waiting for it finds the change still deploying.
  const suite = emulatorSuite(
    { transitionMs: 60_000, associationTransitionMs: 100 },
    { initialDelayMs: 50, maxDelayMs: 100, timeoutMs: 90_000 },
    async () => {
      runs += 1;
      zoneName = `cancel-${runs}.example`;
      zoneId = suite.session.emulator.state.addZone(zoneName).id;
      suite.session.api.tree.reloadAll();
      await rows(suite.session.api);
    },
  );

  const zonePath = () => `/zones/${zoneId}`;
  const aopGroup = async () =>
    (await child(suite.session.api, (await child(suite.session.api, undefined, zoneName)).node, 'Client Certificates (AOP)')).node;
  const log = () => suite.session.emulator.log.entries();

  /** Runs a command, presses Cancel once `due()` holds, and waits for the command to end; returns the writes sent after the cancel. */
  async function cancelWhen(what: string, due: () => boolean, command: string, ...args: unknown[]): Promise<readonly string[]> {
    const running = vscode.commands.executeCommand(command, ...args);
    await eventually(what, () => (due() ? true : undefined));
    const writesBefore = suite.session.emulator.log.writes().length;
    suite.prompts.cancelProgress();
    await running;
    return suite.session.emulator.log
      .writes()
      .slice(writesBefore)
      .map((entry) => `${entry.method} ${entry.path}`);
  }

  /** The person got exactly one line, an information message, and no error. */
  function toldOnce(said: RegExp): void {
    assert.deepEqual(
      suite.prompts.messages.map((message) => message.kind),
      ['info'],
      JSON.stringify(suite.prompts.messages),
    );
    assert.match(suite.prompts.messages[0].text, said);
    assert.doesNotMatch(suite.prompts.messages[0].text, /\n/);
  }

  /** The zone's client certificates and associations as the extension holds them, and as Cloudflare answers. */
  async function aopShownAndHeld() {
    const loaded = suite.session.api.data.loaded().aop.get(zoneId);
    const certificates = await suite.session.get<HostnameCertificate[]>(`${zonePath()}/origin_tls_client_auth/hostnames/certificates`);
    const associations = await suite.session.get<HostnameAssociation[]>(`${zonePath()}/origin_tls_client_auth/hostnames?status=all`);
    const certificateLine = (item: HostnameCertificate) => `${item.id} ${item.status}`;
    const associationLine = (item: HostnameAssociation) => `${item.hostname} ${item.cert_id} ${String(item.enabled)}`;
    return {
      shown: {
        certificates: loaded?.certificates.map(certificateLine).sort(),
        associations: loaded?.associations.map(associationLine).sort(),
      },
      held: { certificates: certificates.map(certificateLine).sort(), associations: associations.map(associationLine).sort() },
    };
  }

  it('upload cancelled while Cloudflare deploys it: "reached, still deploying", and the tree shows the certificate', async () => {
    const certificate = await createCertificate({ commonName: 'cancel-upload.example.org' });
    await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument({ content: `${certificate.certPem}${certificate.key.pkcs8Pem}` }),
    );
    suite.prompts.answer('Upload');
    const polled = () => log().some((entry) => entry.method === 'GET' && /\/hostnames\/certificates\/[0-9a-f]+$/.test(entry.path));
    const afterCancel = await cancelWhen(
      'the first look at the deploying upload',
      polled,
      'cloudflareCertificates.uploadFromEditor',
      await aopGroup(),
    );
    assert.deepEqual(afterCancel, [], 'nothing is sent after the cancel');
    toldOnce(
      /^Upload stopped after "cancel-upload\.example\.org" reached cancel-\d+\.example: Cloudflare is still deploying it \(pending deployment\)\./,
    );
    const { shown, held } = await aopShownAndHeld();
    assert.deepEqual(shown, held, 'the extension holds what Cloudflare holds');
    assert.equal(held.certificates.length, 1);
    const labels = (await rows(suite.session.api, await aopGroup())).map((row) => `${row.label} ${row.description}`);
    assert.ok(
      labels.some((label) => label.startsWith('cancel-upload.example.org')),
      labels.join('; '),
    );
  });

  it('delete cancelled after the hostnames were let go: "2 of 2 hostnames no longer use it; still on Cloudflare"', async () => {
    const old = await createCertificate({ commonName: 'cancel-delete.example.org', notAfter: days(30) });
    const state = suite.session.emulator.state;
    const certificateId = state.uploadAopCertificate(zoneId, old.certPem, old.key.pkcs8Pem, { fixedStatus: 'active' }).id;
    state.updateAssociations(
      zoneId,
      ['a.cancel.example.org', 'b.cancel.example.org'].map((hostname) => ({ hostname, cert_id: certificateId, enabled: true })),
      { immediate: true },
    );
    suite.session.api.tree.reloadAll();
    const row = (await rows(suite.session.api, await aopGroup())).find((candidate) => candidate.node.cloudflareId === certificateId);
    assert.ok(row, 'the certificate is in the tree');
    // The DELETE never answers: the person gives up waiting on it.
    suite.session.emulator.faults.add({ kind: 'hang', method: 'DELETE', path: 'hostnames/certificates/' });
    suite.prompts.answer('Invalidate and Delete');
    const deleting = () => log().some((entry) => entry.method === 'DELETE');
    const afterCancel = await cancelWhen('the DELETE on the wire', deleting, 'cloudflareCertificates.deleteCertificate', row.node);
    assert.deepEqual(afterCancel, [], 'nothing is sent after the cancel');
    toldOnce(
      /^Delete stopped: 2 of 2 hostnames no longer use "cancel-delete\.example\.org"; the certificate is still on Cloudflare\. Delete it again to finish\.$/,
    );
    const { shown, held } = await aopShownAndHeld();
    assert.deepEqual(shown, held, 'the extension holds what Cloudflare holds');
    assert.deepEqual(held.associations, [], 'both hostnames were let go');
    const after = (await rows(suite.session.api, await aopGroup())).find((candidate) => candidate.node.cloudflareId === certificateId);
    assert.ok(after, 'the certificate is still in the tree');
  });

  it('pack replace cancelled while Cloudflare deploys it: "reached the pack, still deploying", and the pack shows the new serial', async () => {
    const hostname = `shop-${runs}.cancel.example.org`;
    const current = await createCertificate({ commonName: hostname, keyKind: 'RSA', notAfter: days(20) });
    const record = suite.session.emulator.state.addCustomHostname(zoneId, hostname, {
      certificates: [
        {
          id: hexId(),
          certificate: checkUpload(current.certPem, current.key.pkcs8Pem, { leafOnly: true }),
          uploadedOn: days(-60).toISOString(),
        },
      ],
    });
    suite.session.api.tree.reloadAll();
    const group = await child(suite.session.api, (await child(suite.session.api, undefined, zoneName)).node, 'Custom Hostnames');
    const [pack] = await rows(suite.session.api, (await child(suite.session.api, group.node, hostname)).node);
    const [rsaRow] = await rows(suite.session.api, pack.node);
    const replacement = await createCertificate({ commonName: hostname, keyKind: 'RSA', notAfter: days(300) });
    await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument({ content: `${replacement.certPem}${replacement.key.pkcs8Pem}` }),
    );
    suite.prompts.answer('From the editor', 'Replace');
    const hostnamePath = `${zonePath()}/custom_hostnames/${record.id}`;
    const polled = () => {
      const entries = log();
      const sent = entries.findIndex((entry) => entry.method !== 'GET' && entry.path.includes('/certificate_pack/'));
      return sent >= 0 && entries.slice(sent + 1).some((entry) => entry.method === 'GET' && entry.path === hostnamePath);
    };
    const afterCancel = await cancelWhen(
      'the first look at the deploying pack',
      polled,
      'cloudflareCertificates.replacePackCertificate',
      rsaRow.node,
    );
    assert.deepEqual(afterCancel, [], 'nothing is sent after the cancel');
    toldOnce(
      new RegExp(
        `^Replace stopped after the new certificate reached the pack of ${hostname.replace(/\./g, '\\.')}: Cloudflare is still deploying it \\(pending deployment\\); nothing is left to do\\.$`,
      ),
    );
    const held = await suite.session.get<ApiHostname>(hostnamePath);
    const shown = suite.session.api.data
      .loaded()
      .customHostnames.get(zoneId)
      ?.items.find((item) => item.id === record.id);
    // The extension's slim record and the API's object both carry the pack's status and serials.
    const packOf = (item: { ssl?: { status?: string; certificates?: readonly { serial_number?: string }[] } } | undefined) => ({
      status: item?.ssl?.status,
      serials: item?.ssl?.certificates?.map((certificate) => certificate.serial_number?.toLowerCase()),
    });
    assert.deepEqual(packOf(shown), packOf(held), 'the extension holds the pack Cloudflare holds');
    assert.deepEqual(packOf(held).serials, [replacement.serialNumber.toLowerCase()]);
  });
});
