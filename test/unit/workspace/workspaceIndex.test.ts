import * as assert from 'node:assert/strict';
import { MAX_FILE_BYTES, WorkspaceIndex, type WorkspaceFiles } from '../../../src/workspace/workspaceIndex';
import { createCertificate, days } from '../../fixtures/certificateFactory';

/** Files in memory, counting each read by file. */
function memoryFiles(contents: Map<string, string>): WorkspaceFiles & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    size: async (uri) => {
      const text = contents.get(uri);
      if (text === undefined) {
        throw new Error(`${uri} does not exist`);
      }
      return Buffer.byteLength(text);
    },
    read: async (uri) => {
      reads.push(uri);
      return Buffer.from(contents.get(uri)!);
    },
    relative: (uri) => uri.replace('file:///repo/', ''),
  };
}

describe('Workspace index', () => {
  it('keeps each file’s certificates, skips what is too big, and re-reads only the file that changed', async () => {
    const first = await createCertificate({ commonName: 'first.example.org', notAfter: days(30) });
    const second = await createCertificate({ commonName: 'second.example.org', notAfter: days(60) });
    const contents = new Map([
      ['file:///repo/tls/first.pem', first.certPem],
      ['file:///repo/config/app.json', JSON.stringify({ name: 'no certificate here' })],
      ['file:///repo/values.yaml', `server:\n  cert: |\n${second.certPem.replace(/^/gm, '    ')}`],
      ['file:///repo/huge.pem', `${first.certPem}${'#'.repeat(MAX_FILE_BYTES)}`],
    ]);
    const files = memoryFiles(contents);
    const index = new WorkspaceIndex(files);
    await index.scanAll([...contents.keys()], () => false);

    const names = () =>
      [...index.current.certificates.entries()].map(([uri, found]) => `${uri}: ${found.map((entry) => entry.facts.commonName).join(', ')}`);
    assert.deepEqual(names(), ['file:///repo/tls/first.pem: first.example.org', 'file:///repo/values.yaml: second.example.org']);
    assert.equal(index.current.certificates.get('file:///repo/values.yaml')![0].line, 2, 'the block starts on the third line');
    assert.equal(index.current.skipped.length, 1);
    assert.match(index.current.skipped[0], /^huge\.pem \(\d+ KB, over 1 MB\)$/);
    assert.equal(index.current.filesRead, 3);

    files.reads.length = 0;
    contents.set('file:///repo/config/app.json', JSON.stringify({ cert: second.certPem }));
    assert.equal(await index.update('file:///repo/config/app.json'), true, 'what the file holds changed');
    assert.deepEqual(files.reads, ['file:///repo/config/app.json'], 'only the changed file is read');
    assert.equal(index.current.certificates.get('file:///repo/config/app.json')?.[0].facts.commonName, 'second.example.org');

    assert.equal(index.delete('file:///repo/tls/first.pem'), true);
    assert.equal(index.current.certificates.has('file:///repo/tls/first.pem'), false);
  });

  it('stops a scan that is cancelled and says so', async () => {
    const contents = new Map([
      ['file:///repo/a.json', '{}'],
      ['file:///repo/b.json', '{}'],
    ]);
    const files = memoryFiles(contents);
    const index = new WorkspaceIndex(files);
    await index.scanAll([...contents.keys()], () => files.reads.length >= 1);
    assert.deepEqual(files.reads, ['file:///repo/a.json']);
    assert.deepEqual(index.current.skipped, ['the scan was cancelled: refresh the view to finish it']);
  });
});
