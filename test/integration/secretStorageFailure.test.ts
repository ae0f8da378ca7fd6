import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, startEmulatorSession, type EmulatorSession } from './support/emulatorSession';
import { ScriptedPrompts } from './support/scriptedPrompts';
import { rows } from './support/treeItems';

const TOKEN = 'demo-token';
const LEVELS = ['defaultValue', 'globalValue', 'workspaceValue', 'workspaceFolderValue'] as const;

/** Every level of every setting this extension contributes, and the whole settings tree, as text. */
function settingsText(): string {
  const ours = vscode.workspace.getConfiguration('cloudflareCertificates');
  const inspected = ['apiBaseUrl', 'expiryWarningDays', 'expiryCriticalDays', 'apiToken', 'token'].map((key) => {
    const found = ours.inspect(key);
    return LEVELS.map((level) => found?.[level]);
  });
  return JSON.stringify([inspected, vscode.workspace.getConfiguration()]);
}

describe('Secrets under failure (SecretStorage without an OS keyring)', function () {
  let session: EmulatorSession;
  let prompts: ScriptedPrompts;
  let failing: vscode.Disposable | undefined;
  let logLines: string[];
  let restoreLog: () => void;

  before(async () => {
    session = await startEmulatorSession();
    await session.api.tokens.clear();
  });

  beforeEach(() => {
    prompts = new ScriptedPrompts(session.api);
    session.emulator.log.clear();
    // Everything the extension logs, as given to the log (before redaction), to check no token is in it.
    logLines = [];
    const log = session.api.log;
    const originals = { info: log.info, warn: log.warn, error: log.error, debug: log.debug };
    for (const level of ['info', 'warn', 'error', 'debug'] as const) {
      log[level] = (message: string) => {
        logLines.push(`${level}: ${message}`);
        originals[level].call(log, message);
      };
    }
    restoreLog = () => Object.assign(log, originals);
  });

  afterEach(() => {
    failing?.dispose();
    failing = undefined;
    prompts.restore();
    restoreLog();
  });

  after(async () => {
    await session?.stop();
  });

  for (const how of ['reject', 'throw'] as const) {
    it(`says what to do when the token cannot be saved, and keeps it nowhere (storage calls ${how})`, async () => {
      const settingsBefore = settingsText();
      failing = session.api.tokens.simulateUnavailableStorageForTests(how);
      prompts.answer(TOKEN);
      await vscode.commands.executeCommand('cloudflareCertificates.setToken');

      assert.ok(
        session.emulator.log.entries().some((entry) => entry.path === '/user/tokens/verify'),
        'the token was checked first',
      );
      const errors = prompts.messages.filter((message) => message.kind === 'error');
      assert.equal(errors.length, 1, JSON.stringify(prompts.messages));
      assert.match(errors[0].text, /^The API token could not be saved because VS Code's secret storage is unavailable/);
      assert.match(errors[0].text, /gnome-keyring/);
      assert.match(errors[0].text, /--password-store=basic/);
      assert.ok(!prompts.messages.some((message) => /verified and saved/.test(message.text)), 'no success message');
      assert.ok(
        logLines.some((line) => /^error: cloudflareCertificates\.setToken failed: The API token could not be saved/.test(line)),
        logLines.join('\n'),
      );

      const said = [
        ...prompts.messages.map((message) => message.text),
        ...prompts.validations,
        ...prompts.asked.map((question) => question.text),
        ...logLines,
      ];
      assert.deepEqual(
        said.filter((text) => text.includes(TOKEN)),
        [],
        'the token must not appear in any message or log line',
      );

      assert.equal(await session.api.tokens.get(), undefined, 'not even kept in memory');
      assert.equal(session.api.tokens.storageUnavailable, true);
      assert.deepEqual(await rows(session.api), [], 'the welcome view (no zones)');
      assert.equal(settingsText(), settingsBefore, 'no setting changed');
      assert.ok(!settingsText().includes(TOKEN), 'the token is in no setting');
    });
  }

  it('says so when the token cannot be removed either, and crashes nothing', async () => {
    failing = session.api.tokens.simulateUnavailableStorageForTests('reject');
    prompts.answer('Remove Token');
    await vscode.commands.executeCommand('cloudflareCertificates.clearToken');
    const errors = prompts.messages.filter((message) => message.kind === 'error');
    assert.equal(errors.length, 1, JSON.stringify(prompts.messages));
    assert.match(errors[0].text, /could not be removed because VS Code's secret storage is unavailable/);
    assert.deepEqual(await rows(session.api), []);
  });

  it('works again once the storage does: the same command saves the token and the zones appear', async () => {
    prompts.answer(TOKEN);
    await vscode.commands.executeCommand('cloudflareCertificates.setToken');
    assert.match(prompts.messages.at(-1)?.text ?? '', /verified and saved/);
    assert.equal(await session.api.tokens.get(), TOKEN);
    assert.equal(session.api.tokens.storageUnavailable, false);
    await eventually('zones in the tree', async () => ((await rows(session.api)).length > 0 ? true : undefined));
  });
});
