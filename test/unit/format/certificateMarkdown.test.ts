import * as assert from 'node:assert/strict';
import { certificateMarkdown, formatDate, type CertificateDetails } from '../../../src/format/certificateMarkdown';

const DAY = 86_400_000;
const NOW = new Date('2026-03-10T12:00:00Z');
const LINK = '[x](command:workbench.action.terminal.new)';
const IMG = '<img src=x onerror=alert(1)>';

/** Every field set, with crafted values wherever a certificate or the API supplies free text. */
const CRAFTED: CertificateDetails = {
  title: `${LINK} **b**`,
  subject: `CN=${LINK}, O=${IMG}`,
  sans: [LINK, IMG, '`code`', '**b**', 'www.example.test'],
  issuer: 'CN=`code` **b** _i_ ~~s~~ # h',
  serialNumber: '1a2b3c',
  signature: 'ECDSA with SHA-256',
  keyType: 'ECDSA P-256',
  notBefore: new Date(NOW.getTime() - 20 * DAY),
  notAfter: new Date(NOW.getTime() + 10.5 * DAY),
  status: `active ${LINK}`,
  uploadedOn: new Date(NOW.getTime() - 19 * DAY),
  id: '0f1e2d3c-aaaa-bbbb-cccc-1234567890ab',
  sha256Fingerprint: 'ab'.repeat(32),
  heldByCloudflare: `yes ${IMG}`,
};

const ROWS = [
  'Not after',
  'Held by Cloudflare',
  'Subject',
  'SANs',
  'Issuer',
  'Serial',
  'Signature',
  'Key',
  'Not before',
  'Status',
  'Uploaded on',
  'SHA-256',
  'ID',
];

/** Characters that would be Markdown or HTML if left unescaped, found outside backslash escapes. */
function unescapedSpecials(text: string): string[] {
  const found: string[] = [];
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '\\') {
      index += 1;
    } else if ('[]()<>*_`~#'.includes(text[index])) {
      found.push(text[index]);
    }
  }
  return found;
}

/** Removes one level of backslash escapes: what a reader sees. */
const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

function rowValue(markdown: string, name: string): string {
  const line = markdown.split('\n').find((candidate) => candidate.startsWith(`${name}: `));
  assert.ok(line, `row ${name}`);
  assert.ok(line.endsWith('  '), `row ${name} ends in a hard line break`);
  return line.slice(name.length + 2, -2);
}

describe('certificateMarkdown', () => {
  const markdown = certificateMarkdown(CRAFTED, NOW);

  it('shows every row, in order, under the bold title', () => {
    const lines = markdown.split('\n');
    assert.ok(lines[0].startsWith('**') && lines[0].endsWith('**'));
    assert.equal(lines[1], '');
    assert.deepEqual(
      lines.slice(2).map((line) => line.slice(0, line.indexOf(': '))),
      ROWS,
    );
  });

  it('escapes crafted links, HTML, code and emphasis in the title, names and status', () => {
    const title = markdown.split('\n')[0].slice(2, -2);
    const free = [title, ...['Subject', 'SANs', 'Issuer', 'Status', 'Held by Cloudflare'].map((name) => rowValue(markdown, name))];
    for (const value of free) {
      assert.deepEqual(unescapedSpecials(value), [], value);
    }
    assert.doesNotMatch(markdown, /(^|[^\\])\]\(/, 'no link target');
    assert.doesNotMatch(markdown, /(^|[^\\])<img/, 'no HTML');
    assert.equal(unescape(title), CRAFTED.title);
    assert.equal(unescape(rowValue(markdown, 'Subject')), CRAFTED.subject);
    assert.equal(unescape(rowValue(markdown, 'SANs')), CRAFTED.sans!.join(', '));
    assert.equal(unescape(rowValue(markdown, 'Issuer')), CRAFTED.issuer);
  });

  it('keeps a line break in a value from starting a row of its own', () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      const spoof = certificateMarkdown(
        { title: `t${newline}Status: revoked`, subject: `CN=a${newline}${newline}ID: forged  `, issuer: `x${newline}# heading` },
        NOW,
      );
      assert.equal(spoof.split(/\r\n|\r|\n/).length, 4, JSON.stringify(spoof));
      assert.ok(!spoof.includes('\r'), JSON.stringify(spoof));
    }
  });

  it('writes the serial, fingerprint and ID as inline code, out of reach of backticks', () => {
    assert.equal(rowValue(markdown, 'Serial'), '`1a2b3c`');
    assert.equal(rowValue(markdown, 'SHA-256'), `\`${Array(32).fill('AB').join(':')}\``);
    assert.equal(rowValue(markdown, 'ID'), `\`${CRAFTED.id}\``);
    const tricky = rowValue(certificateMarkdown({ title: 't', id: `a\`\`b ${LINK}` }, NOW), 'ID');
    const fence = /^`+/.exec(tricky)![0];
    assert.ok(fence.length > 2 && tricky.endsWith(fence), tricky);
    assert.ok(!tricky.slice(fence.length, -fence.length).includes(fence), 'the fence is not closed inside');
  });

  it('puts the days left in words after the expiry date', () => {
    // Calendar days, as people read a date: from the 10th at noon to the 21st is 11 days.
    assert.equal(rowValue(markdown, 'Not after'), `${formatDate(CRAFTED.notAfter!)} (expires in 11 days)`);
    const phrase = (notAfter: Date) => rowValue(certificateMarkdown({ title: 't', notAfter }, NOW), 'Not after');
    assert.match(phrase(new Date(NOW.getTime() - 3.5 * DAY)), /\(expired 3 days ago\)$/);
    assert.match(phrase(new Date(NOW.getTime() + 1.5 * DAY)), /\(expires in 2 days\)$/);
    assert.match(phrase(new Date(NOW.getTime() + 0.5 * DAY)), /\(expires tomorrow\)$/);
    assert.match(phrase(new Date(NOW.getTime() + 0.4 * DAY)), /\(expires today\)$/);
    assert.equal(rowValue(markdown, 'Not before'), '2026-02-18 12:00 UTC');
  });

  it('leaves out what is unknown', () => {
    assert.equal(certificateMarkdown({ title: 'only.example.test', sans: [] }, NOW), '**only\\.example\\.test**\n');
    assert.equal(formatDate(new Date(Number.NaN)), 'unknown');
  });
});
