import * as assert from 'node:assert/strict';
import { inertLinks } from '../../../src/format/notificationText';

/** VS Code's own rule for links in notification text (parseLinkedText), to check against. */
const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/;

describe('inertLinks (notification text)', () => {
  it('leaves no link VS Code would render, whatever the target', () => {
    for (const crafted of [
      '[pwn](command:workbench.action.terminal.new)',
      'Cloudflare says: [click here](https://evil.example/phish) [1000]',
      '[a](file:///etc/passwd "title")',
      'name [x]  (command:x) and [y](command:y?%5B%22arg%22%5D)',
    ]) {
      const inert = inertLinks(crafted);
      assert.doesNotMatch(inert, LINK, inert);
      assert.equal(inert.replace(/\s/g, ''), crafted.replace(/\s/g, ''), 'only spaces change');
    }
  });

  it('leaves ordinary messages alone', () => {
    const message = 'Uploaded "api.example.com" (RSA 2048) to example.com: active.';
    assert.equal(inertLinks(message), message);
  });
});
