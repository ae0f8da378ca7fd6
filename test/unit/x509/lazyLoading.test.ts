import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The certificate parser (@peculiar/x509) must stay out of activation: the modules every open
 * document runs through may not load it, and loadX509() must. Checked in a fresh Node process,
 * because this test process has long since loaded it for other tests.
 */
const OUT_SRC_X509 = path.resolve(__dirname, '../../../src/x509');

/** Runs in the child: requires the given modules, then reports which parser files are loaded. */
const PROBE = `
const path = require('node:path');
const [dir, ...modules] = process.argv.slice(1);
const parserLoaded = () => Object.keys(require.cache).some((file) => file.split(path.sep).join('/').includes('/node_modules/@peculiar/x509/'));
for (const name of modules) require(path.join(dir, name));
const report = { afterModules: parserLoaded() };
if (modules.includes('lazy.js')) {
  const lazy = require(path.join(dir, 'lazy.js'));
  report.flagBefore = lazy.isX509Loaded();
  const api = lazy.loadX509();
  report.afterLoad = parserLoaded();
  report.flagAfter = lazy.isX509Loaded();
  report.exports = Object.keys(api).sort();
  report.sameInstance = lazy.loadX509() === api;
}
process.stdout.write(JSON.stringify(report));
`;

function probe(modules: string[]): Record<string, unknown> {
  const child = spawnSync(process.execPath, ['-e', PROBE, OUT_SRC_X509, ...modules], { encoding: 'utf8', timeout: 15_000 });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as Record<string, unknown>;
}

describe('lazy loading of @peculiar/x509', () => {
  it('is not loaded by the modules that run on every document', () => {
    const report = probe(['pemBlocks.js', 'certificateSummary.js']);
    assert.equal(report.afterModules, false);
  });

  it('is not loaded by the document analysis, key reading or Node-based facts either', () => {
    const report = probe(['documentAnalysis.js', 'privateKey.js', 'certificateFacts.js', 'displayName.js', 'pemError.js']);
    assert.equal(report.afterModules, false);
  });

  it('is loaded by loadX509(), once, and not before it is called', () => {
    const report = probe(['pemBlocks.js', 'certificateSummary.js', 'lazy.js']);
    assert.equal(report.afterModules, false, 'requiring lazy.js alone must not load the parser');
    assert.equal(report.flagBefore, false);
    assert.equal(report.afterLoad, true);
    assert.equal(report.flagAfter, true);
    assert.equal(report.sameInstance, true);
    assert.deepEqual(report.exports, ['displayName', 'inspectCertificate', 'prepareUpload', 'stripEcParameters', 'useTranslations']);
  });

  it('can tell when the parser is loaded (the probe is not blind)', () => {
    const report = probe(['certificateInfo.js']);
    assert.equal(report.afterModules, true);
  });
});
