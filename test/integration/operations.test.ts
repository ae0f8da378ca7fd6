import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createPrivateKey } from 'node:crypto';
import {
  createCertificate,
  createChain,
  days,
  ecParametersBlock,
  encryptPrivateKey,
  generateKey,
  type GeneratedCertificate,
} from '../fixtures/certificateFactory';

/** An RSA key as `openssl rsa -aes256` writes it: PKCS#1 with Proc-Type/DEK-Info headers. */
function legacyEncrypted(certificate: GeneratedCertificate): string {
  return createPrivateKey(certificate.key.pkcs8Pem)
    .export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
    .toString();
}
import { startEmulatorSession, type EmulatorSession } from './support/emulatorSession';
import { ScriptedPrompts } from './support/scriptedPrompts';
import { child, rows } from './support/treeItems';

interface ApiZone {
  id: string;
  name: string;
}
interface ApiCertificate {
  id: string;
  serial_number: string;
  status: string;
}

function workspaceFile(name: string, text: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

async function openEditor(text: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' });
  return vscode.window.showTextDocument(document);
}

describe('Certificate operations against the emulator', function () {
  let session: EmulatorSession;
  let prompts: ScriptedPrompts;
  let zones: ApiZone[];
  const zone = (name: string) => zones.find((candidate) => candidate.name === name)!;
  const certificatesOf = (name: string) =>
    session.get<ApiCertificate[]>(`/zones/${zone(name).id}/origin_tls_client_auth/hostnames/certificates`);
  const groupNode = async (name: string) => {
    const zoneRow = await child(session.api, undefined, name);
    return (await child(session.api, zoneRow.node, 'Client Certificates (AOP)')).node;
  };

  before(async () => {
    session = await startEmulatorSession({ transitionMs: 300 });
    session.api.pollTiming = { initialDelayMs: 100, maxDelayMs: 200, timeoutMs: 10_000 };
    zones = await session.get<ApiZone[]>('/zones?per_page=50');
  });

  beforeEach(() => {
    prompts = new ScriptedPrompts(session.api);
    session.emulator.log.clear();
  });

  afterEach(async () => {
    prompts.restore();
    session.emulator.faults.clear();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await session?.stop();
  });

  it('uploads the certificate and key open in the editor to the zone of the group it was run on, and waits until active', async () => {
    const certificate = await createCertificate({ commonName: 'editor-upload.example.org', keyKind: 'RSA' });
    await openEditor(`${certificate.certPem}${certificate.key.traditionalPem}`);
    prompts.answer('Upload');
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromEditor', await groupNode('example.org'));
    const posts = session.emulator.log.writes();
    assert.equal(posts.length, 1, JSON.stringify(posts));
    assert.equal(posts[0].method, 'POST');
    const stored = (await certificatesOf('example.org')).find((entry) => entry.serial_number === certificate.serialNumber);
    assert.ok(stored, 'the certificate is at Cloudflare');
    assert.equal(stored.status, 'active');
    assert.match(prompts.messages.at(-1)?.text ?? '', /Uploaded "editor-upload\.example\.org" to example\.org: active/);
    const labels = (await rows(session.api, await groupNode('example.org'))).map((row) => row.label);
    assert.ok(labels.includes('editor-upload.example.org'), labels.join(', '));
  });

  it('uploads a .crt from the Explorer, finding the key in the sibling .key file, after asking for the zone', async () => {
    const certificate = await createCertificate({ commonName: 'explorer-upload.example.org' });
    const uri = workspaceFile('explorer-upload.crt', certificate.certPem);
    workspaceFile('explorer-upload.key', certificate.key.pkcs8Pem);
    prompts.answer('example.org', 'Upload');
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromFile', uri);
    assert.equal(prompts.asked[0].kind, 'quickPick');
    assert.ok((await certificatesOf('example.org')).some((entry) => entry.serial_number === certificate.serialNumber));
  });

  it('asks for the passphrase of an encrypted key, refuses a wrong one in words, and uploads with the right one', async () => {
    const certificate = await createCertificate({ commonName: 'encrypted.example.org' });
    await openEditor(`${certificate.certPem}${encryptPrivateKey(certificate.key, 'correct horse')}`);
    prompts.answer('wrong', 'correct horse', 'Upload');
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromEditor', await groupNode('example.org'));
    assert.deepEqual(
      prompts.asked.map((question) => question.kind),
      ['inputBox', 'inputBox', 'confirm'],
    );
    assert.ok((await certificatesOf('example.org')).some((entry) => entry.serial_number === certificate.serialNumber));
    const body = session.emulator.log.writes()[0].body as { private_key: string };
    assert.match(body.private_key, /^\[\d+ characters\]$/, 'the log holds no key');
  });

  it('uploads a chain written root-first as the leaf followed by its intermediates', async () => {
    const { leaf, intermediates, root } = await createChain({ commonName: 'chained-upload.example.org' }, 3);
    await openEditor([root.certPem, ...intermediates.map((entry) => entry.certPem), leaf.certPem, leaf.key.pkcs8Pem].join(''));
    prompts.answer('Upload');
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromEditor', await groupNode('staging.example.net'));
    const stored = session.emulator.state.aopCertificates.find((record) => record.certificate.serialNumber === leaf.serialNumber);
    assert.ok(stored, 'the leaf is at Cloudflare');
    const sent = stored.certificate.pem.match(/-----BEGIN CERTIFICATE-----/g)?.length;
    assert.equal(sent, 3, 'leaf and two intermediates, no root');
    assert.ok(stored.certificate.pem.startsWith(leaf.certPem.trim().split('\n').slice(0, 2).join('\n')));
  });

  it('uploads a file open in a custom editor, where no text editor is active, from the active tab', async () => {
    const certificate = await createCertificate({ commonName: 'custom-editor.example.org' });
    const uri = workspaceFile('custom-editor.pem', `${certificate.certPem}${certificate.key.pkcs8Pem}`);
    await vscode.commands.executeCommand('vscode.openWith', uri, 'imagePreview.previewEditor');
    assert.equal(vscode.window.activeTextEditor, undefined, 'no text editor is active');
    prompts.answer('Upload');
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromEditor', await groupNode('staging.example.net'));
    assert.ok(session.emulator.state.aopCertificates.some((record) => record.certificate.serialNumber === certificate.serialNumber));
  });

  it("uploads through the group's inline button, choosing the file in a dialog", async () => {
    const certificate = await createCertificate({ commonName: 'inline-button.example.org' });
    const uri = workspaceFile('inline-button.pem', `${certificate.certPem}${certificate.key.pkcs8Pem}`);
    prompts.answer(uri.fsPath, 'Upload');
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromFile', await groupNode('staging.example.net'));
    assert.equal(prompts.asked[0].kind, 'openDialog');
    assert.ok(session.emulator.state.aopCertificates.some((record) => record.certificate.serialNumber === certificate.serialNumber));
  });

  const landedButUnanswered = [
    {
      title: 'finds out whether an upload whose answer was lost landed, and keeps exactly one copy',
      name: 'lost-answer',
      fault: 'commitThenDrop',
    },
    {
      title: 'finds an upload that landed although a proxy answered with an HTML 502 page',
      name: 'proxy-502',
      fault: 'commitThenHtmlError',
    },
  ] as const;
  for (const { title, name, fault } of landedButUnanswered) {
    it(title, async () => {
      const certificate = await createCertificate({ commonName: `${name}.example.org` });
      await openEditor(`${certificate.certPem}${certificate.key.pkcs8Pem}`);
      session.emulator.faults.add({ kind: fault, method: 'POST', path: 'hostnames/certificates$' });
      prompts.answer('Upload');
      await vscode.commands.executeCommand('cloudflareCertificates.uploadFromEditor', await groupNode('example.org'));
      const copies = (await certificatesOf('example.org')).filter((entry) => entry.serial_number === certificate.serialNumber);
      assert.equal(copies.length, 1);
      assert.equal(session.emulator.log.writes().length, 1, 'no second POST');
      assert.ok(!prompts.messages.some((message) => message.kind === 'error'), JSON.stringify(prompts.messages));
    });
  }

  it('surfaces a server error in words after checking that nothing landed, without retrying the POST', async () => {
    const certificate = await createCertificate({ commonName: 'refused.example.org' });
    await openEditor(`${certificate.certPem}${certificate.key.pkcs8Pem}`);
    session.emulator.faults.add({ kind: 'serverError', status: 503, method: 'POST' });
    prompts.answer('Upload');
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromEditor', await groupNode('example.org'));
    assert.equal(session.emulator.log.writes().length, 1);
    const post = session.emulator.log.entries().findIndex((entry) => entry.method === 'POST');
    assert.ok(
      session.emulator.log
        .entries()
        .slice(post + 1)
        .some((entry) => entry.method === 'GET' && entry.path.endsWith('/hostnames/certificates')),
      'the zone was listed after the failed POST',
    );
    const error = prompts.messages.find((message) => message.kind === 'error');
    assert.match(error?.text ?? '', /server error \(503\).*does not hold the certificate, so nothing was stored; you can upload again/);
  });

  it('names the missing permission when a read-only token tries to upload', async () => {
    const certificate = await createCertificate({ commonName: 'readonly.example.org' });
    await openEditor(`${certificate.certPem}${certificate.key.pkcs8Pem}`);
    await session.api.tokens.set('demo-readonly-token');
    try {
      prompts.answer('Upload');
      await vscode.commands.executeCommand('cloudflareCertificates.uploadFromEditor', await groupNode('example.org'));
      assert.match(prompts.messages.find((message) => message.kind === 'error')?.text ?? '', /SSL and Certificates: Edit/);
    } finally {
      await session.api.tokens.set('demo-token');
    }
  });

  it('refuses locally, sending nothing, when the zone already holds 10 certificates', async () => {
    const target = 'example.com';
    const existing = (await certificatesOf(target)).length;
    const key = await generateKey('ECDSA');
    for (let index = existing; index < 10; index += 1) {
      const filler = await createCertificate({ commonName: `filler-${index}.example.com`, key });
      session.emulator.state.uploadAopCertificate(zone(target).id, filler.certPem, filler.key.pkcs8Pem, { fixedStatus: 'active' });
    }
    session.api.tree.reloadAll();
    const certificate = await createCertificate({ commonName: 'eleventh.example.com', key });
    await openEditor(`${certificate.certPem}${certificate.key.pkcs8Pem}`);
    await vscode.commands.executeCommand('cloudflareCertificates.uploadFromEditor', await groupNode(target));
    assert.equal(session.emulator.log.writes().length, 0);
    assert.match(prompts.messages.find((message) => message.kind === 'error')?.text ?? '', /already holds 10 client certificates/);
  });

  describe('bad or odd input: a clear message and nothing sent', () => {
    let good: GeneratedCertificate;
    let other: GeneratedCertificate;
    let chain: Awaited<ReturnType<typeof createChain>>;
    let expired: GeneratedCertificate;
    let future: GeneratedCertificate;
    let held: GeneratedCertificate;

    before(async () => {
      good = await createCertificate({ commonName: 'good.example.org', keyKind: 'RSA' });
      other = await createCertificate({ commonName: 'other.example.org', key: await generateKey('ECDSA') });
      chain = await createChain({ commonName: 'chained.example.org' });
      expired = await createCertificate({ commonName: 'old.example.org', notBefore: days(-90), notAfter: days(-1) });
      future = await createCertificate({ commonName: 'later.example.org', notBefore: days(10), notAfter: days(400) });
      held = await createCertificate({ commonName: 'held.example.org' });
      session.emulator.state.uploadAopCertificate(zone('example.org').id, held.certPem, held.key.pkcs8Pem, { fixedStatus: 'active' });
      session.api.tree.reloadAll();
    });

    it('has a corpus of at least 25 inputs', () => {
      assert.ok(cases.length >= 25, `${cases.length} cases`);
    });

    const cases: { name: string; text: () => string; answers?: (string | undefined)[]; message: RegExp; fromPalette?: boolean }[] = [
      { name: 'an empty document', text: () => '', message: /document is empty/ },
      { name: 'prose', text: () => 'hello, this is not a certificate', message: /no certificate \(a "BEGIN CERTIFICATE" block\)/ },
      { name: 'DER bytes shown as text', text: () => Buffer.from(good.der).toString('latin1'), message: /binary \(DER\)/ },
      { name: 'a truncated certificate', text: () => good.certPem.slice(0, 400), message: /no END line/ },
      { name: 'damaged base64', text: () => good.certPem.replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!@@@@##'), message: /not valid base64/ },
      { name: 'a CA certificate', text: () => `${chain.root.certPem}${chain.root.key.pkcs8Pem}`, message: /CA certificate .*leaf/ },
      {
        name: 'a key that belongs to another certificate',
        text: () => `${good.certPem}${other.key.pkcs8Pem}`,
        message: /does not belong to the certificate/,
      },
      { name: 'only a key', text: () => good.key.pkcs8Pem, message: /no certificate \(a "BEGIN CERTIFICATE" block\)/ },
      {
        name: "two keys, neither of them the certificate's",
        text: () => `${good.certPem}${other.key.pkcs8Pem}${chain.root.key.pkcs8Pem}`,
        message: /more than one private key/,
      },
      {
        name: 'an encrypted key and a cancelled passphrase',
        text: () => `${good.certPem}${encryptPrivateKey(good.key, 'pw')}`,
        answers: [undefined],
        message: /^$/,
      },
      {
        name: 'an encrypted key and three wrong passphrases',
        text: () => `${good.certPem}${encryptPrivateKey(good.key, 'pw')}`,
        answers: ['a', 'b', 'c'],
        message: /passphrase does not decrypt/,
      },
      {
        name: 'a damaged key',
        text: () =>
          `${good.certPem}-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----\n`,
        message: /private key cannot be read/,
      },
      {
        name: 'a block whose END label does not match',
        text: () => good.certPem.replace('END CERTIFICATE', 'END PRIVATE KEY'),
        message: /begins as CERTIFICATE but ends as PRIVATE KEY/,
      },
      {
        name: 'an empty certificate block',
        text: () => '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n',
        message: /block is empty/,
      },
      {
        name: 'random binary bytes',
        text: () => Buffer.from(Array.from({ length: 600 }, (_, index) => (index * 37) % 256)).toString('latin1'),
        message: /binary \(DER\)/,
      },
      { name: 'an HTML page', text: () => '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', message: /no certificate/ },
      { name: 'a certificate alone, with no key anywhere and the key picker cancelled', text: () => other.certPem, message: /^$/ },
      {
        name: 'an expired certificate the person declines to upload',
        text: () => `${expired.certPem}${expired.key.pkcs8Pem}`,
        answers: [undefined],
        message: /^$/,
      },
      {
        name: 'a not-yet-valid certificate the person declines to upload',
        text: () => `${future.certPem}${future.key.pkcs8Pem}`,
        answers: [undefined],
        message: /^$/,
      },
      {
        name: 'an EC PARAMETERS block the person declines to strip',
        text: () => `${other.certPem}${ecParametersBlock()}${other.key.traditionalPem}`,
        answers: [undefined],
        message: /^$/,
      },
      {
        name: 'two unrelated leaf certificates',
        text: () => `${good.certPem}${other.certPem}${good.key.pkcs8Pem}`,
        message: /more than one end-entity certificate/,
      },
      {
        name: 'a CA chain without its leaf',
        text: () => `${chain.intermediates[0].certPem}${chain.root.certPem}${chain.intermediates[0].key.pkcs8Pem}`,
        message: /CA certificate/,
      },
      {
        name: "a JSON-escaped certificate with another certificate's key",
        text: () => JSON.stringify({ cert: good.certPem, key: other.key.pkcs8Pem }),
        message: /does not belong to the certificate/,
      },
      {
        name: 'a legacy encrypted PKCS#1 key and a cancelled passphrase',
        text: () => `${good.certPem}${legacyEncrypted(good)}`,
        answers: [undefined],
        message: /^$/,
      },
      {
        name: 'a good certificate from the palette with the zone pick cancelled',
        text: () => `${good.certPem}${good.key.pkcs8Pem}`,
        answers: [undefined],
        message: /^$/,
        fromPalette: true,
      },
      {
        name: 'a certificate the zone already holds',
        text: () => `${held.certPem}${held.key.pkcs8Pem}`,
        message: /already holds "held\.example\.org"/,
      },
    ];

    for (const testCase of cases) {
      it(`refuses ${testCase.name}`, async () => {
        await openEditor(testCase.text());
        if (testCase.answers) {
          prompts.answer(...testCase.answers);
        }
        // Without a key the extension looks for one and finally asks for a file: the person cancels.
        prompts.answer(undefined);
        await vscode.commands.executeCommand(
          'cloudflareCertificates.uploadFromEditor',
          testCase.fromPalette ? undefined : await groupNode('example.org'),
        );
        assert.equal(session.emulator.log.writes().length, 0, 'nothing may be sent');
        const error = prompts.messages.find((message) => message.kind === 'error')?.text ?? '';
        assert.match(error, testCase.message);
        assert.doesNotMatch(error, /-----BEGIN|[A-Za-z0-9+/]{40}/, 'no key or certificate material in the message');
      });
    }
  });

  it('replaces an RSA pack certificate with another RSA certificate and refuses an ECDSA one locally', async () => {
    const saas = zone('saas-platform.net');
    const record = session.emulator.state.customHostnames.find(
      (candidate) => candidate.zoneId === saas.id && candidate.certificates.length === 2,
    )!;
    const rsaEntry = record.certificates.find((entry) => entry.certificate.keyType === 'RSA')!;
    const zoneRow = await child(session.api, undefined, 'saas-platform.net');
    const group = await child(session.api, zoneRow.node, 'Custom Hostnames');
    for (let shown = 50; shown <= session.emulator.state.customHostnames.indexOf(record); shown += 50) {
      (group.node as unknown as { showMore(): void }).showMore();
    }
    const hostnameRow = await child(session.api, group.node, record.hostname);
    const [pack] = await rows(session.api, hostnameRow.node);
    const rsaRow = (await rows(session.api, pack.node)).find((row) => row.label === 'RSA')!;

    const wrongType = await createCertificate({ commonName: record.hostname, keyKind: 'ECDSA' });
    await openEditor(`${wrongType.certPem}${wrongType.key.pkcs8Pem}`);
    prompts.answer('From the editor');
    await vscode.commands.executeCommand('cloudflareCertificates.replacePackCertificate', rsaRow.node);
    assert.equal(session.emulator.log.writes().length, 0);
    assert.match(prompts.messages.find((message) => message.kind === 'error')?.text ?? '', /replace it with another RSA certificate/);

    const replacement = await createCertificate({ commonName: record.hostname, keyKind: 'RSA' });
    await openEditor(`${replacement.certPem}${replacement.key.pkcs8Pem}`);
    prompts.answer('From the editor', undefined);
    await vscode.commands.executeCommand('cloudflareCertificates.replacePackCertificate', rsaRow.node);
    assert.equal(session.emulator.log.writes().length, 0, 'cancelling the confirmation sends nothing');

    prompts.answer('From the editor', 'Replace');
    await vscode.commands.executeCommand('cloudflareCertificates.replacePackCertificate', rsaRow.node);
    const writes = session.emulator.log.writes();
    assert.deepEqual(
      writes.map((entry) => entry.method),
      ['PUT'],
    );
    const now = record.certificates.find((entry) => entry.id === rsaEntry.id)!;
    assert.equal(now.certificate.serialNumber, replacement.serialNumber);
    assert.match(prompts.asked.find((question) => question.kind === 'confirm')?.text ?? '', /Replace the RSA certificate of/);
  });

  it('refuses to delete the last certificate of a pack, and deletes one of two after confirmation', async () => {
    const saas = zone('saas-platform.net');
    const single = session.emulator.state.customHostnames.find(
      (candidate) => candidate.zoneId === saas.id && candidate.certificates.length === 1,
    )!;
    const double = session.emulator.state.customHostnames.find(
      (candidate) => candidate.zoneId === saas.id && candidate.certificates.length === 2 && candidate.hostname !== single.hostname,
    )!;
    const zoneRow = await child(session.api, undefined, 'saas-platform.net');
    const group = await child(session.api, zoneRow.node, 'Custom Hostnames');
    const packRows = async (hostname: string) => {
      const hostnameRow = await child(session.api, group.node, hostname);
      const [pack] = await rows(session.api, hostnameRow.node);
      return rows(session.api, pack.node);
    };
    const [last] = await packRows(single.hostname);
    await vscode.commands.executeCommand('cloudflareCertificates.deleteCertificate', last.node);
    assert.equal(session.emulator.log.writes().length, 0);
    assert.match(prompts.messages.find((message) => message.kind === 'error')?.text ?? '', /only one in the pack/);

    const [first] = await packRows(double.hostname);
    prompts.answer('Delete');
    await vscode.commands.executeCommand('cloudflareCertificates.deleteCertificate', first.node);
    assert.deepEqual(
      session.emulator.log.writes().map((entry) => entry.method),
      ['DELETE'],
    );
    assert.equal(double.certificates.length, 1);
    const after = await packRows(double.hostname);
    assert.equal(after.length, 1);
    assert.equal(after[0].contextValue, 'packCertificate last');
  });

  it('deletes a client certificate in use only after invalidating its hostnames, as the confirmation said', async () => {
    const target = zone('example.com');
    const used = session.emulator.state.associations.find((association) => association.zoneId === target.id)!;
    const certificateId = used.certId;
    const users = session.emulator.state.associations
      .filter((association) => association.certId === certificateId)
      .map((association) => association.hostname);
    const certificateRow = (await rows(session.api, await groupNode('example.com'))).find((row) => row.item.id?.endsWith(certificateId))!;
    prompts.answer(undefined);
    await vscode.commands.executeCommand('cloudflareCertificates.deleteCertificate', certificateRow.node);
    assert.equal(session.emulator.log.writes().length, 0, 'cancel deletes nothing');
    assert.ok(
      users.every((hostname) => prompts.asked[0].text.includes(hostname)),
      prompts.asked[0].text,
    );

    prompts.answer('Invalidate and Delete');
    await vscode.commands.executeCommand('cloudflareCertificates.deleteCertificate', certificateRow.node);
    const writes = session.emulator.log.writes();
    assert.deepEqual(
      writes.map((entry) => entry.method),
      ['PUT', 'DELETE'],
    );
    assert.deepEqual(
      (writes[0].body as { config: { enabled: null }[] }).config.map((change) => change.enabled),
      users.map(() => null),
    );
    assert.ok(!(await certificatesOf('example.com')).some((entry) => entry.id === certificateId));
  });

  it('enables a certificate for a hostname and disables it again', async () => {
    const target = zone('example.org');
    const active = (await certificatesOf('example.org')).find((entry) => entry.status === 'active')!;
    const certificateRow = (await rows(session.api, await groupNode('example.org'))).find((row) => row.item.id?.endsWith(active.id))!;
    prompts.answer('origin.example.org');
    await vscode.commands.executeCommand('cloudflareCertificates.enableForHostname', certificateRow.node);
    const association = session.emulator.state.associations.find(
      (entry) => entry.zoneId === target.id && entry.hostname === 'origin.example.org',
    );
    assert.equal(association?.enabled, true);
    const refreshed = (await rows(session.api, await groupNode('example.org'))).find((row) => row.item.id?.endsWith(active.id))!;
    const [hostnameRow] = await rows(session.api, refreshed.node);
    assert.equal(hostnameRow.contextValue, 'association enabled');
    prompts.answer('Disable');
    await vscode.commands.executeCommand('cloudflareCertificates.disableForHostname', hostnameRow.node);
    assert.match(prompts.asked.at(-1)?.text ?? '', /Disable Authenticated Origin Pulls with ".+" for origin\.example\.org\?/);
    assert.equal(association?.enabled, false);
    assert.match(prompts.messages.at(-1)?.text ?? '', /disabled for origin\.example\.org/);
  });

  it("sent only requests that validate against Cloudflare's published schema", () => {
    assert.deepEqual(session.emulator.contractViolations, []);
  });
});
