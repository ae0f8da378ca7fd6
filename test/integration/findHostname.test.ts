import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { NodeIds } from '../../src/model/nodeIds';
import { eventually } from './support/emulatorSession';
import { emulatorSuite } from './support/emulatorSuite';
import { child, rows } from './support/treeItems';

const POLL = { initialDelayMs: 50, maxDelayMs: 100, timeoutMs: 10_000 };
const HOSTNAMES = 100_000;

/** Find Custom Hostname against the emulator's scale seed: one zone holding 100,000 custom hostnames. */
describe('Find Custom Hostname among 100,000 (scale seed)', function () {
  this.timeout(180_000);
  const suite = emulatorSuite(
    { seed: { zones: 1, certificatesPerZone: 1, associationsPerCertificate: 1, customHostnamesPerZone: HOSTNAMES }, transitionMs: 100 },
    POLL,
  );

  it('finds one hostname by part of its name with one request to Cloudflare, and reveals it far beyond the rows shown', async () => {
    const { api, emulator } = suite.session;
    const zone = emulator.state.zones[0];
    const target = emulator.state.customHostnames[HOSTNAMES - 2_783];
    suite.prompts.answer(target.hostname.split('.')[0].toUpperCase() + '.');
    const started = Date.now();
    await vscode.commands.executeCommand('cloudflareCertificates.findCustomHostname');
    const searches = emulator.log.entries().filter((entry) => entry.query['hostname.contain'] !== undefined);
    assert.deepEqual(
      searches.map((entry) => [entry.path, entry.query['hostname.contain'], entry.status]),
      [[`/zones/${zone.id}/custom_hostnames`, `${target.hostname.split('.')[0]}.`, 200]],
    );
    assert.deepEqual(suite.prompts.searches.at(-1)?.labels, [target.hostname]);
    assert.equal(suite.prompts.searches.at(-1)?.summary, '1 of 1 shown');
    const nodeId = NodeIds.customHostname(zone.id, target.id);
    await eventually('the found hostname to be selected in the tree', () => (api.treeView.selection[0]?.id === nodeId ? true : undefined));
    console.log(
      `      ${target.hostname} among ${HOSTNAMES}: search answered in ${suite.prompts.searches.at(-1)?.ms} ms, revealed after ${Date.now() - started} ms`,
    );
    const group = await child(api, (await child(api, undefined, zone.name)).node, 'Custom Hostnames');
    const shown = await rows(api, group.node);
    // Listed by the group while its place is unknown, else under the range that holds it (once the scan has loaded the list).
    const parent = api.tree.getParent(api.treeView.selection[0]);
    assert.ok(
      parent?.id === group.node.id ? shown.some((row) => row.label === target.hostname) : parent?.id.startsWith(`${group.node.id}/range/`),
      `the revealed hostname is in the group or under its range, not under ${parent?.id}`,
    );
    assert.ok(shown.length < 60, `the group still shows a page or ranges, not ${shown.length} rows`);
  });

  it("reveals a certificate from the status bar's list however deep its hostname lies in the group", async () => {
    const { api, emulator } = suite.session;
    const zone = emulator.state.zones[0];
    await eventually('every custom hostname to be loaded and counted', () => {
      api.statusBar.update();
      return api.data.loaded().customHostnames.get(zone.id)?.complete && api.statusBar.current.length > 0 ? true : undefined;
    });
    const expiring = new Map(api.statusBar.current.map((candidate) => [candidate.label.split(' ')[0], candidate]));
    const entry = emulator.state.customHostnames
      .slice(60_000)
      .map((record) => expiring.get(record.hostname))
      .find((candidate) => candidate !== undefined)!;
    suite.prompts.answer(entry.label);
    await vscode.commands.executeCommand('cloudflareCertificates.showExpiring');
    assert.deepEqual(
      suite.prompts.messages.map((message) => message.text),
      [],
    );
    await eventually('the certificate to be selected in the tree', () =>
      api.treeView.selection[0]?.id === entry.nodeId ? true : undefined,
    );
  });
});

describe('Find Zone, and Find and Filter Custom Hostnames on a group (demo seed)', () => {
  const suite = emulatorSuite({ transitionMs: 100 }, POLL);

  it('offers every zone the token sees and reveals the chosen one', async () => {
    const { api, emulator } = suite.session;
    let offered: string[] = [];
    suite.prompts.answer((items) => {
      offered = (items as { label: string }[]).map((item) => item.label);
      return 'staging.example.net';
    });
    await vscode.commands.executeCommand('cloudflareCertificates.findZone');
    assert.deepEqual(
      offered,
      emulator.state.zones.map((zone) => zone.name),
    );
    const zone = emulator.state.zones.find((candidate) => candidate.name === 'staging.example.net')!;
    await eventually('the zone to be selected', () => (api.treeView.selection[0]?.id === NodeIds.zone(zone.id) ? true : undefined));
  });

  it('searches only the zone of the Custom Hostnames group it was invoked on', async () => {
    const { api, emulator } = suite.session;
    const saas = await child(api, undefined, 'saas-platform.net');
    const group = await child(api, saas.node, 'Custom Hostnames');
    suite.prompts.answer('shop1');
    await vscode.commands.executeCommand('cloudflareCertificates.findCustomHostname', group.node);
    const searched = emulator.log.entries().filter((entry) => entry.query['hostname.contain'] !== undefined);
    assert.deepEqual(
      searched.map((entry) => entry.path),
      [`/zones/${emulator.state.zones.find((zone) => zone.name === 'saas-platform.net')!.id}/custom_hostnames`],
    );
    const found = suite.prompts.searches.at(-1)!;
    assert.ok(found.labels.length > 0 && found.labels.every((label) => label.includes('shop1')), found.labels.join(', '));
    assert.equal(suite.prompts.asked.at(-1)?.text, 'Find Custom Hostname in saas-platform.net');
  });

  it('filters the Custom Hostnames group on the server, pages through the filtered list, and clears in one click', async () => {
    const { api, emulator } = suite.session;
    const saasZone = emulator.state.zones.find((zone) => zone.name === 'saas-platform.net')!;
    // More than a page that needs attention, added on the server only: the filter must find them there.
    const added = Array.from({ length: 130 }, (_, i) =>
      emulator.state.addCustomHostname(saasZone.id, `waiting-${i}.saas-platform.net`, { sslStatus: 'pending_validation' }),
    );
    try {
      const matching = emulator.state
        .customHostnamesOf(saasZone.id)
        .filter((record) => emulator.state.sslStatus(record) === 'pending_validation');
      const groupRow = async () => child(api, (await child(api, undefined, 'saas-platform.net')).node, /^Custom Hostnames/);
      const group = (await groupRow()).node;
      suite.prompts.answer('Pending validation', 'Any', 'Any');
      await vscode.commands.executeCommand('cloudflareCertificates.filterCustomHostnames', group);
      const hostnames = (list: Awaited<ReturnType<typeof rows>>) => list.filter((row) => row.contextValue === 'customHostname');
      const first = await rows(api, group);
      assert.equal(hostnames(first).length, 50);
      assert.ok(
        hostnames(first).every((row) => matching.some((record) => record.hostname === row.label)),
        'only hostnames whose SSL is pending validation',
      );
      assert.deepEqual(
        emulator.log.entries().map((entry) => [entry.query.ssl_status, entry.query.page, entry.query.per_page]),
        [['pending_validation', '1', '50']],
        'filtered by Cloudflare, not the whole list',
      );
      const filtered = await groupRow();
      assert.equal(filtered.contextValue, 'customHostnames filtered');
      assert.equal(filtered.description, `filtered: SSL pending_validation · 50 of ${matching.length}`);
      assert.equal(first.at(-1)?.label, 'Load more');
      emulator.log.clear();
      await vscode.commands.executeCommand('cloudflareCertificates.loadMore', group);
      const second = await rows(api, group);
      assert.deepEqual(
        emulator.log.entries().map((entry) => [entry.query.ssl_status, entry.query.page]),
        [['pending_validation', '2']],
        'Load more is the next page of the filtered list',
      );
      assert.equal(hostnames(second).length, 100);
      await vscode.commands.executeCommand('cloudflareCertificates.clearCustomHostnameFilter', group);
      const cleared = await groupRow();
      assert.equal(cleared.contextValue, 'customHostnames');
      assert.equal(cleared.description, '120');
    } finally {
      for (const record of added) {
        emulator.state.removeCustomHostname(record);
      }
    }
  });
  it('Find Zone reveals a zone under its account when the token sees a second one; the setting lists zones flat', async () => {
    const { api, emulator } = suite.session;
    const partner = emulator.state.addZone('partner.example', {
      accountId: 'b2c3d4e5f60718293a4b5c6d7e8f90a1',
      accountName: 'Partner Account',
    });
    const settings = vscode.workspace.getConfiguration('cloudflareCertificates');
    try {
      await api.account.refresh();
      const accounts = await rows(api);
      assert.deepEqual(
        accounts.map((row) => [row.label, row.description, row.contextValue]),
        [
          ['Demo Account', `${emulator.state.zones.length - 1} zones`, 'account'],
          ['Partner Account', '1 zone', 'account'],
        ],
      );
      assert.deepEqual(
        (await rows(api, accounts[1].node)).map((row) => row.label),
        ['partner.example'],
      );
      suite.prompts.answer('partner.example');
      await vscode.commands.executeCommand('cloudflareCertificates.findZone');
      await eventually('the zone under its account to be selected', () =>
        api.treeView.selection[0]?.id === NodeIds.zone(partner.id) ? true : undefined,
      );
      assert.equal(api.tree.getParent(api.treeView.selection[0])?.id, accounts[1].node.id);

      await settings.update('groupZonesByAccount', false, vscode.ConfigurationTarget.Global);
      const flat = await eventually('the zones listed flat', async () => {
        const labels = (await rows(api)).map((row) => row.label);
        return labels.includes('partner.example') ? labels : undefined;
      });
      assert.deepEqual(
        flat,
        emulator.state.zones.map((zone) => zone.name),
      );
    } finally {
      await settings.update('groupZonesByAccount', undefined, vscode.ConfigurationTarget.Global);
      emulator.state.zones.splice(emulator.state.zones.indexOf(partner), 1);
      await api.account.refresh();
    }
  });
});
