import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The token's only home is SecretStorage. This reads the sources for any other place it could be put
 * (settings, the extension's state or storage folders, files, the environment), so a fallback added
 * for machines without a keyring fails here before it ships.
 */
const SRC = path.join(__dirname, '..', '..', '..', '..', 'src');
const OTHER_STORES = [
  /\bglobalState\b/,
  /\bworkspaceState\b/,
  /\b(global)?[sS]torageUri\b/,
  /\blogUri\b/,
  /\.update\(/,
  /\bwriteFile/,
  /\bappendFile/,
  /process\.env\[?[^\n]*=[^=]/,
  /\blocalStorage\b/,
];

describe('The API token is written to SecretStorage only', () => {
  it('the token store and its guard use no other store', () => {
    for (const file of ['tokenStore.ts', 'guardedSecret.ts']) {
      const text = fs.readFileSync(path.join(SRC, 'auth', file), 'utf8');
      assert.deepEqual(OTHER_STORES.filter((pattern) => pattern.test(text)).map(String), [], file);
    }
  });

  it("uses the extension state stores only for the token's revision mark and the expiry watch's list of what it said", () => {
    const files = fs.readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
    const found = files.flatMap((file) =>
      fs
        .readFileSync(path.join(SRC, file), 'utf8')
        .split('\n')
        .filter((line) => /\b(globalState|workspaceState)\b/.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    assert.deepEqual(found.sort(), [
      'extension.ts: const tokens = new TokenStore(context.secrets, context.globalState);',
      'extension.ts: const watch = new ExpiryWatch(account, notifiedStore(context.globalState), {',
      // Activation only reads whether the mark exists, to know whether to load the account's code.
      'main.ts: const marked = () => context.globalState.get(MARK_KEY) !== undefined;',
    ]);
    // The watch keeps node ids, expiry dates and thresholds: its store reads and writes only that list.
    const watch = fs.readFileSync(path.join(SRC, 'watch', 'expiryNotifications.ts'), 'utf8');
    assert.deepEqual(watch.match(/\.update\([^)]*\)/g), ['.update(NOTIFIED_KEY, keys)']);
    // What goes into that mark is a number and a yes/no (tokenRevision.test.ts checks the values written).
    const revision = fs.readFileSync(path.join(SRC, 'auth', 'tokenRevision.ts'), 'utf8');
    assert.deepEqual(revision.match(/\.update\([^)]*\)/g), ['.update(MARK_KEY, mark)']);
  });
});
