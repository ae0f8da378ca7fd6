import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createCertificate, createChain, days, ecParametersBlock, generateKey } from '../fixtures/certificateFactory';
import { ExpiryWindow } from '../harness/expiryWording';
import { eventually, startEmulatorSession, type EmulatorSession } from './support/emulatorSession';

interface ApiZone {
  id: string;
  name: string;
}
interface ApiCertificate {
  id: string;
  certificate: string;
  serial_number: string;
}

async function openFile(name: string, text: string): Promise<vscode.TextDocument> {
  const file = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, name);
  fs.writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(document);
  return document;
}

async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers
    .flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : (content as vscode.MarkdownString).value)))
    .join('\n');
}

function lineOf(document: vscode.TextDocument, text: string, from = 0): number {
  for (let line = from; line < document.lineCount; line += 1) {
    if (document.lineAt(line).text.includes(text)) {
      return line;
    }
  }
  throw new Error(`"${text}" is not in the document`);
}

async function diagnosticsOf(document: vscode.TextDocument, count?: number): Promise<vscode.Diagnostic[]> {
  return eventually(`diagnostics of ${path.basename(document.uri.fsPath)}`, () => {
    const found = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'Cloudflare Certificates');
    return count === undefined || found.length === count ? found : undefined;
  });
}

describe('PEM in the editor', function () {
  let session: EmulatorSession;

  /** As the view does after a refresh: ask for the roots, which starts the scan of every zone. */
  const scanned = () =>
    eventually('the account scan', async () => {
      await session.api.tree.getChildren();
      return session.api.data.loaded().aop.size >= 2 && session.api.data.loaded().zones.length > 0 ? true : undefined;
    });

  before(async () => {
    session = await startEmulatorSession();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await session?.stop();
  });

  // First in the file: run alone (INTEGRATION_GREP), it is the window's first PEM, which registers the features.
  it('gives hovers and diagnostics to a document that holds PEM only after an edit', async () => {
    const certificate = await createCertificate({ commonName: 'typed.example.net', notAfter: days(-2) });
    const document = await openFile('typed-later.txt', 'notes\n');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(1, 0), certificate.certPem);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const [diagnostic] = await diagnosticsOf(document, 1);
    assert.equal(diagnostic.code, 'expired');
    const text = await hoverText(document, new vscode.Position(lineOf(document, 'BEGIN CERTIFICATE') + 1, 3));
    assert.match(text, /typed\\\.example\\\.net/);
  });

  it('shows certificate details on hover, including that Cloudflare holds it, in a YAML file', async () => {
    const [zone] = await session.get<ApiZone[]>('/zones?name=example.com');
    const [held] = await session.get<ApiCertificate[]>(`/zones/${zone.id}/origin_tls_client_auth/hostnames/certificates`);
    const yaml = `tls:\n  cert: |\n${held.certificate
      .trim()
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n')}\n`;
    const document = await openFile('origin.yaml', yaml);
    await scanned();
    const text = await hoverText(document, new vscode.Position(lineOf(document, 'BEGIN CERTIFICATE') + 2, 6));
    for (const part of ['Subject:', 'SANs:', 'Issuer:', 'Serial:', 'Key:', 'Not after:', 'SHA-256:']) {
      assert.ok(text.includes(part), `hover lacks ${part}:\n${text}`);
    }
    assert.match(text, /Held by Cloudflare: yes\\: client certificate in example\\\.com/);
    assert.ok(text.includes(held.serial_number));
  });

  it('reads PEM written with \\n escapes inside a JSON string, and says when Cloudflare does not hold it', async () => {
    const certificate = await createCertificate({ commonName: 'json-embedded.example.net', notAfter: days(100) });
    const document = await openFile('secret.json', JSON.stringify({ certificate: certificate.certPem }, null, 2));
    await scanned();
    const text = await hoverText(document, new vscode.Position(lineOf(document, 'BEGIN CERTIFICATE'), 30));
    assert.match(text, /json\\-embedded\\\.example\\\.net/);
    assert.match(text, /Held by Cloudflare: no/);
  });

  it('describes a private key on hover and whether it matches the certificate beside it', async () => {
    const certificate = await createCertificate({ commonName: 'pair.example.net', keyKind: 'RSA' });
    const document = await openFile('pair.pem', `${certificate.certPem}${certificate.key.traditionalPem}`);
    const text = await hoverText(document, new vscode.Position(lineOf(document, 'BEGIN RSA PRIVATE KEY') + 1, 3));
    assert.match(text, /RSA 2048 bits \\\(PKCS\\#1\\\)/);
    assert.match(text, /Matches the certificate "pair\\\.example\\\.net"/);
  });

  it('puts an expiry lens and an upload lens above each certificate', async () => {
    const certificate = await createCertificate({ commonName: 'lens.example.net', notAfter: days(23) });
    const wording = new ExpiryWindow();
    const document = await openFile('lens.crt', certificate.certPem);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const titles = lenses.map((lens) => lens.command?.title);
    assert.equal(titles.length, 2, titles.join(' | '));
    assert.match(titles[0] ?? '', new RegExp(`^Expires in ${wording.days(certificate.notAfter)} days$`));
    assert.equal(titles[1], 'Upload to Cloudflare…');
    assert.equal(lenses[1].command?.command, 'cloudflareCertificates.uploadFromEditor');
    assert.equal(lenses[0].range.start.line, lineOf(document, 'BEGIN CERTIFICATE'));
  });

  it('marks expired, expiring, not-yet-valid and mismatched material with the right code, range and severity', async () => {
    const key = await generateKey('ECDSA');
    const expired = await createCertificate({ commonName: 'expired.example.net', notBefore: days(-100), notAfter: days(-4) });
    const expiring = await createCertificate({ commonName: 'expiring.example.net', notAfter: days(9) });
    const future = await createCertificate({ commonName: 'future.example.net', notBefore: days(5), notAfter: days(300) });
    const stranger = await createCertificate({ commonName: 'stranger.example.net', key });
    const wording = new ExpiryWindow();
    const document = await openFile('mixed.pem', [expired.certPem, expiring.certPem, future.certPem, stranger.key.pkcs8Pem].join(''));
    const diagnostics = await diagnosticsOf(document, 4);
    const byCode = new Map(diagnostics.map((diagnostic) => [String(diagnostic.code), diagnostic]));
    assert.equal(byCode.get('expired')?.severity, vscode.DiagnosticSeverity.Error);
    assert.match(byCode.get('expired')!.message, new RegExp(`expired ${wording.days(expired.notAfter)} days ago`));
    assert.equal(byCode.get('expired')?.range.start.line, 0);
    assert.equal(byCode.get('expiring')?.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(byCode.get('expiring')?.range.start.line, lineOf(document, 'BEGIN CERTIFICATE', 1));
    assert.equal(byCode.get('not-yet-valid')?.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(byCode.get('key-mismatch')?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(byCode.get('key-mismatch')?.range.start.line, lineOf(document, 'BEGIN PRIVATE KEY'));
  });

  it('reports a damaged block as a diagnostic instead of failing', async () => {
    const certificate = await createCertificate({ commonName: 'damaged.example.net' });
    const document = await openFile('damaged.pem', certificate.certPem.slice(0, 300));
    const [diagnostic] = await diagnosticsOf(document, 1);
    assert.equal(diagnostic.code, 'malformed');
    assert.match(diagnostic.message, /no END line/);
  });

  it('offers to remove an EC PARAMETERS block, and the fix removes it', async () => {
    const certificate = await createCertificate({ commonName: 'ecparams.example.net' });
    const document = await openFile('ecparams.pem', `${certificate.certPem}${ecParametersBlock()}${certificate.key.traditionalPem}`);
    const [diagnostic] = await diagnosticsOf(document, 1);
    assert.equal(diagnostic.code, 'ec-parameters');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
    );
    const fix = actions.find((action) => action.title === 'Remove the EC PARAMETERS block');
    assert.ok(fix?.edit, 'a quick fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(!document.getText().includes('EC PARAMETERS'));
    assert.ok(document.getText().includes('BEGIN EC PRIVATE KEY'));
    await diagnosticsOf(document, 0);
  });

  it('offers to put the leaf first in a chain written root-first, and the fix reorders it', async () => {
    const { leaf, intermediates, root } = await createChain({ commonName: 'chain.example.net' });
    const document = await openFile('chain.pem', [root.certPem, ...intermediates.map((entry) => entry.certPem), leaf.certPem].join(''));
    const [diagnostic] = await diagnosticsOf(document, 1);
    assert.equal(diagnostic.code, 'leaf-last');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
    );
    const fix = actions.find((action) => action.title === 'Put the leaf certificate first');
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(document.getText().startsWith(leaf.certPem.trim().split('\n').slice(0, 2).join('\n')));
    assert.equal(document.getText().match(/BEGIN CERTIFICATE/g)?.length, 3);
    await diagnosticsOf(document, 0);
  });

  it('diagnoses a 500-certificate CA bundle completely', async () => {
    const key = await generateKey('ECDSA');
    const bundle: string[] = [];
    for (let index = 0; index < 500; index += 1) {
      bundle.push(
        (
          await createCertificate({
            commonName: `bundle-${index}.example.net`,
            isCA: true,
            key,
            notAfter: index % 100 === 0 ? days(-1) : days(400),
          })
        ).certPem,
      );
    }
    const document = await openFile('bundle.pem', bundle.join(''));
    const diagnostics = await diagnosticsOf(document, 5);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.code === 'expired'));
  });
});
