import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanForSecrets } from '../../harness/secretScan';

describe('secretScan (the check run after the integration suite)', () => {
  let root: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-scan-'));
    const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    fs.mkdirSync(path.join(root, 'logs', 'exthost'), { recursive: true });
    fs.writeFileSync(path.join(root, 'logs', 'exthost', 'output.log'), `upload failed\n${key}`);
    fs.writeFileSync(path.join(root, 'settings.json'), '{"token": "demo-token"}');
    fs.writeFileSync(
      path.join(root, 'clean.log'),
      'GET /zones 200 (12 ms)\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    );
    fs.mkdirSync(path.join(root, 'Backups', 'untitled'), { recursive: true });
    fs.writeFileSync(path.join(root, 'Backups', 'untitled', '1'), key);
    // Written "now" by this process's clock, not the file system's: the scan compares the two, and
    // under a shifted clock (faketime in .ci/run) the kernel's timestamps would be hours away.
    const now = Date.now() / 1000;
    for (const file of ['logs/exthost/output.log', 'settings.json', 'clean.log', 'Backups/untitled/1']) {
      fs.utimesSync(path.join(root, file), now, now);
    }
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds a private key in a log and a token in a settings file, and nothing in clean files', () => {
    const findings = scanForSecrets([root]).map((finding) => [path.relative(root, finding.file), finding.what]);
    assert.deepEqual(findings.sort(), [
      [path.join('logs', 'exthost', 'output.log'), 'a private key'],
      ['settings.json', 'the token "demo…"'],
    ]);
  });

  it('in a shared folder, looks only at files changed since the run began and outside the excluded paths', () => {
    const old = Date.now() - 60_000;
    fs.utimesSync(path.join(root, 'settings.json'), old / 1000, old / 1000);
    const findings = scanForSecrets([root], { modifiedSince: Date.now() - 30_000, exclude: [path.join(root, 'logs')] });
    assert.deepEqual(findings, []);
    const withLogs = scanForSecrets([root], { modifiedSince: Date.now() - 30_000, exclude: [/never-matches/] });
    assert.deepEqual(
      withLogs.map((finding) => path.relative(root, finding.file)),
      [path.join('logs', 'exthost', 'output.log')],
    );
  });
});
