import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createCertificate, createChain, days, generateKey } from '../fixtures/certificateFactory';
import { kubernetesTlsSecret } from '../fixtures/kubernetesSecret';
import { eventually } from './support/emulatorSession';
import { emulatorSuite } from './support/emulatorSuite';

async function openFile(name: string, text: string): Promise<vscode.TextDocument> {
  const file = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, name);
  fs.writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

function positionOf(document: vscode.TextDocument, text: string, plus = 0): vscode.Position {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text.slice(0, 20)}…" is not in the document`);
  return document.positionAt(offset + plus);
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** A kubernetes.io/tls Secret holds its PEM base64-encoded: the editor features read it there. */
describe('Kubernetes TLS Secret in the editor', function () {
  const suite = emulatorSuite({ transitionMs: 100 }, { initialDelayMs: 50, maxDelayMs: 100, timeoutMs: 10_000 });

  it('hovers, CodeLens and diagnostics land on the base64 values of tls.crt and tls.key', async () => {
    const leaf = await createCertificate({ commonName: 'k8s-hover.example.org', notAfter: days(12), key: await generateKey('RSA') });
    const document = await openFile(
      'tls-secret.yaml',
      kubernetesTlsSecret({ name: 'web', certPem: leaf.certPem, keyPem: leaf.key.pkcs8Pem }),
    );
    const certificateValue = positionOf(document, base64(leaf.certPem));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      positionOf(document, base64(leaf.certPem), 400),
    );
    const text = hovers
      .flatMap((hover) => hover.contents.map((content) => (content as vscode.MarkdownString).value ?? String(content)))
      .join('\n');
    assert.match(text, /k8s\\-hover\\\.example\\\.org/);
    assert.ok(text.includes(leaf.serialNumber), 'the serial number');
    assert.equal(hovers[0].range?.start.line, certificateValue.line);
    assert.equal(hovers[0].range?.start.character, certificateValue.character);
    const keyHovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      positionOf(document, base64(leaf.key.pkcs8Pem), 50),
    );
    assert.match(
      keyHovers.flatMap((hover) => hover.contents.map((content) => (content as vscode.MarkdownString).value)).join('\n'),
      /Matches the certificate "k8s\\-hover\\\.example\\\.org"/,
    );
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.deepEqual(
      lenses.map((lens) => [lens.command?.title, lens.range.start.line]),
      [
        ['Expires in 12 days', certificateValue.line],
        ['Upload to Cloudflare…', certificateValue.line],
      ],
    );
    const diagnostics = await eventually('the expiring diagnostic', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'Cloudflare Certificates');
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.range.start.character]),
      [['expiring', certificateValue.line, certificateValue.character]],
    );
  });

  it('offers no quick fix that would rewrite an encoded chain', async () => {
    const { leaf, intermediates } = await createChain({ commonName: 'k8s-order.example.org' });
    const document = await openFile('order-secret.yaml', `data:\n  tls.crt: ${base64(`${intermediates[0].certPem}${leaf.certPem}`)}\n`);
    const [diagnostic] = await eventually('the leaf-last diagnostic', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((candidate) => candidate.code === 'leaf-last');
      return found.length > 0 ? found : undefined;
    });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
    );
    assert.deepEqual(
      actions.filter((action) => action.title === 'Put the leaf certificate first'),
      [],
    );
  });

  it('uploads from the CodeLens of the second Secret of a manifest: its tls.crt with its tls.key', async () => {
    const first = await createCertificate({ commonName: 'k8s-first.example.org', key: await generateKey('ECDSA') });
    const second = await createCertificate({ commonName: 'k8s-second.example.org', key: await generateKey('ECDSA') });
    const manifest = [first, second]
      .map((leaf) => kubernetesTlsSecret({ name: leaf.commonName, certPem: leaf.certPem, keyPem: leaf.key.pkcs8Pem, wrap: 76 }))
      .join('---\n');
    const document = await openFile('manifest.yaml', manifest);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const upload = lenses.filter((lens) => lens.command?.title === 'Upload to Cloudflare…');
    assert.equal(upload.length, 2);
    suite.prompts.answer('example.org', 'Upload');
    await vscode.commands.executeCommand(upload[1].command!.command, ...(upload[1].command!.arguments ?? []));
    const stored = await eventually('the uploaded certificate', () =>
      suite.session.emulator.state.aopCertificates.find((record) => record.certificate.serialNumber === second.serialNumber),
    );
    assert.ok(stored);
    assert.ok(!suite.session.emulator.state.aopCertificates.some((record) => record.certificate.serialNumber === first.serialNumber));
    assert.match(suite.prompts.asked.map((question) => question.text).join('\n'), /Upload "k8s-second\.example\.org" from manifest\.yaml/);
  });
});
