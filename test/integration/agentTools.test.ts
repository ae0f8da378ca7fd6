import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createCertificate, days, type GeneratedCertificate } from '../fixtures/certificateFactory';
import { emulatorSuite } from './support/emulatorSuite';

interface ManifestTool {
  name: string;
  inputSchema: object;
}

/**
 * Every tool result of the suite, kept in the run's temp folder (which the secret scan after the suite
 * reads: no result may hold a key or the token) and in test-results/ for people to read.
 */
const transcript: string[] = [];

/** Calls a tool as an agent in the editor would, outside a chat (no invocation token), and reads its text. */
async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  const text = result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
  transcript.push(`> ${name} ${JSON.stringify(input)}\n${text}\n`);
  return text;
}

/**
 * The language-model tools through vscode.lm.invokeTool against the emulator: the read tools answer
 * from the account model, and the rotation is confirmed before anything is sent, refused with the
 * model's words, and resumable after a cut.
 */
describe('Language-model tools', function () {
  let zoneId: string;
  let zoneName: string;
  let oldId: string;
  let runs = 0;
  /** Hostnames of this test's own zone: one client certificate per hostname across the account. */
  const hostnames = () => ['a', 'b', 'c'].map((label) => `${label}.agent-${runs}.example.org`);

  const suite = emulatorSuite(
    { transitionMs: 150, associationTransitionMs: 300 },
    { initialDelayMs: 50, maxDelayMs: 150, timeoutMs: 15_000 },
    async () => {
      runs += 1;
      zoneName = `agent-${runs}.example`;
      zoneId = suite.session.emulator.state.addZone(zoneName).id;
      const old = await createCertificate({ commonName: 'agent.example.org', sans: ['agent.example.org'], notAfter: days(6) });
      oldId = suite.session.emulator.state.uploadAopCertificate(zoneId, old.certPem, old.key.pkcs8Pem, { fixedStatus: 'active' }).id;
      suite.session.emulator.state.updateAssociations(
        zoneId,
        hostnames().map((hostname) => ({ hostname, cert_id: oldId, enabled: true })),
        { immediate: true },
      );
      await suite.session.api.account.refresh();
      await suite.session.api.account.whenScanned();
    },
  );

  after(() => {
    const text = transcript.join('\n');
    fs.writeFileSync(path.join(os.tmpdir(), 'agent-tool-results.txt'), text);
    const results = path.join(__dirname, '..', '..', '..', 'test-results');
    fs.mkdirSync(results, { recursive: true });
    fs.writeFileSync(path.join(results, 'agent-tool-results.txt'), text);
  });

  /** A replacement written into the workspace, key beside it in the same file. */
  function writeReplacement(notAfter = days(400)): { file: string; certificate: Promise<GeneratedCertificate> } {
    const file = `agent-${runs}-${notAfter.getTime()}.pem`;
    const certificate = createCertificate({ commonName: 'agent.example.org', sans: ['agent.example.org'], notAfter }).then((made) => {
      fs.writeFileSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, file), `${made.certPem}${made.key.pkcs8Pem}`);
      return made;
    });
    return { file, certificate };
  }

  it('lists exactly the declared tools, with their schemas', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { languageModelTools: ManifestTool[] };
    };
    const ours = vscode.lm.tools.filter((tool) => tool.name.startsWith('cloudflareCertificates_'));
    assert.deepEqual(ours.map((tool) => tool.name).sort(), manifest.contributes.languageModelTools.map((tool) => tool.name).sort());
    for (const declared of manifest.contributes.languageModelTools) {
      assert.deepEqual(ours.find((tool) => tool.name === declared.name)?.inputSchema, declared.inputSchema, declared.name);
    }
  });

  it('lists what expires, describes a certificate by a hostname that uses it, and finds custom hostnames, sending only GETs', async () => {
    const expiring = await invoke('cloudflareCertificates_listExpiring', { withinDays: 30 });
    assert.match(expiring, /certificates? Cloudflare holds expire within 30 days/);
    assert.match(expiring, new RegExp(`zone "${zoneName.replace('.', '\\.')}"; client certificate \\(AOP\\); id "${oldId}"`));
    assert.match(expiring, /Scanned (\d+) of \1 zones\./);
    const described = await invoke('cloudflareCertificates_describeCertificate', { query: hostnames()[1] });
    assert.match(described, /used by 3 hostnames: "a\.agent-\d+\.example\.org" \(enabled/);
    const found = await invoke('cloudflareCertificates_findCustomHostname', { sslStatus: 'active' });
    assert.match(found, /^Cloudflare counts \d+ custom hostnames? with SSL status "active"/);
    assert.ok(
      suite.session.emulator.log
        .entries()
        .some((entry) => entry.path.endsWith('/custom_hostnames') && (entry.query as Record<string, string>).ssl_status === 'active'),
      'searched on the server',
    );
    assert.match(await invoke('cloudflareCertificates_describeCertificate', {}), /^Invalid input: "query" must be a non-empty string\./);
    assert.deepEqual(suite.session.emulator.log.writes(), []);
  });

  it('checks a PEM file: its key, and that Cloudflare holds an older version of it', async () => {
    const { file, certificate } = writeReplacement();
    await certificate;
    const checked = await invoke('cloudflareCertificates_checkPem', { file });
    assert.match(checked, /"agent\.example\.org": leaf certificate; expires/);
    assert.match(checked, /key: found in the file and matching/);
    assert.match(
      checked,
      new RegExp(`holds an older version: .*"agent\\.example\\.org" in "${zoneName.replace('.', '\\.')}" \\(id "${oldId}"`),
    );
    assert.doesNotMatch(checked, /PRIVATE KEY/);
    assert.match(await invoke('cloudflareCertificates_checkPem', { file: '../outside.pem' }), /outside the workspace|not found/);
  });

  it('refuses a replacement that does not expire later, sending nothing and asking nothing', async () => {
    const { file, certificate } = writeReplacement(days(3));
    await certificate;
    const answer = await invoke('cloudflareCertificates_rotateCertificate', { certificate: oldId, file });
    assert.match(answer, /must expire later than the certificate it replaces\. Nothing was sent\./);
    assert.deepEqual(suite.session.emulator.log.writes(), []);
    assert.deepEqual(suite.prompts.asked, []);
  });

  it('sends nothing when the person declines, and rotates every hostname when they confirm', async () => {
    const { file, certificate } = writeReplacement();
    await certificate;
    suite.prompts.answer(undefined);
    assert.match(
      await invoke('cloudflareCertificates_rotateCertificate', { certificate: hostnames()[0], file }),
      /declined.*Nothing was sent/,
    );
    assert.deepEqual(suite.session.emulator.log.writes(), [], 'nothing before the confirmation');
    assert.match(suite.prompts.asked[0].text, /Rotate agent\.example\.org in agent-\d+\.example\?/);
    suite.prompts.answer('Rotate');
    const answer = await invoke('cloudflareCertificates_rotateCertificate', { certificate: hostnames()[0], file });
    assert.match(answer, /^Rotated: 3 hostnames moved to "agent\.example\.org"/);
    const writes = suite.session.emulator.log.writes().map((entry) => `${entry.method} ${entry.path.split('/').slice(-1)[0]}`);
    assert.deepEqual(writes, ['POST certificates', 'PUT hostnames']);
  });

  it('reports a rotation cut off, and finishes it when called again without a second upload', async () => {
    const { file, certificate } = writeReplacement();
    await certificate;
    suite.session.emulator.faults.add({ kind: 'drop', method: 'PUT', path: 'hostnames$', times: 1 });
    suite.prompts.answer('Rotate');
    const cut = await invoke('cloudflareCertificates_rotateCertificate', { certificate: oldId, file });
    assert.match(cut, /^Failed: /);
    assert.match(await invoke('cloudflareCertificates_describeCertificate', { query: oldId }), /rotation in progress: 0 of 3 hostnames/);
    suite.prompts.answer('Rotate');
    assert.match(await invoke('cloudflareCertificates_rotateCertificate', { certificate: oldId, file }), /^Rotated: 3 hostnames moved/);
    assert.equal(suite.session.emulator.log.writes().filter((entry) => entry.method === 'POST').length, 1, 'one upload');
  });
});
