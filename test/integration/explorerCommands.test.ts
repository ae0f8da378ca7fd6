import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, startEmulatorSession, type EmulatorSession } from './support/emulatorSession';
import { ScriptedPrompts } from './support/scriptedPrompts';
import { child, rows } from './support/treeItems';

interface ApiZone {
  id: string;
  name: string;
  account: { id: string };
}

describe('Explorer commands', function () {
  let session: EmulatorSession;
  let zones: ApiZone[];

  before(async () => {
    session = await startEmulatorSession();
    zones = await session.get<ApiZone[]>('/zones?per_page=50');
  });

  after(async () => {
    await session?.stop();
  });

  it('copies the Cloudflare id of a zone and of a certificate', async () => {
    const zoneRow = await child(session.api, undefined, 'example.com');
    await vscode.commands.executeCommand('cloudflareCertificates.copyId', zoneRow.node);
    assert.equal(await vscode.env.clipboard.readText(), zones.find((zone) => zone.name === 'example.com')!.id);
    const [certificate] = await rows(session.api, (await child(session.api, zoneRow.node, 'Client Certificates (AOP)')).node);
    await vscode.commands.executeCommand('cloudflareCertificates.copyId', certificate.node);
    assert.equal(await vscode.env.clipboard.readText(), certificate.item.id!.split('/').pop());
  });

  it("opens the zone's SSL/TLS pages of the dashboard for certificates and custom hostnames", async () => {
    const zone = zones.find((candidate) => candidate.name === 'example.com')!;
    const zoneRow = await child(session.api, undefined, 'example.com');
    const [aop, saas] = await rows(session.api, zoneRow.node);
    const base = `https://dash.cloudflare.com/${zone.account.id}/example.com`;
    assert.equal(zoneRow.node.dashboardUrl?.(), base);
    assert.equal(aop.node.dashboardUrl?.(), `${base}/ssl-tls/origin`);
    assert.equal(saas.node.dashboardUrl?.(), `${base}/ssl-tls/custom-hostnames`);
    const [certificate] = await rows(session.api, aop.node);
    assert.equal(certificate.node.dashboardUrl?.(), `${base}/ssl-tls/origin`);
  });

  it('lists the expiring certificates from the status bar and reveals the chosen one in the tree', async () => {
    await eventually('the status bar count', async () => {
      await session.api.tree.getChildren();
      const loaded = session.api.data.loaded();
      if (loaded.aop.size < zones.length || loaded.customHostnames.size < zones.length) {
        return undefined;
      }
      session.api.statusBar.update();
      return session.api.statusBar.current.length > 0 ? true : undefined;
    });
    const prompts = new ScriptedPrompts(session.api);
    try {
      let offered: string[] = [];
      // The one chosen, as the list offered it: the command lists the status bar's certificates anew,
      // and a zone loaded again meanwhile (the background scan) may order two of the same expiry differently.
      let chosen: string | undefined;
      prompts.answer((items) => {
        offered = (items as { label: string }[]).map((item) => item.label);
        chosen = (items as { certificate?: { nodeId: string } }[])[0]?.certificate?.nodeId;
        return offered[0];
      });
      await vscode.commands.executeCommand('cloudflareCertificates.showExpiring');
      assert.equal(offered.length, session.api.statusBar.current.length);
      assert.ok(
        session.api.statusBar.current.some((certificate) => certificate.nodeId === chosen),
        'the chosen item is one of the expiring certificates',
      );
      await eventually('the revealed certificate to be selected', () =>
        session.api.treeView.selection[0]?.id === chosen ? true : undefined,
      );
    } finally {
      prompts.restore();
    }
  });
});
