import * as assert from 'node:assert/strict';
import { inertLinks, toastParts } from '../../../src/format/notificationText';

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

describe('toastParts (a toast says one sentence, the rest waits behind Details)', () => {
  it('keeps the first sentence for the toast and the others for the modal', () => {
    const refusal =
      'The certificate being replaced is RSA, this one is ECDSA. A pack keeps one certificate of each type: replace it with another RSA certificate.';
    assert.deepEqual(toastParts(refusal), {
      headline: 'The certificate being replaced is RSA, this one is ECDSA.',
      more: 'A pack keeps one certificate of each type: replace it with another RSA certificate.',
    });
  });

  it('never splits at the dots of a name, a version or a serial', () => {
    const message = 'example.org already holds "api.example.org" (serial 0a.1f, status active). Nothing was uploaded.';
    assert.deepEqual(toastParts(message), {
      headline: 'example.org already holds "api.example.org" (serial 0a.1f, status active).',
      more: 'Nothing was uploaded.',
    });
  });

  it('splits before a quoted name that starts the next sentence', () => {
    assert.deepEqual(toastParts('Rotation incomplete: 2 hostnames moved. "old.example.com" is kept.'), {
      headline: 'Rotation incomplete: 2 hostnames moved.',
      more: '"old.example.com" is kept.',
    });
  });

  it('leaves a one-sentence message whole, with nothing behind Details', () => {
    for (const message of ['Deleted "api.example.com".', 'Cloudflare is still deleting "a.example.com" (pending deletion).', 'No period']) {
      assert.deepEqual(toastParts(message), { headline: message });
    }
  });
});
