import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emulatorSuite } from './support/emulatorSuite';
import { child, rows } from './support/treeItems';

/** The zone-level AOP switch and a certificate's hostnames, as a person changes them from the tree. */
describe('Zone switch and hostname associations', function () {
  const zoneRecord = () => suite.session.emulator.state.zones.find((zone) => zone.name === 'example.org')!;
  const zoneRow = () => child(suite.session.api, undefined, 'example.org');
  const certificateRow = async () => {
    const group = await child(suite.session.api, (await zoneRow()).node, 'Client Certificates (AOP)');
    return (await rows(suite.session.api, group.node)).find((row) => !/pending|deleted|timed out|expired/.test(row.description))!;
  };

  const suite = emulatorSuite({ transitionMs: 100 }, { initialDelayMs: 50, maxDelayMs: 100, timeoutMs: 10_000 }, async () => {
    suite.session.api.tree.reloadAll();
    await rows(suite.session.api);
    await (await zoneRow()).node.getChildren();
  });

  it("shows whether the zone's Authenticated Origin Pulls is on, turns it off behind a modal and on again", async () => {
    assert.equal(zoneRecord().aopEnabled, true);
    const on = await zoneRow();
    assert.match(on.description, /AOP on$/);
    assert.match(on.tooltip, /Authenticated Origin Pulls \(zone-level\): on/);
    assert.equal(on.contextValue, 'zone aopOn');
    suite.prompts.answer(undefined);
    await vscode.commands.executeCommand('cloudflareCertificates.disableZoneAop', on.node);
    assert.match(
      suite.prompts.asked.at(-1)?.text ?? '',
      /Disable Authenticated Origin Pulls for example\.org\?[\s\S]*An origin that requires it will refuse those connections/,
    );
    assert.deepEqual(suite.session.emulator.log.writes(), [], 'cancelling sends nothing');
    suite.prompts.answer('Disable');
    await vscode.commands.executeCommand('cloudflareCertificates.disableZoneAop', on.node);
    assert.equal(zoneRecord().aopEnabled, false);
    const off = await zoneRow();
    assert.match(off.description, /AOP off$/);
    assert.equal(off.contextValue, 'zone aopOff');
    await vscode.commands.executeCommand('cloudflareCertificates.enableZoneAop', off.node);
    assert.equal(zoneRecord().aopEnabled, true);
    assert.match((await zoneRow()).description, /AOP on$/);
    assert.match(suite.prompts.messages.at(-1)?.text ?? '', /is on for example\.org/);
  });

  it("refuses the switch for a read-only token in words, and Cloudflare's setting is unchanged", async () => {
    await suite.session.api.tokens.set('demo-readonly-token');
    try {
      suite.prompts.answer('Disable');
      await vscode.commands.executeCommand('cloudflareCertificates.disableZoneAop', (await zoneRow()).node);
      assert.match(
        suite.prompts.messages.find((message) => message.kind === 'error')?.text ?? '',
        /lacks the "SSL and Certificates: Edit" permission/,
      );
      assert.equal(zoneRecord().aopEnabled, true);
      assert.ok(
        suite.session.emulator.log.writes().every((entry) => entry.status === 403),
        'no change was accepted',
      );
    } finally {
      await suite.session.api.tokens.set('demo-token');
    }
  });

  it('uses a certificate for one more hostname (validated), then stops using it behind a modal', async () => {
    const certificate = await certificateRow();
    suite.prompts.answer('new-host.example.org');
    await vscode.commands.executeCommand('cloudflareCertificates.addHostname', certificate.node);
    const association = () =>
      suite.session.emulator.state.associationViews(zoneRecord().id).find((view) => view.hostname === 'new-host.example.org');
    assert.equal(association()?.status, 'active');
    const hostnameRow = (await rows(suite.session.api, (await certificateRow()).node)).find((row) => row.label === 'new-host.example.org')!;
    assert.match(hostnameRow.description, /^enabled · active/);
    assert.equal(hostnameRow.item.tooltip, undefined, 'left for VS Code to resolve on hover');
    // Hovering asks Cloudflare for the hostname's own detail.
    suite.session.emulator.log.clear();
    const resolved = await suite.session.api.tree.resolveTreeItem(
      hostnameRow.item,
      hostnameRow.node,
      new vscode.CancellationTokenSource().token,
    );
    assert.ok(suite.session.emulator.log.entries().some((entry) => entry.path.endsWith('/hostnames/new-host.example.org')));
    const tooltip = typeof resolved.tooltip === 'string' ? resolved.tooltip : (resolved.tooltip?.value ?? '');
    assert.match(tooltip, /Association status: Active/);
    assert.match(tooltip, /As Cloudflare has it now/);

    suite.prompts.answer('Stop Using');
    await vscode.commands.executeCommand('cloudflareCertificates.removeHostname', hostnameRow.node);
    assert.match(suite.prompts.asked.at(-1)?.text ?? '', /Stop using ".+" for new-host\.example\.org\?/);
    assert.ok(!association() || association()?.enabled === null, 'the association is invalidated');
    const left = (await rows(suite.session.api, (await certificateRow()).node)).map((row) => row.label);
    assert.ok(!left.includes('new-host.example.org'), left.join(', '));
  });

  it('refuses a hostname that is not one, in the box, and a certificate already serving 100 hostnames, sending nothing', async () => {
    const certificate = await certificateRow();
    suite.prompts.answer('not a hostname');
    await vscode.commands.executeCommand('cloudflareCertificates.addHostname', certificate.node);
    assert.match(
      suite.prompts.messages.find((message) => message.kind === 'error')?.text ?? '',
      /Enter a hostname such as api\.example\.com/,
    );
    const id = certificate.node.cloudflareId!;
    suite.session.emulator.state.updateAssociations(
      zoneRecord().id,
      Array.from({ length: 100 - (await rows(suite.session.api, certificate.node)).length }, (_, index) => ({
        hostname: `filler-${index}.example.org`,
        cert_id: id,
        enabled: true,
      })),
      { immediate: true },
    );
    suite.session.api.tree.reloadAll();
    await rows(suite.session.api);
    await vscode.commands.executeCommand('cloudflareCertificates.addHostname', (await certificateRow()).node);
    assert.match(suite.prompts.messages.filter((message) => message.kind === 'error').at(-1)?.text ?? '', /already serves 100 hostnames/);
    assert.deepEqual(suite.session.emulator.log.writes(), []);
  });
});
