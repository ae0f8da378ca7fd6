import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extensionHostLogs, unhandledRejectionLines } from '../../harness/extensionHostLog';

describe('extensionHostLog (the check run after the integration suite)', () => {
  let root: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'exthost-log-'));
    const folder = path.join(root, 'ud', 'logs', '20261123T031700', 'exthost1');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(
      path.join(folder, 'remoteexthost.log'),
      [
        '2026-11-23 03:17:10.001 [info] ExtensionService#_doActivateExtension cfcerts.cloudflare-certificates',
        '2026-11-23 03:17:12.002 [error] rejected promise not handled within 1 second: Error: boom',
        '    at load (/repo/dist/extension.js:1:2)',
        '2026-11-23 03:17:13.003 [error] rejected promise not handled within 1 second: Error: elsewhere',
        '    at other (/builtin/git/dist/main.js:3:4)',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(root, 'ud', 'logs', '20261123T031700', 'renderer.log'), 'rejected promise not handled /repo/dist/extension.js');
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the extension-host logs and only the unhandled rejections that mention the extension', () => {
    assert.deepEqual(extensionHostLogs(root).map((file) => path.basename(file)), ['remoteexthost.log']);
    const lines = unhandledRejectionLines(root, ['/repo/dist/']);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /Error: boom/);
  });
});
