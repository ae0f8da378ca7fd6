import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The token's only home is SecretStorage. This reads the sources for any other place it could be put
 * (settings, the extension's state or storage folders, files, the environment), so a fallback added
 * for machines without a keyring fails here before it ships.
 */
const SRC = path.join(__dirname, '..', '..', '..', '..', 'src');
const OTHER_STORES = [/\bglobalState\b/, /\bworkspaceState\b/, /\b(global)?[sS]torageUri\b/, /\blogUri\b/, /\.update\(/, /\bwriteFile/, /\bappendFile/, /process\.env\[?[^\n]*=[^=]/, /\blocalStorage\b/];

describe('The API token is written to SecretStorage only', () => {
  it('the token store and its guard use no other store', () => {
    for (const file of ['tokenStore.ts', 'guardedSecret.ts']) {
      const text = fs.readFileSync(path.join(SRC, 'auth', file), 'utf8');
      assert.deepEqual(OTHER_STORES.filter((pattern) => pattern.test(text)).map(String), [], file);
    }
  });

  it('no source file uses the extension state stores at all', () => {
    const files = fs.readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
    const found = files.filter((file) => /\b(globalState|workspaceState)\b/.test(fs.readFileSync(path.join(SRC, file), 'utf8')));
    assert.deepEqual(found, []);
  });
});
