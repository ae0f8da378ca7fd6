import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { manifest, ROOT } from '../support/manifest';

const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

function titleOf(command: string): string {
  const title = manifest.contributes.commands.find((entry) => entry.command === command)?.title ?? '';
  return nls[/^%(.+)%$/.exec(title)?.[1] ?? ''] ?? title;
}

/** The row kinds a `when` clause names ("viewItem == aopGroup", "viewItem =~ /^(zone|aopGroup)\\b/"). */
function rowsOf(when = ''): string[] {
  const single = /viewItem == '?(\w+)/.exec(when)?.[1];
  const several = /viewItem =~ \/\^\(([\w|]+)\)/.exec(when)?.[1];
  const one = /viewItem =~ \/\^(\w+)\\b/.exec(when)?.[1];
  return single ? [single] : (several?.split('|') ?? (one ? [one] : []));
}

/** Menu entries a keyboard user depends on: an inline button alone cannot be reached with Shift+F10. */
describe('manifest menus for the keyboard', () => {
  it('puts every inline row action in the context menu too, for the same rows', () => {
    const rowMenu = manifest.contributes.menus['view/item/context'];
    const inline = rowMenu.filter((entry) => entry.group === 'inline');
    assert.ok(inline.some((entry) => entry.command === 'cloudflareCertificates.refreshNode'));
    for (const button of inline) {
      const rows = rowsOf(button.when);
      assert.ok(rows.length > 0, `cannot read the rows of ${button.when}`);
      const inMenu = rowMenu
        .filter((entry) => entry.command === button.command && entry.group !== 'inline')
        .flatMap((entry) => rowsOf(entry.when));
      const missing = rows.filter((row) => !inMenu.includes(row));
      assert.deepEqual(missing, [], `${button.command} is only an inline button on ${missing.join(', ')}`);
    }
  });

  it('names the two ways to point a hostname at a client certificate differently, for what each does', () => {
    const enable = titleOf('cloudflareCertificates.enableForHostname');
    const add = titleOf('cloudflareCertificates.addHostname');
    assert.notEqual(enable, add);
    assert.ok(!['Enable for Hostname…', 'Use for Hostname…'].includes(enable), enable);
    assert.ok(!['Enable for Hostname…', 'Use for Hostname…'].includes(add), add);
  });
});
