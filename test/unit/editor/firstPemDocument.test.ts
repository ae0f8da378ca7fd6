import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { changeMayAddPem, whenFirstPemDocument, type DocumentSource } from '../../../src/editor/firstPemDocument';
import { Emitter } from '../../../src/model/emitter';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

/** A document as the gate reads it: its text, and its lines as VS Code splits them. */
function documentOf(text: string): vscode.TextDocument {
  const lines = text.split(/\r\n|\r|\n/);
  return {
    getText: () => text,
    lineCount: lines.length,
    lineAt: (line: number) => ({ text: lines[line] }),
  } as unknown as vscode.TextDocument;
}

/** The event for one edit: `inserted` put at `line`, and the document as it reads afterwards. */
function edit(after: string, line: number, inserted: string): vscode.TextDocumentChangeEvent {
  return {
    document: documentOf(after),
    contentChanges: [{ range: { start: { line } }, text: inserted }],
  } as unknown as vscode.TextDocumentChangeEvent;
}

class FakeWorkspace implements DocumentSource {
  readonly opened = new Emitter<vscode.TextDocument>();
  readonly changed = new Emitter<vscode.TextDocumentChangeEvent>();
  readonly onDidOpenTextDocument = this.opened.event;
  readonly onDidChangeTextDocument = this.changed.event;
  constructor(readonly textDocuments: vscode.TextDocument[] = []) {}
}

describe('the PEM editor features start on the first document holding PEM', () => {
  it('starts at once when a document open at activation holds PEM', () => {
    let starts = 0;
    whenFirstPemDocument(new FakeWorkspace([documentOf('notes'), documentOf(`cert: |\n  ${PEM}`)]), () => (starts += 1));
    assert.equal(starts, 1);
  });

  it('waits while no document holds PEM, starts once one is opened, and only once', () => {
    const workspace = new FakeWorkspace([documentOf('notes')]);
    let starts = 0;
    whenFirstPemDocument(workspace, () => (starts += 1));
    workspace.opened.fire(documentOf('no certificate here'));
    assert.equal(starts, 0);
    workspace.opened.fire(documentOf(PEM));
    workspace.opened.fire(documentOf(PEM));
    assert.equal(starts, 1);
    assert.equal(workspace.opened.listenerCount + workspace.changed.listenerCount, 0, 'listeners left behind');
  });

  it('starts when an edit makes a document hold PEM, base64-encoded too', () => {
    for (const marker of ['-----BEGIN CERTIFICATE-----', 'tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t']) {
      const workspace = new FakeWorkspace();
      let starts = 0;
      whenFirstPemDocument(workspace, () => (starts += 1));
      workspace.changed.fire(edit('a\nb\n', 1, 'b'));
      assert.equal(starts, 0);
      workspace.changed.fire(edit(`a\n${marker}\nMIIB\n`, 1, `${marker}\nMIIB`));
      assert.equal(starts, 1, marker);
    }
  });

  it('stops listening when disposed before any PEM appeared', () => {
    const workspace = new FakeWorkspace();
    let starts = 0;
    whenFirstPemDocument(workspace, () => (starts += 1)).dispose();
    workspace.opened.fire(documentOf(PEM));
    assert.equal(starts, 0);
  });
});

describe('whether an edit can have added PEM', () => {
  it('finds a marker completed by one keystroke on its line', () => {
    assert.equal(changeMayAddPem(edit('x\n-----BEGIN CERTIFICATE-----\n', 1, 'E')), true);
  });

  it('finds a marker made by joining two lines (a deleted line break)', () => {
    assert.equal(changeMayAddPem(edit('-----BEGIN CERTIFICATE-----', 0, '')), true);
  });

  it('finds a marker on the last line of a pasted block, with \\r\\n or lone \\r breaks', () => {
    assert.equal(changeMayAddPem(edit('a\r\nb\r\n-----BEGIN X-----', 0, 'a\r\nb\r\n-----BEGIN X-----')), true);
    assert.equal(changeMayAddPem(edit('a\rb\r-----BEGIN X-----', 0, 'a\rb\r-----BEGIN X-----')), true);
  });

  it('does not read lines the edit did not touch', () => {
    // PEM further down, untouched by this edit, was there before it: the gate has seen it already.
    assert.equal(changeMayAddPem(edit(`typed\n\n${PEM}`, 0, 'typed')), false);
  });

  it('reads the whole text for several changes at once, and nothing for none', () => {
    const document = documentOf(`a\n${PEM}`);
    const change = { range: { start: { line: 0 } }, text: 'a' };
    const event = (count: number) => ({ document, contentChanges: Array(count).fill(change) }) as unknown as vscode.TextDocumentChangeEvent;
    assert.equal(changeMayAddPem(event(2)), true);
    assert.equal(changeMayAddPem(event(0)), false);
  });
});
