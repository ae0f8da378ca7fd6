import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
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
 * The account model against the emulator, with no view asked for anything: it lists and scans every
 * zone on its own, the status bar and the editor's hover and CodeLens answer from it, and the tree's
 * requests are never what loads the account.
 */
describe('The account model knows the account with no view open', function () {
  const suite = emulatorSuite({}, { initialDelayMs: 50, maxDelayMs: 150, timeoutMs: 15_000 });

  it('scans every zone after a refresh without the tree asking, and the status bar warns from it', async () => {
    const { api } = suite.session;
    const zones = await suite.session.get<ApiZone[]>('/zones?per_page=50');
    await api.account.refresh();
    const scan = await api.account.whenScanned();
    assert.equal(api.account.status, 'ready');
    assert.deepEqual(scan, { zones: zones.length, scanned: zones.length, failed: 0, running: false, complete: true });
    const loaded = api.data.loaded();
    assert.equal(loaded.aop.size, zones.length);
    assert.equal(loaded.customHostnames.size, zones.length);
    // Each zone's three parts, listed once: the scan is the only reader here.
    const perZone = suite.session.emulator.log
      .entries()
      .filter((entry) => entry.method === 'GET' && /\/origin_tls_client_auth\/hostnames\/certificates$/.test(entry.path.split('?')[0]));
    // Every zone's client certificates were listed, though no view asked for any of them.
    for (const zone of zones) {
      assert.ok(
        perZone.some((entry) => entry.path.includes(`/zones/${zone.id}/`)),
        zone.name,
      );
    }
    const text = await eventually('the status bar to warn', () => api.statusBar.text);
    assert.match(text, /\d+ expired · \d+ expire within 30 days/);
  });

  it('says "Held by Cloudflare (example.com)" in the CodeLens of a PEM the account holds, with no view open', async () => {
    const { api } = suite.session;
    await api.account.whenScanned();
    const [zone] = await suite.session.get<ApiZone[]>('/zones?name=example.com');
    const held = (await suite.session.get<ApiCertificate[]>(`/zones/${zone.id}/origin_tls_client_auth/hostnames/certificates`)).find(
      (certificate) => certificate.certificate && certificate.status === 'active',
    );
    assert.ok(held?.certificate);
    const document = await vscode.workspace.openTextDocument({ content: held.certificate, language: 'plaintext' });
    await vscode.window.showTextDocument(document);
    const lenses = await eventually('the lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return found.some((lens) => lens.command?.title.startsWith('Held by Cloudflare')) ? found : undefined;
    });
    const titles = lenses.map((lens) => lens.command?.title);
    assert.ok(titles.includes('Held by Cloudflare (example.com)'), titles.join(' | '));
    assert.ok(!titles.includes('Upload to Cloudflare…'), titles.join(' | '));
    const [hover] = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      new vscode.Position(1, 3),
    );
    const markdown = hover.contents
      .map((content) => (typeof content === 'string' ? content : (content as vscode.MarkdownString).value))
      .join('\n');
    assert.match(markdown, /Held by Cloudflare: yes\\: client certificate in example\\\.com/);
  });

  it('a token Cloudflare rejects is the tokenRejected status, with its welcome view, and a good token loads again', async () => {
    const { api } = suite.session;
    await api.tokens.set('revoked-token');
    await eventually('the rejected status', () => (api.account.status === 'tokenRejected' ? true : undefined));
    assert.equal(api.tree.isTokenRejected, true);
    await api.tokens.set('demo-token');
    await eventually('the ready status', () => (api.account.status === 'ready' ? true : undefined));
    await api.account.whenScanned();
  });

  it('notifies once what crossed the expiry windows when the watch is turned on, and not again after a refresh', async () => {
    const { api } = suite.session;
    await api.account.whenScanned();
    const config = vscode.workspace.getConfiguration('cloudflareCertificates');
    try {
      await config.update('expiryCheckIntervalHours', 12, vscode.ConfigurationTarget.Global);
      const said = await eventually('the watch to notify', () =>
        suite.prompts.messages.find((message) => /Cloudflare holds (expired|crossed)/.test(message.text)),
      );
      assert.equal(said.kind, 'error', 'something expired: an error notification');
      assert.match(
        said.text,
        /^\d+ certificates? Cloudflare holds expired: ".+"\. \d+ certificates? Cloudflare holds crossed 7 days to expiry: /,
      );
      const count = suite.prompts.messages.length;
      await api.account.refresh();
      await api.account.whenScanned();
      assert.deepEqual(await api.watch.whenChecked(), [], 'the check after the refresh found nothing new');
      assert.equal(suite.prompts.messages.length, count, 'said once, not again after the refresh');
    } finally {
      await config.update('expiryCheckIntervalHours', 0, vscode.ConfigurationTarget.Global);
    }
  });
});
