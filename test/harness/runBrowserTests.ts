import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Mocha from 'mocha';
import { startEmulator } from '../emulator/emulator';
import { REPO_ROOT, startCodeServer } from './codeServer';
import { setBrowserTestEnvironment } from '../e2e/support/environment';
import { createDemoWorkspace } from './demoWorkspace';
import { PROBE_COMMAND_TITLE, PROBE_ID, packageProbeExtension } from './probeExtension';

/**
 * Browser end-to-end tests: the packaged .vsix installed into code-server, pointed at a seeded
 * emulator, driven by Debian's Chromium through playwright-core as a person would use it.
 */
async function main(): Promise<number> {
  const started = Date.now();
  const vsix = path.join(REPO_ROOT, 'out', 'cloudflare-certificates.vsix');
  if (!fs.existsSync(vsix)) {
    throw new Error('out/cloudflare-certificates.vsix is missing: run "npm run package" first.');
  }
  const emulator = await startEmulator({ port: 0, seed: 'demo', transitionMs: 1500 });
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-e2e-workspace-'));
  await createDemoWorkspace(folder);
  // A second, unrelated extension that tries to reach our token through our exports.
  const probe = packageProbeExtension();
  const server = await startCodeServer({
    folder,
    vsix,
    extraExtensions: [probe.vsix],
    settings: {
      'cloudflareCertificates.apiBaseUrl': emulator.baseUrl,
      // Off, so its notification covers no other test's clicks; the watch's own test turns it on.
      'cloudflareCertificates.expiryCheckIntervalHours': 0,
      'cfcertsProbe.reportFile': probe.reportFile,
      // The browser's colour scheme picks the theme, so each test can ask for light or dark.
      'window.autoDetectColorScheme': true,
      'workbench.preferredDarkColorTheme': 'Default Dark Modern',
      'workbench.preferredLightColorTheme': 'Default Light Modern',
    },
  });
  setBrowserTestEnvironment({
    workbenchUrl: server.url,
    folder,
    emulator,
    userDataDir: server.userDataDir,
    probe: { id: PROBE_ID, commandTitle: PROBE_COMMAND_TITLE, reportFile: probe.reportFile },
  });
  try {
    const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, forbidOnly: true, reporter: 'spec' });
    if (process.env.E2E_GREP) {
      mocha.grep(process.env.E2E_GREP);
    }
    const dir = path.join(REPO_ROOT, 'out', 'test', 'e2e');
    // First-run comes first: the later files set the token.
    const rank = (name: string) => (name.startsWith('firstRun') ? 0 : 1);
    const files = fs.readdirSync(dir).filter((name) => name.endsWith('.test.js'));
    for (const file of files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))) {
      mocha.addFile(path.join(dir, file));
    }
    let passes = 0;
    const failures = await new Promise<number>((resolve) => {
      const runner = mocha.run(resolve);
      runner.on('pass', () => (passes += 1));
    });
    console.log(`e2e: ${passes} passed, ${failures} failed`);
    console.log(`Browser tests finished in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-results/screenshots.`);
    return failures > 0 ? 1 : 0;
  } finally {
    await server.stop();
    await emulator.close();
    probe.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
