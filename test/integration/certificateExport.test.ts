import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { emulatorSuite } from './support/emulatorSuite';
import { child, rows } from './support/treeItems';

interface ApiZone {
  id: string;
  name: string;
}
interface ApiCertificate {
  id: string;
  certificate: string;
}
interface ApiHostname {
  id: string;
  hostname: string;
  ssl?: { custom_certificate?: string; certificates?: { id: string; fingerprint_sha256?: string }[] };
}

/** "Copy PEM" and "Save Certificate As…" on what Cloudflare holds, and words where it returns no PEM. */
describe('Copy PEM and Save Certificate As', function () {
  const suite = emulatorSuite({ transitionMs: 100 }, { initialDelayMs: 50, maxDelayMs: 100, timeoutMs: 10_000 });
  const pemOf = (text: string) => text.replace(/\r\n/g, '\n').trim();

  it('copies and saves the PEM of a client certificate exactly as Cloudflare returns it', async () => {
    const [zone] = await suite.session.get<ApiZone[]>('/zones?name=example.com');
    const held = await suite.session.get<ApiCertificate[]>(`/zones/${zone.id}/origin_tls_client_auth/hostnames/certificates`);
    const zoneRow = await child(suite.session.api, undefined, 'example.com');
    const [row] = await rows(suite.session.api, (await child(suite.session.api, zoneRow.node, 'Client Certificates (AOP)')).node);
    const expected = held.find((certificate) => certificate.id === row.node.cloudflareId)!.certificate;
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('cloudflareCertificates.copyPem', row.node);
    assert.equal(pemOf(await vscode.env.clipboard.readText()), pemOf(expected));
    const file = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'saved-client.pem');
    fs.rmSync(file, { force: true });
    suite.prompts.answer(file);
    await vscode.commands.executeCommand('cloudflareCertificates.saveCertificateAs', row.node);
    assert.equal(pemOf(fs.readFileSync(file, 'utf8')), pemOf(expected));
    assert.match(suite.prompts.messages.map((message) => message.text).join('\n'), /Saved .+ to saved-client\.pem/);
  });

  it("copies a pack certificate's PEM where the API returns it, and says in words where it does not", async () => {
    const [zone] = await suite.session.get<ApiZone[]>('/zones?name=saas-platform.net');
    const hostnames = await suite.session.get<ApiHostname[]>(`/zones/${zone.id}/custom_hostnames?per_page=50`);
    const hostname = hostnames.find((candidate) => candidate.ssl?.certificates?.length === 2 && candidate.ssl.custom_certificate);
    assert.ok(hostname, 'the demo seed has a pack of two with a custom certificate in its first page');
    const group = await child(suite.session.api, (await child(suite.session.api, undefined, 'saas-platform.net')).node, 'Custom Hostnames');
    const [pack] = await rows(suite.session.api, (await child(suite.session.api, group.node, hostname.hostname)).node);
    const certificates = await rows(suite.session.api, pack.node);
    const [withPem, withoutPem] = hostname.ssl!.certificates!.map((certificate) =>
      certificates.find((row) => row.node.cloudflareId === certificate.id),
    );
    assert.ok(withPem && withoutPem);
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('cloudflareCertificates.copyPem', withPem.node);
    assert.equal(pemOf(await vscode.env.clipboard.readText()), pemOf(hostname.ssl!.custom_certificate!));
    await vscode.env.clipboard.writeText('untouched');
    await vscode.commands.executeCommand('cloudflareCertificates.copyPem', withoutPem.node);
    await vscode.commands.executeCommand('cloudflareCertificates.saveCertificateAs', withoutPem.node);
    assert.equal(await vscode.env.clipboard.readText(), 'untouched');
    assert.deepEqual(suite.prompts.asked, [], 'no save dialog for a certificate without PEM');
    const words = suite.prompts.messages.map((message) => message.text);
    assert.equal(words.length, 2);
    for (const text of words) {
      assert.match(text, /Cloudflare's API does not return the PEM of the (RSA|ECDSA) certificate of .+: it lists a pack's certificates/);
    }
  });
});
