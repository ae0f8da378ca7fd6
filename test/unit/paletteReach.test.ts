import * as assert from 'node:assert/strict';
import { manifest } from '../support/manifest';

/**
 * Row actions that stay out of the palette, each for a reason: they stand for the row they are on
 * and have no meaning without it. Every other row action is a palette command that asks for its row.
 */
const INTERNAL: Record<string, string> = {
  'cloudflareCertificates.retryNode': "an error row's own click: it retries the load that failed there",
  'cloudflareCertificates.loadMore': 'the "Load more" row of a long list: it shows the next page of that list',
  'cloudflareCertificates.revealCertificate': "the CodeLens and hover link to a certificate's row, by the row's id",
  'cloudflareCertificates.rotateOnCloudflare':
    'a newer certificate block in the workspace (CodeLens, Workspace view): Rotate Certificate… is its palette form',
};

const menus = manifest.contributes.menus;
const rowActions = [...new Set(menus['view/item/context'].map((entry) => entry.command))];
const palette = new Map(menus.commandPalette.map((entry) => [entry.command, entry.when]));

describe('every row action from the command palette', () => {
  it('shows every row action in the palette, only with a token, unless it is listed as internal with a reason', () => {
    const unreachable = rowActions.filter((command) => !(command in INTERNAL) && palette.get(command) === 'false');
    assert.deepEqual(unreachable, [], 'row actions hidden from the palette without a reason');
    const withoutToken = rowActions.filter(
      (command) =>
        !(command in INTERNAL) &&
        palette.has(command) &&
        !/\bcloudflareCertificates\.hasToken\b|\beditorIsOpen\b/.test(palette.get(command) ?? ''),
    );
    assert.deepEqual(withoutToken, [], 'palette entries of row actions that show before a token is set');
  });

  it('hides the internal ones from the palette', () => {
    for (const [command, reason] of Object.entries(INTERNAL)) {
      assert.ok(reason.length > 0);
      assert.equal(palette.get(command), 'false', `${command} should be hidden from the palette`);
    }
  });
});
