import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, startEmulatorSession, type EmulatorSession } from './support/emulatorSession';
import { ScriptedPrompts } from './support/scriptedPrompts';
import { rows } from './support/treeItems';

describe('API token', function () {
  let session: EmulatorSession;
  let prompts: ScriptedPrompts;

  before(async () => {
    session = await startEmulatorSession();
    await session.api.tokens.clear();
  });

  beforeEach(() => {
    prompts = new ScriptedPrompts(session.api);
    session.emulator.log.clear();
  });

  afterEach(() => prompts.restore());

  after(async () => {
    await session?.stop();
  });

  it('shows the welcome view (an empty tree) and makes no request while no token is set', async () => {
    assert.deepEqual(await rows(session.api), []);
    assert.equal(session.emulator.log.entries().length, 0);
  });

  it('verifies a token before keeping it, then shows the zones', async () => {
    prompts.answer('  demo-token  ');
    await vscode.commands.executeCommand('cloudflareCertificates.setToken');
    assert.equal(await session.api.tokens.get(), 'demo-token');
    assert.ok(session.emulator.log.entries().some((entry) => entry.path === '/user/tokens/verify'));
    assert.match(prompts.messages.at(-1)?.text ?? '', /verified and saved/);
    const zones = await eventually('zones in the tree', async () => {
      const roots = await rows(session.api);
      return roots.length > 0 ? roots : undefined;
    });
    assert.ok(zones.every((row) => /^zone\b/.test(row.contextValue ?? '')));
  });

  it('refuses a token Cloudflare rejects, says so in words, and keeps nothing', async () => {
    await session.api.tokens.clear();
    // The refusal is shown in the box, which stays open: the person then cancels.
    prompts.answer('not-a-real-token-0123456789', undefined);
    await vscode.commands.executeCommand('cloudflareCertificates.setToken');
    assert.equal(await session.api.tokens.get(), undefined);
    assert.equal(prompts.validations.length, 1, 'the problem is shown in the box');
    assert.match(prompts.validations[0], /rejected the API token/);
    assert.ok(!prompts.validations[0].includes('not-a-real-token'), 'the token must not appear in the message');
    assert.deepEqual(
      prompts.messages.filter((message) => message.kind === 'error'),
      [],
      'no notification: the box says it',
    );
    assert.deepEqual(await rows(session.api), []);
  });

  it('keeps the box open after a refused token, and takes the corrected one', async () => {
    await session.api.tokens.clear();
    prompts.answer('not-a-real-token-0123456789', 'demo-token');
    await vscode.commands.executeCommand('cloudflareCertificates.setToken');
    assert.equal(prompts.validations.length, 1);
    assert.equal(await session.api.tokens.get(), 'demo-token');
    assert.match(prompts.messages.at(-1)?.text ?? '', /verified and saved/);
  });

  it('accepts an account-owned token through the account-token check', async () => {
    prompts.answer('demo-account-token');
    await vscode.commands.executeCommand('cloudflareCertificates.setToken');
    assert.equal(await session.api.tokens.get(), 'demo-account-token');
    const paths = session.emulator.log.entries().map((entry) => entry.path);
    assert.ok(
      paths.some((path) => /^\/accounts\/[^/]+\/tokens\/verify$/.test(path)),
      paths.join(', '),
    );
  });

  it('does nothing when the input box is cancelled', async () => {
    await session.api.tokens.set('demo-token');
    prompts.answer(undefined);
    await vscode.commands.executeCommand('cloudflareCertificates.setToken');
    assert.equal(await session.api.tokens.get(), 'demo-token');
    assert.equal(session.emulator.log.entries().filter((entry) => entry.path.includes('verify')).length, 0);
  });

  it('asks for the token in a password box that keeps focus', async () => {
    let seen: vscode.InputBoxOptions | undefined;
    prompts.answer((options) => {
      seen = options as vscode.InputBoxOptions;
      return undefined;
    });
    await vscode.commands.executeCommand('cloudflareCertificates.setToken');
    assert.equal(seen?.password, true);
    assert.equal(seen?.ignoreFocusOut, true);
  });

  it('removes the token after a modal confirmation, bringing the welcome view back', async () => {
    await session.api.tokens.set('demo-token');
    prompts.answer(undefined);
    await vscode.commands.executeCommand('cloudflareCertificates.clearToken');
    assert.equal(await session.api.tokens.get(), 'demo-token', 'cancel keeps the token');
    prompts.answer('Remove Token');
    await vscode.commands.executeCommand('cloudflareCertificates.clearToken');
    assert.equal(await session.api.tokens.get(), undefined);
    assert.deepEqual(await rows(session.api), []);
  });
});
