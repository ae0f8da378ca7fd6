import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createCertificate, days, type GeneratedCertificate } from '../fixtures/certificateFactory';
import { emulatorSuite } from './support/emulatorSuite';
import { child, rows, type Row } from './support/treeItems';

const HOSTNAMES = ['a.rotate.example.org', 'b.rotate.example.org', 'c.rotate.example.org', 'd.rotate.example.org', 'e.rotate.example.org'];

/**
 * Rotation of a client certificate used by five hostnames, against the emulator's association
 * rules (a PUT moves a hostname, through pending_deployment, and the old certificate serves until
 * then). After every step: no hostname was ever without an active certificate, and no duplicate.
 */
describe('Rotating a client certificate', function () {
  let zoneId: string;
  let zoneName: string;
  let runs = 0;
  let old: GeneratedCertificate;
  let oldId: string;

  const group = async () =>
    (await child(suite.session.api, (await child(suite.session.api, undefined, zoneName)).node, 'Client Certificates (AOP)')).node;
  const certificateRow = async (id: string): Promise<Row> => {
    const found = (await rows(suite.session.api, await group())).find((row) => row.node.cloudflareId === id);
    assert.ok(found, `certificate ${id} is in the tree`);
    return found;
  };
  const servingNow = () => HOSTNAMES.map((hostname) => suite.session.emulator.state.servingCertificate(zoneId, hostname)?.certId);

  /** The guarantee of the whole feature, read from the emulator's history of every association. */
  function assertNeverDown(): void {
    for (const hostname of HOSTNAMES) {
      assert.deepEqual(
        suite.session.emulator.state.serviceGaps(zoneId, hostname),
        [],
        `${hostname} was never without an active certificate`,
      );
    }
  }

  async function openReplacement(commonName = 'rotate.example.org', notAfter = days(400)): Promise<GeneratedCertificate> {
    const replacement = await createCertificate({ commonName, sans: [commonName], notAfter, keyKind: 'ECDSA' });
    // A new file each time: VS Code keeps a document it has opened, so a rewritten file would show the old text.
    const file = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, `${commonName}-${runs}-${Date.now()}.pem`);
    fs.writeFileSync(file, `${replacement.certPem}${replacement.key.pkcs8Pem}`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    return replacement;
  }

  /** Rotates to the open replacement with the move's PUT cut off by `fault`; the failure is reported. */
  async function rotateCutOff(fault: 'commitThenDrop' | 'drop'): Promise<void> {
    suite.session.emulator.faults.add({ kind: fault, method: 'PUT', path: 'hostnames$', times: 1 });
    suite.prompts.answer('From the editor', 'Rotate');
    await vscode.commands.executeCommand('cloudflareCertificates.rotateCertificate', (await certificateRow(oldId)).node);
    assert.ok(
      suite.prompts.messages.some((message) => message.kind === 'error'),
      'the interruption is reported',
    );
  }

  const copiesOf = (certificate: GeneratedCertificate) =>
    suite.session.emulator.state
      .aopCertificatesOf(zoneId)
      .filter(
        (record) =>
          record.certificate.serialNumber === certificate.serialNumber && suite.session.emulator.state.aopStatus(record) !== 'deleted',
      );

  const suite = emulatorSuite(
    { transitionMs: 150, associationTransitionMs: 300 },
    { initialDelayMs: 50, maxDelayMs: 150, timeoutMs: 15_000 },
    async () => {
      // A zone of its own for each test (a zone holds at most 10 certificates), with a fresh old
      // certificate about to expire, used by five hostnames.
      runs += 1;
      zoneName = `rotation-${runs}.example`;
      zoneId = suite.session.emulator.state.addZone(zoneName).id;
      old = await createCertificate({ commonName: 'rotate.example.org', sans: ['rotate.example.org'], notAfter: days(6) });
      oldId = suite.session.emulator.state.uploadAopCertificate(zoneId, old.certPem, old.key.pkcs8Pem, { fixedStatus: 'active' }).id;
      suite.session.emulator.state.updateAssociations(
        zoneId,
        HOSTNAMES.map((hostname) => ({ hostname, cert_id: oldId, enabled: true })),
        { immediate: true },
      );
      suite.session.api.tree.reloadAll();
      await rows(suite.session.api);
    },
  );

  it('uploads the replacement, moves all five hostnames, waits until each is active, and deletes the old one when asked', async () => {
    const replacement = await openReplacement();
    suite.prompts.answer('From the editor', 'Rotate', 'Delete Old Certificate');
    await vscode.commands.executeCommand('cloudflareCertificates.rotateCertificate', (await certificateRow(oldId)).node);
    const [newRecord] = copiesOf(replacement);
    assert.ok(newRecord, 'the replacement is at Cloudflare');
    assert.equal(copiesOf(replacement).length, 1, 'exactly one copy');
    assert.deepEqual(
      servingNow(),
      HOSTNAMES.map(() => newRecord.id),
    );
    assert.ok(
      suite.session.emulator.state
        .associationViews(zoneId)
        .filter((view) => HOSTNAMES.includes(view.hostname))
        .every((view) => view.status === 'active'),
    );
    assert.ok(
      !suite.session.emulator.state
        .aopCertificatesOf(zoneId)
        .some((record) => record.id === oldId && suite.session.emulator.state.aopStatus(record) === 'active'),
      'the old certificate is gone',
    );
    assertNeverDown();
    const writes = suite.session.emulator.log.writes().map((entry) => `${entry.method} ${entry.path.split('/').slice(-1)[0]}`);
    assert.deepEqual(writes, ['POST certificates', 'PUT hostnames', `DELETE ${oldId}`], 'one upload, one batch, one delete');
    assert.match(
      suite.prompts.asked.find((question) => /Delete "/.test(question.text))?.text ?? '',
      /no hostname uses "rotate\.example\.org" any more/,
    );
    const labels = (await rows(suite.session.api, await group())).map((row) => `${row.label} ${row.description}`);
    assert.ok(!labels.some((label) => /rotation incomplete/.test(label)), labels.join('; '));
  });

  it('refuses a replacement that does not expire later, sending nothing', async () => {
    await openReplacement('rotate.example.org', days(3));
    suite.prompts.answer('From the editor');
    await vscode.commands.executeCommand('cloudflareCertificates.rotateCertificate', (await certificateRow(oldId)).node);
    assert.deepEqual(suite.session.emulator.log.writes(), []);
    assert.match(suite.prompts.messages.find((message) => message.kind === 'error')?.text ?? '', /must expire later/);
  });

  it('asks before rotating to a certificate for other names, and sends nothing when the person declines', async () => {
    await openReplacement('elsewhere.example.org');
    suite.prompts.answer('From the editor', 'Choose Another');
    await vscode.commands.executeCommand('cloudflareCertificates.rotateCertificate', (await certificateRow(oldId)).node);
    assert.match(suite.prompts.asked.at(-1)?.text ?? '', /not for the same names/);
    assert.deepEqual(suite.session.emulator.log.writes(), []);
  });

  it('waits out "another change in flight" (409) and "pending deployment" (1434) answers and finishes', async () => {
    const replacement = await openReplacement();
    suite.session.emulator.faults.add({ kind: 'serviceError', status: 409, method: 'PUT', path: 'hostnames$', times: 2 });
    suite.session.emulator.faults.add({ kind: 'serviceError', code: 1434, method: 'PUT', path: 'hostnames$', times: 1 });
    suite.prompts.answer('From the editor', 'Rotate', 'Delete Old Certificate');
    await vscode.commands.executeCommand('cloudflareCertificates.rotateCertificate', (await certificateRow(oldId)).node);
    const [newRecord] = copiesOf(replacement);
    assert.deepEqual(
      servingNow(),
      HOSTNAMES.map(() => newRecord.id),
    );
    assert.equal(suite.session.emulator.log.writes().filter((entry) => entry.method === 'PUT').length, 4, 'three refused, one applied');
    assertNeverDown();
  });

  it('shows a rotation cut off after the move as incomplete, and Finish Rotation completes it without a second upload', async () => {
    const replacement = await openReplacement();
    // The move lands but its answer is lost: the rotation stops there, as when the network drops.
    await rotateCutOff('commitThenDrop');
    suite.session.api.tree.reloadAll();
    await rows(suite.session.api);
    const marked = await certificateRow(oldId);
    assert.equal(marked.contextValue, 'aopCertificate rotating');
    // Old and new share a name: the new one's expiry tells them apart.
    const expires = replacement.notAfter.toISOString().slice(0, 10);
    assert.ok(
      marked.description.includes(`rotation incomplete: replaced by rotate.example.org (expires ${expires}), no hostname uses it`),
      marked.description,
    );
    suite.prompts.answer('Delete Old Certificate');
    await vscode.commands.executeCommand('cloudflareCertificates.finishRotation', marked.node);
    assert.equal(copiesOf(replacement).length, 1, 'no duplicate upload');
    assert.equal(suite.session.emulator.log.writes().filter((entry) => entry.method === 'POST').length, 1);
    assert.deepEqual(
      servingNow(),
      HOSTNAMES.map(() => copiesOf(replacement)[0].id),
      JSON.stringify({
        oldId,
        messages: suite.prompts.messages,
        writes: suite.session.emulator.log.writes().map((entry) => `${entry.method} ${entry.path} ${entry.status}`),
      }),
    );
    assertNeverDown();
  });

  it('shows a rotation cut off before any hostname moved as "replacement uploaded", and Finish Rotation moves them all without a second upload', async () => {
    const replacement = await openReplacement();
    // The upload lands and is active, then the connection drops before the move reaches Cloudflare.
    await rotateCutOff('drop');
    assert.deepEqual(
      servingNow(),
      HOSTNAMES.map(() => oldId),
      'nothing moved',
    );
    suite.session.api.tree.reloadAll();
    await rows(suite.session.api);
    const ready = await certificateRow(oldId);
    assert.equal(ready.contextValue, 'aopCertificate replacementReady');
    assert.match(ready.description, /replacement uploaded: 0 of 5 hostnames on rotate\.example\.org/);

    suite.session.emulator.log.clear();
    await vscode.commands.executeCommand('cloudflareCertificates.undoRotation', ready.node);
    assert.match(suite.prompts.messages.at(-1)?.text ?? '', /nothing to undo/);
    assert.deepEqual(suite.session.emulator.log.writes(), []);

    suite.prompts.answer('Move Hostnames', 'Delete Old Certificate');
    await vscode.commands.executeCommand('cloudflareCertificates.finishRotation', ready.node);
    assert.match(
      suite.prompts.asked.find((question) => /^Move 5 hostnames from/.test(question.text))?.text ?? '',
      /to its replacement \(expires \d{4}-\d\d-\d\d\)\?/,
    );
    assert.equal(copiesOf(replacement).length, 1, 'no duplicate upload');
    assert.deepEqual(
      suite.session.emulator.log.writes().map((entry) => entry.method),
      ['PUT', 'DELETE'],
    );
    assert.deepEqual(
      servingNow(),
      HOSTNAMES.map(() => copiesOf(replacement)[0].id),
    );
    assert.doesNotMatch(
      (await rows(suite.session.api, await group())).map((row) => row.description).join(' | '),
      /replacement uploaded|rotation incomplete/,
    );
    assertNeverDown();
  });

  it('asks before Finish Rotation moves every hostname to a replacement, and sends nothing when the person declines', async () => {
    const replacement = await openReplacement();
    suite.session.emulator.state.uploadAopCertificate(zoneId, replacement.certPem, replacement.key.pkcs8Pem, { fixedStatus: 'active' });
    suite.session.api.tree.reloadAll();
    await rows(suite.session.api);
    suite.session.emulator.log.clear();
    suite.prompts.answer(undefined);
    await vscode.commands.executeCommand('cloudflareCertificates.finishRotation', (await certificateRow(oldId)).node);
    assert.deepEqual(suite.session.emulator.log.writes(), []);
    assert.deepEqual(
      servingNow(),
      HOSTNAMES.map(() => oldId),
    );
  });

  it('marks "3 of 5 hostnames" moved, finishes the other two, and can undo a partial rotation instead', async () => {
    const replacement = await openReplacement();
    const newId = suite.session.emulator.state.uploadAopCertificate(zoneId, replacement.certPem, replacement.key.pkcs8Pem, {
      fixedStatus: 'active',
    }).id;
    suite.session.emulator.state.updateAssociations(
      zoneId,
      HOSTNAMES.slice(0, 3).map((hostname) => ({ hostname, cert_id: newId, enabled: true })),
      { immediate: true },
    );
    suite.session.api.tree.reloadAll();
    await rows(suite.session.api);
    const marked = await certificateRow(oldId);
    assert.match(marked.description, /rotation incomplete: 3 of 5 hostnames on rotate\.example\.org/);

    suite.prompts.answer('Move Back');
    await vscode.commands.executeCommand('cloudflareCertificates.undoRotation', marked.node);
    assert.deepEqual(
      servingNow(),
      HOSTNAMES.map(() => oldId),
      'undo puts every hostname back on the old certificate',
    );
    assert.doesNotMatch((await certificateRow(oldId)).description, /rotation incomplete/);

    suite.session.emulator.state.updateAssociations(
      zoneId,
      HOSTNAMES.slice(0, 3).map((hostname) => ({ hostname, cert_id: newId, enabled: true })),
      { immediate: true },
    );
    suite.session.api.tree.reloadAll();
    await rows(suite.session.api);
    suite.prompts.answer(undefined);
    await vscode.commands.executeCommand('cloudflareCertificates.finishRotation', (await certificateRow(oldId)).node);
    assert.deepEqual(
      servingNow(),
      HOSTNAMES.map(() => newId),
      'finish moves the last two',
    );
    assert.equal(copiesOf(replacement).length, 1);
    assert.match(suite.prompts.messages.at(-1)?.text ?? '', /is kept; it can be deleted later/);
    assertNeverDown();
  });
});
