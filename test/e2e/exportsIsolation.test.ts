import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../harness/codeServer';
import { browserTestEnvironment } from './support/environment';
import { WorkbenchPage } from './support/workbenchPage';

const TOKEN = 'demo-token';
const EXTENSION_ID = 'cfcerts.cloudflare-certificates';

/** What the probe extension (test/e2e/fixtures/probeExtension) writes after trying to reach our token. */
interface Attempt {
  ok: boolean;
  kind?: string;
  value?: string;
  methods?: string[];
  error?: string;
}
interface Walk {
  entries: { path: string; kind: string }[];
  strings: string[];
  interesting: { path: string; kind: string }[];
}
interface ProbeReport {
  probe: string;
  found: boolean;
  listedIds: string[];
  activeAfter?: boolean;
  exportsKind?: string;
  walk?: Walk;
  activateResultIsExports?: boolean;
  activateResultWalk?: Walk;
  attempts: Record<
    'activate' | 'tokensGet' | 'clientsClient' | 'clientsForToken' | 'clientListZones' | 'ownSecretStorage',
    Attempt | undefined
  >;
}

function probeSetup() {
  const { probe } = browserTestEnvironment();
  if (!probe) {
    throw new Error('The browser-test runner installed no probe extension (test/harness/runBrowserTests.ts).');
  }
  return probe;
}

/** The probe writes its report (whole, then renamed) before it shows its notification: read it once that shows. */
function readReport(file: string): string {
  if (!fs.existsSync(file)) {
    throw new Error(`The probe showed its notification but wrote no report to ${file}`);
  }
  return fs.readFileSync(file, 'utf8');
}

/** Nothing that can read the token or act with it: no object, no function, just nothing. */
function assertHoldsNothing(walk: Walk | undefined, what: string): void {
  assert.ok(walk, `${what}: the probe did not walk it`);
  const reachable = walk.entries.filter((entry) => entry.kind === 'object' || entry.kind === 'function');
  assert.deepEqual(
    reachable.map((entry) => entry.path),
    [],
    `${what} hands other extensions objects or functions`,
  );
  assert.deepEqual(walk.interesting, [], `${what} holds token- or client-like members`);
}

describe('Exports isolation from other extensions', function () {
  let workbench: WorkbenchPage;
  let reportText: string;
  let report: ProbeReport;

  before(async () => {
    const environment = browserTestEnvironment();
    workbench = await WorkbenchPage.open(environment.workbenchUrl, environment.folder);
  });

  after(async () => {
    await workbench?.close();
  });

  it('takes the token through the password box, and the tree loads with it', async () => {
    await workbench.setToken(TOKEN);
    await workbench.certificatesPane().locator('.monaco-list-row').first().waitFor({ timeout: 30_000 });
    assert.equal(await workbench.welcomeButton('Set API Token').isVisible(), false);
  });

  it('lets the second extension find ours and activate it (so the rest can fail for the right reason)', async () => {
    const probe = probeSetup();
    fs.rmSync(probe.reportFile, { force: true });
    await workbench.runCommand(probe.commandTitle);
    await workbench.notification(/Exports probe:/).waitFor({ timeout: 30_000 });
    reportText = readReport(probe.reportFile);
    report = JSON.parse(reportText) as ProbeReport;
    // Kept for reading after a run: what another extension could see.
    fs.mkdirSync(path.join(REPO_ROOT, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(REPO_ROOT, 'test-results', 'probe-report.json'), reportText);
    assert.equal(report.probe, probe.id);
    assert.equal(report.found, true, `the probe did not see ${EXTENSION_ID}; it saw ${report.listedIds.join(', ')}`);
    assert.equal(report.attempts.activate?.ok, true, `activate() failed for the probe: ${report.attempts.activate?.error}`);
    assert.equal(report.activeAfter, true);
  });

  it('gives the second extension nothing through exports: no token store, no client, no function, no object', () => {
    assert.ok(report, 'no probe report (the previous test failed)');
    assert.equal(report.exportsKind, 'undefined', `exports is ${report.exportsKind}: ${JSON.stringify(report.walk?.interesting)}`);
    assertHoldsNothing(report.walk, 'exports');
    if (report.activateResultIsExports === false) {
      assertHoldsNothing(report.activateResultWalk, 'the value activate() resolves to');
    }
    const tokensGet = report.attempts.tokensGet;
    assert.ok(tokensGet?.ok && tokensGet.kind === 'undefined', `exports.tokens.get() gave the probe ${JSON.stringify(tokensGet)}`);
    for (const name of ['clientsClient', 'clientsForToken', 'clientListZones'] as const) {
      const result = report.attempts[name];
      assert.ok(result?.ok && result.kind === 'undefined', `${name} gave the probe ${JSON.stringify(result)}`);
    }
    // SecretStorage is per extension: the same key in the probe's own storage holds nothing.
    assert.equal(report.attempts.ownSecretStorage?.kind, 'undefined');
  });

  it('lets no trace of the token or the account reach the second extension', async () => {
    assert.ok(reportText, 'no probe report (an earlier test failed)');
    assert.ok(!reportText.includes(TOKEN), 'the token appears in what the probe collected');
    const { emulator } = browserTestEnvironment();
    const response = await fetch(`${emulator.baseUrl}/zones?per_page=50`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const zones = ((await response.json()) as { result: { id: string; name: string }[] }).result;
    assert.ok(zones.length > 0);
    for (const zone of zones) {
      assert.ok(!reportText.includes(zone.id), `zone ${zone.name} reached the probe`);
    }
  });
});
