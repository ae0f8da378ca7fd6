import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * pkijs is loaded only when a bundle is opened: not by recognising one (pkcs12Format), not by the
 * lazy loaders, not by the certificate parser. Checked in a fresh Node process.
 */
const OUT_SRC_X509 = path.resolve(__dirname, '../../../src/x509');

const PROBE = `
const path = require('node:path');
const [dir] = process.argv.slice(1);
const pkijsLoaded = () => Object.keys(require.cache).some((file) => file.split(path.sep).join('/').includes('/node_modules/pkijs/'));
require(path.join(dir, 'pkcs12Format.js'));
const lazy = require(path.join(dir, 'lazy.js'));
lazy.loadX509();
const report = { beforeLoad: pkijsLoaded() };
const api = lazy.loadPkcs12();
report.afterLoad = pkijsLoaded();
report.exports = Object.keys(api).sort();
process.stdout.write(JSON.stringify(report));
`;

describe('lazy loading of pkijs', () => {
  it('is loaded by loadPkcs12() only, not by recognising a bundle or by the certificate parser', () => {
    const child = spawnSync(process.execPath, ['-e', PROBE, OUT_SRC_X509], { encoding: 'utf8', timeout: 15_000 });
    assert.equal(child.status, 0, child.stderr);
    const report = JSON.parse(child.stdout) as { beforeLoad: boolean; afterLoad: boolean; exports: string[] };
    assert.equal(report.beforeLoad, false);
    assert.equal(report.afterLoad, true);
    assert.deepEqual(report.exports, ['openPkcs12', 'readPkcs12', 'useTranslations']);
  });
});
