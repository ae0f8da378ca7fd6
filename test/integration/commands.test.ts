import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, manifest, activateExtension } from './support/extension';

describe('Commands', () => {
  before(async () => {
    await activateExtension();
  });

  it('registers every command package.json declares, and declares every command it registers', async () => {
    const declared = manifest()
      .contributes.commands.map((command) => command.command)
      .sort();
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('cloudflareCertificates.')).sort();
    // The views' own commands (e.g. cloudflareCertificates.explorer.focus) come from VS Code, not us.
    const views = ['cloudflareCertificates.explorer.', 'cloudflareCertificates.workspace.'];
    const ours = registered.filter((id) => !views.some((view) => id.startsWith(view)) && !id.startsWith('workbench.'));
    const missing = declared.filter((id) => !ours.includes(id));
    const undeclared = ours.filter((id) => !declared.includes(id));
    assert.deepEqual({ missing, undeclared }, { missing: [], undeclared: [] });
  });

  it('keeps the commands that stand for one row out of the command palette, and offers the row actions there', () => {
    const hidden = new Set(
      manifest()
        .contributes.menus.commandPalette.filter((entry) => entry.when === 'false')
        .map((entry) => entry.command),
    );
    for (const id of ['retryNode', 'loadMore', 'revealCertificate', 'rotateOnCloudflare']) {
      assert.ok(hidden.has(`cloudflareCertificates.${id}`), `${id} should be hidden from the palette`);
    }
    for (const id of ['copyId', 'openInDashboard', 'disableForHostname', 'replacePackCertificate']) {
      assert.ok(!hidden.has(`cloudflareCertificates.${id}`), `${id} should be in the palette`);
    }
  });

  it('is the extension under test, activated lazily', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive);
    assert.ok(!manifest().activationEvents.includes('*'));
  });
});
