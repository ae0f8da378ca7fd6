import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { NodeIds } from '../../src/model/nodeIds';
import { eventually, type EmulatorSession } from './support/emulatorSession';
import { emulatorSuite } from './support/emulatorSuite';
import { child, rows } from './support/treeItems';

const POLL = { initialDelayMs: 50, maxDelayMs: 100, timeoutMs: 10_000 };
const HOSTNAMES = 100_000;

/** The zone's list as the scan loads it (1,000 a page) never arrives: every row shown must come from a page of 50. */
const WHOLE_LIST_HANGS = { kind: 'hang', path: '/custom_hostnames$', query: 'per_page=1000', times: Infinity } as const;

/**
 * Forgets the zone's loaded list and lets the scan's whole list hang, so every row shown must come from
 * a page of 50; returns the pages asked for since, as [page, per_page].
 */
function withoutWholeList(session: EmulatorSession, zoneId: string): () => string[][] {
  session.emulator.faults.add(WHOLE_LIST_HANGS);
  session.api.data.reload(zoneId, 'customHostnames');
  session.emulator.log.clear();
  return () =>
    session.emulator.log
      .entries()
      .filter((entry) => entry.path === `/zones/${zoneId}/custom_hostnames` && entry.query.per_page !== '1000')
      .map((entry) => [entry.query.page, entry.query.per_page]);
}

describe('Custom Hostnames page by page among 100,000 (scale seed)', function () {
  this.timeout(180_000);
  const suite = emulatorSuite(
    { seed: { zones: 1, certificatesPerZone: 1, associationsPerCertificate: 1, customHostnamesPerZone: HOSTNAMES }, transitionMs: 100 },
    POLL,
  );

  it('shows the first rows after one request of 50 without the whole list, in ranges where each page is one request however deep', async () => {
    const { api, emulator } = suite.session;
    const zone = emulator.state.zones[0];
    const all = emulator.state.customHostnamesOf(zone.id).map((hostname) => hostname.hostname);
    // Forget what the scan may have loaded already: the group must do without it.
    const pages = withoutWholeList(suite.session, zone.id);
    const timed = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      const result = await work();
      console.log(`      ${what}: ${Date.now() - started} ms`);
      return result;
    };

    const zoneRow = await child(api, undefined, zone.name);
    // What VS Code shows on the zone's row: it asks for the item again only when the row is fired.
    const zoneShows: (string | undefined)[] = [];
    const fired = api.tree.onDidChangeTreeData(async (node) => {
      if (node === zoneRow.node) {
        zoneShows.push((await api.tree.getTreeItem(zoneRow.node)).description as string | undefined);
      }
    });
    const group = await child(api, zoneRow.node, 'Custom Hostnames');
    assert.equal(group.description, '100,000', "Cloudflare's count, from result_info, as the language writes it");
    await eventually('the zone row to be shown again with the count', async () =>
      zoneShows.at(-1)?.includes('100,000 custom hostnames') ? true : undefined,
    );
    fired.dispose();
    const top = await timed('the group opened', () => rows(api, group.node));
    assert.deepEqual(top.map((row) => row.label).slice(0, 2), ['1–5,000', '5,001–10,000']);
    assert.equal(top.length, 20);
    assert.equal(top.at(-1)?.label, '95,001–100,000');
    assert.equal(top[0].item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'opening the group shows its first page');
    const firstPages = await rows(api, top[0].node);
    assert.equal(firstPages.length, 100);
    assert.deepEqual([firstPages[0].label, firstPages[0].item.collapsibleState], ['1–50', vscode.TreeItemCollapsibleState.Expanded]);
    const first = await rows(api, firstPages[0].node);
    assert.deepEqual(
      first.map((row) => row.label),
      all.slice(0, 50),
    );
    assert.deepEqual(pages(), [['1', '50']], 'one request of 50 brought the count and the first rows');

    const next = await timed('the next page', () => rows(api, firstPages[1].node));
    assert.deepEqual(
      next.map((row) => row.label),
      all.slice(50, 100),
    );
    const lastPages = await rows(api, top.at(-1)!.node);
    const last = await timed('the last page, 100,000 rows deep', () => rows(api, lastPages.at(-1)!.node));
    assert.deepEqual(
      last.map((row) => row.label),
      all.slice(HOSTNAMES - 50),
    );
    assert.deepEqual(
      pages(),
      [
        ['1', '50'],
        ['2', '50'],
        ['2000', '50'],
      ],
      'each further page one request, wherever it lies',
    );
  });

  it('reveals a found hostname through its range when its page has loaded, and lists it in the group when its place is unknown', async () => {
    const { api, emulator } = suite.session;
    const zone = emulator.state.zones[0];
    emulator.faults.add(WHOLE_LIST_HANGS);
    api.data.reload(zone.id, 'customHostnames');
    const records = emulator.state.customHostnamesOf(zone.id);
    const opened = await child(api, (await child(api, undefined, zone.name)).node, 'Custom Hostnames');
    const lastPages = await rows(api, (await rows(api, opened.node)).at(-1)!.node);
    await rows(api, lastPages.at(-1)!.node);
    const find = async (index: number) => {
      suite.prompts.answer(records[index].hostname);
      await vscode.commands.executeCommand('cloudflareCertificates.findCustomHostname');
      const nodeId = NodeIds.customHostname(zone.id, records[index].id);
      await eventually('the found hostname to be selected', () => (api.treeView.selection[0]?.id === nodeId ? true : undefined));
      return api.tree.getParent(api.treeView.selection[0]);
    };
    emulator.log.clear();
    const onLoadedPage = await find(HOSTNAMES - 7);
    assert.equal(onLoadedPage?.id.includes('/range/'), true, `under its range, not ${onLoadedPage?.id}`);
    const unknown = await find(73_456);
    assert.equal(unknown?.id, NodeIds.customHostnames(zone.id), 'listed by the group itself');
    assert.deepEqual(
      emulator.log
        .entries()
        .filter((entry) => entry.query.per_page === '50')
        .map((entry) => entry.query.page),
      [],
      'no page before either was loaded to reveal it',
    );
    const group = await child(api, (await child(api, undefined, zone.name)).node, 'Custom Hostnames');
    const listed = await rows(api, group.node);
    assert.equal(listed[0].label, records[73_456].hostname);
    assert.equal(listed.length, 21, 'the revealed row, then the ranges');
    // Then the scan's whole list arrives: the row the person went to keeps its place, not moved into a collapsed range.
    emulator.faults.clear();
    api.data.reload(zone.id, 'customHostnames');
    await eventually('the whole list to load', () => (api.data.loaded().customHostnames.get(zone.id)?.complete ? true : undefined));
    const again = await child(api, (await child(api, undefined, zone.name)).node, 'Custom Hostnames');
    const after = await rows(api, again.node);
    assert.ok(
      after.some((row) => row.label === records[73_456].hostname),
      `still listed by the group itself once its range is known: ${after.map((row) => row.label).join(', ')}`,
    );
  });
});

describe('Custom Hostnames page by page with Load more (demo seed)', () => {
  const suite = emulatorSuite({ transitionMs: 100 }, POLL);

  it('asks Cloudflare for the next page only at each Load more while the whole list has not loaded', async () => {
    const { api, emulator } = suite.session;
    const zone = emulator.state.zones.find((candidate) => candidate.name === 'saas-platform.net')!;
    const all = emulator.state.customHostnamesOf(zone.id).map((hostname) => hostname.hostname);
    // A refresh of the whole account still settling from the suite's start would forget the pages mid-test.
    await api.account.whenScanned();
    const pages = withoutWholeList(suite.session, zone.id);
    const group = await child(api, (await child(api, undefined, zone.name)).node, 'Custom Hostnames');
    let shown = await rows(api, group.node);
    assert.deepEqual(
      shown.slice(0, 50).map((row) => row.label),
      all.slice(0, 50),
    );
    assert.deepEqual([shown[50].label, shown[50].description], ['Load more', `50 of ${all.length} shown`]);
    assert.deepEqual(pages(), [['1', '50']]);
    await vscode.commands.executeCommand('cloudflareCertificates.loadMore', group.node);
    shown = await rows(api, group.node);
    assert.deepEqual(
      shown.slice(0, 100).map((row) => row.label),
      all.slice(0, 100),
    );
    assert.deepEqual(
      pages(),
      [
        ['1', '50'],
        ['2', '50'],
      ],
      'Load more is one request, of the next page',
    );
  });
});
