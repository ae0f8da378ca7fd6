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
    assert.ok(
      shown.some((row) => row.label === target.hostname),
      'the group lists the revealed hostname after its page',
    );
    assert.ok(shown.length < 60, `the group still shows a page, not ${shown.length} rows`);
  });
});

describe('Find Zone', () => {
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
});
