import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './codeServer';
import { runLogged, tailOf } from './logged';

/**
 * Packages the VSIX for the demo, the browser tests and the benchmarks with vsce's listing of every
 * file in a log instead of on the console (vsce has no quiet flag): there it pushed the demo's URL
 * and the test results out of sight. `npm run package` still shows it, for whoever packages by hand.
 */
const VSIX = path.join(REPO_ROOT, 'out', 'cloudflare-certificates.vsix');

async function main(): Promise<void> {
  const logDir = path.join(REPO_ROOT, '.cache', 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, 'package.log');
  const code = await runLogged('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, logFile, label: 'packaging the extension' });
  if (code !== 0 || !fs.existsSync(VSIX)) {
    console.error(`Packaging failed (exit ${code}); last lines of ${path.relative(process.cwd(), logFile)}:\n${tailOf(logFile, 30)}`);
    process.exit(1);
  }
  const kilobytes = (fs.statSync(VSIX).size / 1024).toFixed(1);
  console.log(`  ${path.relative(process.cwd(), VSIX)}: ${kilobytes} KB (vsce's file list: ${path.relative(process.cwd(), logFile)})`);
}

void main();
