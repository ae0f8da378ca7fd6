import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extensionHostLogs, logMessages, unhandledRejections } from '../../harness/extensionHostLog';

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
        '2026-11-23 03:17:12.002 [warning] rejected promise not handled within 1 second: Error: boom',
        '2026-11-23 03:17:12.003 [warning] stack trace: Error: boom',
        '    at load (/repo/dist/extension.js:1:2)',
        '2026-11-23 03:17:13.003 [warning] rejected promise not handled within 1 second: Error: elsewhere',
        '2026-11-23 03:17:13.004 [warning] stack trace: Error: elsewhere',
        '    at other (/builtin/git/dist/main.js:3:4)',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(root, 'ud', 'logs', '20261123T031700', 'renderer.log'),
      'rejected promise not handled /repo/dist/extension.js',
    );
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the extension-host logs and only the unhandled rejections that mention the extension', () => {
    assert.deepEqual(
      extensionHostLogs(root).map((file) => path.basename(file)),
      ['remoteexthost.log'],
    );
    const [file] = extensionHostLogs(root);
    const found = unhandledRejections(logMessages(file), ['/repo/dist/']);
    assert.equal(found.length, 1);
    assert.match(found[0], /Error: boom/);
  });

  it('reads console messages the same way, pairing each report with the stack that follows it', () => {
    const messages = [
      'rejected promise not handled within 1 second: Error: x',
      'stack trace: Error: x\n    at activate (/repo/dist/extension.js:9:9)',
      'an ordinary line from /repo/dist/',
    ];
    assert.deepEqual(unhandledRejections(messages, ['/repo/dist/']), ['rejected promise not handled within 1 second: Error: x']);
    assert.deepEqual(unhandledRejections(messages, ['/elsewhere/']), []);
  });
});
