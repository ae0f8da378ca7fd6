import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createChain, createCertificate, generateKey } from '../fixtures/certificateFactory';
import { pkcs12Bundle } from '../fixtures/pkcs12Bundle';
import { emulatorSuite } from './support/emulatorSuite';

function workspaceFile(name: string, bytes: Uint8Array): vscode.Uri {
  const file = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, name);
  fs.writeFileSync(file, bytes);
  return vscode.Uri.file(file);
}

/** The passphrase box must hide what is typed; answering through this checks that it does. */
const hidden =
  (passphrase: string) =>
  (options: unknown): string => {
    assert.equal((options as vscode.InputBoxOptions).password, true, 'a password box');
    return passphrase;
  };

/** PKCS#12 bundles (generated here, never committed) uploaded from the Explorer and from the palette. */
describe('PKCS#12 upload', function () {
  const suite = emulatorSuite({ transitionMs: 100 }, { initialDelayMs: 50, maxDelayMs: 100, timeoutMs: 10_000 });

  it('uploads a .p12 from the Explorer: asks the passphrase again when it is wrong, then sends the leaf, its chain and its key', async () => {
    const { leaf, intermediates } = await createChain({ commonName: 'p12-upload.example.org', key: await generateKey('ECDSA') });
    const uri = workspaceFile(
      'client.p12',
      pkcs12Bundle({ certPem: leaf.certPem, keyPem: leaf.key.pkcs8Pem, chainPem: intermediates[0].certPem, passphrase: 'open sesame' }),
    );
    suite.prompts.answer(hidden('not it'), hidden('open sesame'), 'example.org', 'Upload');
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromFile', uri);
    const stored = suite.session.emulator.state.aopCertificates.find((record) => record.certificate.serialNumber === leaf.serialNumber);
    assert.ok(stored, 'Cloudflare holds the certificate');
    assert.deepEqual(
      suite.prompts.asked.map((question) => question.kind),
      ['inputBox', 'inputBox', 'quickPick', 'confirm'],
    );
    assert.match(suite.prompts.asked[3].text, /Upload "p12-upload\.example\.org" from client\.p12 to example\.org\?/);
    assert.match(suite.prompts.asked[3].text, /Private key: in client\.p12/);
    assert.ok(!suite.prompts.messages.some((message) => /open sesame|not it/.test(message.text)), 'the passphrase is never shown');
  });

  it('from the palette, refuses a bundle it cannot read with the openssl pkcs12 command, and sends nothing', async () => {
    const leaf = await createCertificate({ commonName: 'p12-legacy.example.org' });
    const uri = workspaceFile(
      'legacy.pfx',
      pkcs12Bundle({ certPem: leaf.certPem, keyPem: leaf.key.pkcs8Pem, passphrase: 'old', legacy: true }),
    );
    suite.prompts.answer(uri.fsPath, hidden('old'));
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromFile');
    assert.deepEqual(suite.session.emulator.log.writes(), [], 'nothing is sent');
    const error = suite.prompts.messages.find((message) => message.kind === 'error')?.text ?? '';
    assert.match(error, /legacy\.pfx/);
    assert.ok(error.includes('openssl pkcs12 -in bundle.p12 -nodes -out bundle.pem'), error);
    assert.ok(!error.includes('openssl x509 -inform der'), error);
  });

  it('a bundle named .cer is recognised by its bytes and opened with its passphrase', async () => {
    const leaf = await createCertificate({ commonName: 'p12-renamed.example.org', key: await generateKey('ECDSA') });
    const uri = workspaceFile('renamed.cer', pkcs12Bundle({ certPem: leaf.certPem, keyPem: leaf.key.pkcs8Pem, passphrase: 'pw' }));
    suite.prompts.answer(hidden('pw'), 'example.org', 'Upload');
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromFile', uri);
    assert.ok(suite.session.emulator.state.aopCertificates.some((record) => record.certificate.serialNumber === leaf.serialNumber));
  });
});
