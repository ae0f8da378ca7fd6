import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { certificateMarkdown, type CertificateDetails } from '../../../src/format/certificateMarkdown';
import { escapeMarkdown, inlineCode } from '../../../src/format/markdownEscape';
import { inertLinks } from '../../../src/format/notificationText';
import { assertInert, inlineTokens, normalised } from './markdownOracle';

/** Fragments that make Markdown do things, and random text between them. */
const HOSTILE = [
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '!',
  '`',
  '``',
  '*',
  '_',
  '~',
  '|',
  '#',
  '-',
  '+',
  '=',
  '.',
  ':',
  '&',
  '\\',
  '"',
  "'",
  '/',
  '//',
  '@',
  'command:',
  'COMMAND:',
  'https://',
  'HTTPS://',
  'http://',
  'file:',
  'ftp://',
  'mailto:',
  'javascript:',
  'www.',
  'localhost',
  'evil.com',
  'a@b.co',
  '](',
  '[x](command:a)',
  '](https://e.co "t")',
  '![i](x.png)',
  '<https://e.co>',
  '<a href=x>',
  '[r]: /u',
  '&lt;',
  '&#60;',
  '&#x3C;',
  'img src=x onerror=alert(1)',
  'script',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '  ',
  '    ',
  '\t',
  '\0',
  '\u2028',
  '1.',
  'x',
];
const hostile: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HOSTILE) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), {
        maxLength: 24,
      })
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 60, unit: 'binary' }) },
);

const flat = (text: string) => text.replace(/\r\n?|\n/g, ' ');

/** VS Code's rule for links in notification text, written out: [label](target), case-insensitive. */
const NOTIFICATION_LINK = /\[[^\]]+\]\((?:https?:\/\/|command:|file:)[^)\s]+(?: (["']).+?\1)?\)/i;

describe('property: Markdown and notification escaping never yield a live link, command or HTML', () => {
  it('escapeMarkdown renders as exactly the literal text, on one line', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const escaped = escapeMarkdown(text);
        assertInert(escaped);
        // Inline, so paragraph trimming aside this is the whole rendering: text and nothing else.
        const tokens = inlineTokens(escaped);
        assert.ok(
          tokens.every((token) => token.type === 'text'),
          `${JSON.stringify(escaped)}: ${tokens.map((token) => token.type).join(',')}`,
        );
        assert.equal(tokens.map((token) => token.content).join(''), normalised(flat(text)));
      }),
      { numRuns: 4000 },
    );
  });

  it('escapeMarkdown stays inert wherever a builder puts it: line start, bold, lists, tables', () => {
    const frame = fc.constantFrom(
      (value: string) => value,
      (value: string) => `**${value}**`,
      (value: string) => `- ${value}`,
      (value: string) => `| a | ${value} |\n|---|---|`,
      (value: string) => `Name: ${value}  \nNext: ${value}`,
    );
    fc.assert(
      fc.property(hostile, hostile, frame, (left, right, place) => {
        assertInert(place(`${escapeMarkdown(left)}${escapeMarkdown(right)}`));
      }),
      { numRuns: 2000 },
    );
  });

  it('inlineCode is one code span holding exactly the text', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const code = inlineCode(text);
        assertInert(`Serial: ${code}`);
        // Two markdown-it quirks aside (neither makes a link): it strips the padding of a spaces-only
        // span, and keeps it when a U+2028/U+2029 is inside (its /^ (.+) $/ does not match them).
        if (!/[^ \r\n]/.test(text) || /[\u2028\u2029]/.test(text)) {
          return;
        }
        const tokens = inlineTokens(code);
        assert.deepEqual(
          tokens.map((token) => token.type),
          ['code_inline'],
          JSON.stringify(code),
        );
        assert.equal(tokens[0].content, normalised(flat(text)));
      }),
      { numRuns: 3000 },
    );
  });

  it('certificateMarkdown of any details renders no link, image or HTML', () => {
    const maybe = fc.option(hostile, { nil: undefined });
    const date = fc.option(fc.date({ noInvalidDate: false }), { nil: undefined });
    const details: fc.Arbitrary<CertificateDetails> = fc.record({
      title: hostile,
      subject: maybe,
      sans: fc.option(fc.array(hostile, { maxLength: 3 }), { nil: undefined }),
      issuer: maybe,
      serialNumber: maybe,
      signature: maybe,
      keyType: maybe,
      notBefore: date,
      notAfter: date,
      status: maybe,
      uploadedOn: date,
      id: maybe,
      sha256Fingerprint: maybe,
      heldByCloudflare: maybe,
    });
    fc.assert(
      fc.property(details, fc.date({ noInvalidDate: true }), (given, now) => {
        assertInert(certificateMarkdown(given, now));
      }),
      { numRuns: 2000 },
    );
  });

  it('inertLinks leaves no notification link and changes only spaces', () => {
    fc.assert(
      fc.property(hostile, hostile, (name, said) => {
        const message = `Uploaded "${name}". Cloudflare says: ${said}`;
        const inert = inertLinks(message);
        assert.doesNotMatch(inert, NOTIFICATION_LINK, JSON.stringify(inert));
        assert.equal(inert.replace(/\s/g, ''), message.replace(/\s/g, ''));
      }),
      { numRuns: 4000 },
    );
  });
});
