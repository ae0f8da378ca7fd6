import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createCertificate, createChain, days, generateKey } from '../fixtures/certificateFactory';
import { emulatorSuite } from './support/emulatorSuite';
import { child, rows } from './support/treeItems';

function workspaceFile(name: string, text: string): vscode.Uri {
  const file = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, name);
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

/**
 * The upload sends exactly what the person pointed at, checks what needs no key before asking for
 * one, and uses the key it can find before asking; what was sent is read from the emulator's log.
 */
describe('What an upload sends, and what it asks', function () {
  const groupNode = async (zone: string) =>
    (await child(suite.session.api, (await child(suite.session.api, undefined, zone)).node, 'Client Certificates (AOP)')).node;

  const suite = emulatorSuite({ transitionMs: 100 }, { initialDelayMs: 50, maxDelayMs: 100, timeoutMs: 10_000 });

  it('refuses a CA certificate in words, though another open editor holds a certificate and its key, and sends nothing', async () => {
    const { root } = await createChain({ commonName: 'wrong-pick.example.org' });
    const other = await createCertificate({ commonName: 'expiring.example.com', notAfter: days(5) });
    await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(workspaceFile('expiring.example.com.pem', `${other.certPem}${other.key.pkcs8Pem}`)),
      { preview: false },
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('ca.pem', root.certPem)), {
      preview: false,
    });
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromEditor', await groupNode('example.org'));
    assert.deepEqual(suite.session.emulator.log.writes(), [], 'nothing is sent');
    assert.deepEqual(suite.prompts.asked, [], 'no question before the refusal');
    assert.match(suite.prompts.messages.find((message) => message.kind === 'error')?.text ?? '', /CA certificate/);
  });

  it('uploads the certificate of the chosen document, taking only the key from another editor', async () => {
    // Keys of their own: the factory shares one key per kind, which an editor left open would also hold.
    const chosen = await createCertificate({ commonName: 'chosen.example.org', key: await generateKey('ECDSA') });
    const decoy = await createCertificate({ commonName: 'decoy.example.org', key: chosen.key });
    // The key's document also holds another certificate with the same key: it must not be sent.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: `${decoy.certPem}${chosen.key.pkcs8Pem}` }), {
      preview: false,
    });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('chosen.pem', chosen.certPem)), {
      preview: false,
    });
    suite.prompts.answer('Upload');
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromEditor', await groupNode('example.org'));
    const [post] = suite.session.emulator.log.writes();
    assert.equal(post?.method, 'POST');
    const stored = suite.session.emulator.state.aopCertificates.filter((record) =>
      [chosen.serialNumber, decoy.serialNumber].includes(record.certificate.serialNumber),
    );
    assert.deepEqual(
      stored.map((record) => record.certificate.serialNumber),
      [chosen.serialNumber],
    );
    const confirm = suite.prompts.asked.find((question) => question.kind === 'confirm')?.text ?? '';
    assert.match(confirm, /^Upload "chosen\.example\.org" from chosen\.pem to example\.org\?/);
    assert.match(confirm, /As an Authenticated Origin Pulls client certificate for example\.org/);
    assert.match(confirm, /Subject: CN=chosen\.example\.org/);
    assert.match(confirm, /Private key: from Untitled-\d+/);
  });

  it('says a key beside the file does not match instead of first asking for a key file', async () => {
    const certificate = await createCertificate({ commonName: 'beside.example.org', key: await generateKey('RSA') });
    const stranger = await generateKey('ECDSA');
    const uri = workspaceFile('beside.crt', certificate.certPem);
    workspaceFile('beside.key', stranger.pkcs8Pem);
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromFile', uri);
    assert.deepEqual(
      suite.prompts.asked.map((question) => question.kind),
      [],
      'no file picker, no zone question',
    );
    assert.match(
      suite.prompts.messages.find((message) => message.kind === 'error')?.text ?? '',
      /does not belong to the certificate "beside\.example\.org"/,
    );
    assert.deepEqual(suite.session.emulator.log.writes(), []);
  });

  it('makes the safe choice the answer to an expired certificate, and sends nothing unless the person picks "Upload Anyway"', async () => {
    const expired = await createCertificate({ commonName: 'expired-default.example.org', notBefore: days(-60), notAfter: days(-2) });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: `${expired.certPem}${expired.key.pkcs8Pem}` }));
    suite.prompts.answer("Don't Upload");
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromEditor', await groupNode('example.org'));
    assert.deepEqual(suite.session.emulator.log.writes(), []);
    suite.prompts.answer('Upload Anyway', 'Upload');
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromEditor', await groupNode('example.org'));
    assert.deepEqual(
      suite.session.emulator.log.writes().map((entry) => entry.method),
      ['POST'],
    );
  });

  it("opens a certificate's details when its row is clicked", async () => {
    const [certificate] = await rows(suite.session.api, await groupNode('example.org'));
    const command = certificate.item.command;
    assert.equal(command?.command, 'cloudflareCertificates.showDetails');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.document.uri.scheme, 'cloudflare-certificate');
    assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /Serial number/i);
  });

  it('offers Delete on the last certificate of a pack in its menu, so the refusal is said instead of the item missing', () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(vscode.extensions.getExtension('cfcerts.cloudflare-certificates')!.extensionPath, 'package.json'), 'utf8'),
    ) as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
    const deleteWhen = manifest.contributes.menus['view/item/context'].find(
      (entry) => entry.command === 'cloudflareCertificates.deleteCertificate',
    )!.when!;
    const viewItem = /viewItem =~ \/(.+?)\/(?: |$)/.exec(deleteWhen)?.[1];
    assert.ok(viewItem && new RegExp(viewItem).test('packCertificate last'), deleteWhen);
  });
});
