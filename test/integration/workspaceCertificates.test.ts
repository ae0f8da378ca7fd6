import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createCertificate, days } from '../fixtures/certificateFactory';
import { eventually } from './support/emulatorSession';
import { emulatorSuite } from './support/emulatorSuite';

interface ApiZone {
  id: string;
  name: string;
}
interface ApiCertificate {
  certificate?: string;
  status: string;
}

/**
 * The Workspace Certificates view over a generated workspace against the emulator: a certificate
 * Cloudflare holds, its newer version in a Kubernetes Secret (base64), an unrelated one in JSON, a
 * chain member, and a file too big to read, each said as the view says it.
 */
describe('Workspace Certificates', function () {
  const suite = emulatorSuite({}, { initialDelayMs: 50, maxDelayMs: 150, timeoutMs: 15_000 });
  let folder: string;

  before(async () => {
    folder = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, `workspace-view-${Date.now()}`);
    fs.mkdirSync(folder);
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  /** Every certificate row the view shows, as "file: label · description". */
  async function rows(): Promise<string[]> {
    const { tree } = suite.session.api.workspace;
    const lines: string[] = [];
    for (const node of await tree.getChildren()) {
      const item = tree.getTreeItem(node);
      for (const child of await tree.getChildren(node)) {
        const row = tree.getTreeItem(child);
        lines.push(`${String(item.label)}: ${String(row.label)} · ${String(row.description)}`);
      }
      if (node.kind === 'message') {
        lines.push(String(item.label));
      }
    }
    return lines;
  }

  it('shows which are held, newer, unrelated or chain members, and says what it skipped', async () => {
    const { api } = suite.session;
    await api.account.whenScanned();
    const [zone] = await suite.session.get<ApiZone[]>('/zones?name=example.com');
    const held = (await suite.session.get<ApiCertificate[]>(`/zones/${zone.id}/origin_tls_client_auth/hostnames/certificates`)).find(
      (certificate) => certificate.certificate && certificate.status === 'active',
    )!;
    const heldName = /CN=([^,\n]+)/.exec(new (await import('node:crypto')).X509Certificate(held.certificate!).subject)?.[1] ?? '';
    const renewed = await createCertificate({ commonName: heldName, notAfter: days(800) });
    const unrelated = await createCertificate({ commonName: 'unrelated.example.net', notAfter: days(90) });
    const ca = await createCertificate({ commonName: 'Workspace Test CA', isCA: true });
    fs.writeFileSync(path.join(folder, 'held.pem'), held.certificate!);
    const base64 = (text: string) => Buffer.from(text).toString('base64');
    fs.writeFileSync(
      path.join(folder, 'secret.yaml'),
      `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${base64(renewed.certPem)}\n  tls.key: ${base64(renewed.key.pkcs8Pem)}\n`,
    );
    fs.writeFileSync(path.join(folder, 'config.json'), JSON.stringify({ cert: unrelated.certPem }));
    fs.writeFileSync(path.join(folder, 'ca.crt'), ca.certPem);
    fs.writeFileSync(path.join(folder, 'huge.pem'), `${unrelated.certPem}${'#'.repeat(1_100_000)}`);
    await api.workspace.scanner.rescan();
    const shown = await eventually('the workspace rows', async () => {
      const lines = await rows();
      return lines.some((line) => line.includes('secret.yaml')) ? lines : undefined;
    });
    const line = (file: string) => shown.find((entry) => entry.includes(`/${file}:`) || entry.startsWith(`${file}:`)) ?? shown.join('\n');
    assert.match(line('held.pem'), /held by Cloudflare: example\.com › client certificate/);
    assert.match(
      line('secret.yaml'),
      /expires in 800 days · (newer than Cloudflare's copy in example\.com|Cloudflare's copy (expires in \d+ days|expires tomorrow|expires today|has expired); this file has its replacement)/,
    );
    assert.match(line('config.json'), /unrelated\.example\.net · expires in 90 days · not on Cloudflare/);
    assert.match(line('ca.crt'), /chain member \(CA certificate\)/);
    assert.ok(
      shown.some((entry) => /^Skipped: .*huge\.pem \(\d+ KB, over 1 MB\)/.test(entry)),
      shown.join('\n'),
    );
  });

  it('follows a file that changes without scanning the workspace again', async () => {
    const later = await createCertificate({ commonName: 'later.example.net', notAfter: days(30) });
    const config = vscode.Uri.file(path.join(folder, 'config.json'));
    // Saved through VS Code's file service, as an editor or another extension saves it.
    await vscode.workspace.fs.writeFile(config, Buffer.from(JSON.stringify({ cert: later.certPem })));
    const shown = await eventually('the changed file to show', async () => {
      const lines = await rows();
      return lines.some((entry) => /later\.example\.net · expires in 30 days/.test(entry)) ? lines : undefined;
    });
    assert.ok(!shown.some((entry) => /unrelated\.example\.net/.test(entry)), 'the old content is gone');
  });

  it('offers "Rotate on Cloudflare…" in the CodeLens of a newer block, not of an unrelated one, and rotates to it', async () => {
    const { api, emulator } = suite.session;
    const zoneName = `workspace-rotate-${Date.now()}.example`;
    const zoneId = emulator.state.addZone(zoneName).id;
    const commonName = 'rotate-ws.example.org';
    const old = await createCertificate({ commonName, sans: [commonName], notAfter: days(6) });
    const oldId = emulator.state.uploadAopCertificate(zoneId, old.certPem, old.key.pkcs8Pem, { fixedStatus: 'active' }).id;
    emulator.state.updateAssociations(zoneId, [{ hostname: `www.${zoneName}`, cert_id: oldId, enabled: true }], { immediate: true });
    await api.account.refresh();
    await api.account.whenScanned();
    const renewed = await createCertificate({ commonName, sans: [commonName], notAfter: days(400), keyKind: 'ECDSA' });
    const unrelated = await createCertificate({ commonName: 'elsewhere.example.net', notAfter: days(400) });
    const open = async (name: string, text: string) => {
      const file = path.join(folder, name);
      fs.writeFileSync(file, text);
      const document = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(document);
      return eventually(`the lenses of ${name}`, async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
        return found.some((lens) => /Cloudflare/.test(lens.command?.title ?? '')) ? found : undefined;
      });
    };
    const titles = (lenses: vscode.CodeLens[]) => lenses.map((lens) => lens.command?.title ?? '');

    const otherLenses = await open('unrelated.pem', `${unrelated.certPem}${unrelated.key.pkcs8Pem}`);
    assert.ok(titles(otherLenses).includes('Upload to Cloudflare…'), titles(otherLenses).join(' | '));
    assert.ok(!titles(otherLenses).includes('Rotate on Cloudflare…'), titles(otherLenses).join(' | '));

    const lenses = await open('renewed.pem', `${renewed.certPem}${renewed.key.pkcs8Pem}`);
    const rotate = lenses.find((lens) => lens.command?.title === 'Rotate on Cloudflare…');
    assert.ok(rotate?.command, titles(lenses).join(' | '));
    assert.ok(!titles(lenses).includes('Upload to Cloudflare…'), titles(lenses).join(' | '));

    suite.prompts.answer('Rotate', undefined);
    await vscode.commands.executeCommand(rotate.command.command, ...(rotate.command.arguments ?? []));
    const serving = emulator.state.servingCertificate(zoneId, `www.${zoneName}`)?.certId;
    const record = emulator.state.aopCertificatesOf(zoneId).find((entry) => entry.id === serving);
    assert.equal(record?.certificate.serialNumber, renewed.serialNumber, "the hostname serves the file's certificate");
    assert.match(
      suite.prompts.asked.map((question) => question.text).join('\n'),
      new RegExp(`Rotate "[^"]+" in ${zoneName.replace(/\./g, '\\.')} to "`),
    );
  });
});
