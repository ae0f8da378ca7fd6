import * as assert from 'node:assert/strict';
import { formatDate, type CertificateDetails } from '../../../src/format/certificateMarkdown';
import { certificateText } from '../../../src/format/certificateText';

const DAY = 86_400_000;
const NOW = new Date('2026-03-10T12:00:00Z');
const LINK = '[x](command:workbench.action.terminal.new)';
const IMG = '<img src=x>';

const DETAILS: CertificateDetails = {
  title: `${LINK} **b**`,
  subject: `CN=${LINK}, O=${IMG}`,
  sans: [LINK, IMG, '`code`', '**b**'],
  issuer: 'CN=`code` **b**',
  serialNumber: '1a2b3c',
  signature: 'SHA-256 with RSA',
  keyType: 'RSA 2048',
  notBefore: new Date(NOW.getTime() - 30 * DAY),
  notAfter: new Date(NOW.getTime() - 2.5 * DAY),
  status: 'active',
  uploadedOn: new Date(NOW.getTime() - 29 * DAY),
  id: 'cert-id-42',
  sha256Fingerprint: '0a'.repeat(32),
};

/** A PEM-shaped text (the formatter only places it; it need not be a real certificate). */
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBsjCCAVmgAwIBAgIQ\n-----END CERTIFICATE-----\n';

function row(text: string, name: string): string {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}:`));
  assert.ok(line, `row ${name}`);
  return line.slice(22);
}

describe('certificateText', () => {
  const text = certificateText(DETAILS, NOW, PEM);

  it('starts with the title, underlined, and lists every row in order', () => {
    const lines = text.split('\n');
    assert.equal(lines[0], DETAILS.title);
    assert.equal(lines[1], '='.repeat(DETAILS.title.length));
    const names = lines
      .slice(3)
      .filter((line) => /^[A-Z][A-Za-z0-9 -]+:\s/.test(line))
      .map((line) => line.slice(0, line.indexOf(':')));
    assert.deepEqual(names, [
      'Subject',
      'Alternative names',
      'Issuer',
      'Serial number',
      'Signature',
      'Public key',
      'Not before',
      'Not after',
      'SHA-256 fingerprint',
      'Status',
      'Uploaded on',
      'Cloudflare ID',
    ]);
  });

  it('shows crafted values as they are: plain text, never Markdown', () => {
    assert.equal(row(text, 'Subject'), DETAILS.subject);
    assert.equal(row(text, 'Alternative names'), DETAILS.sans!.join(', '));
    assert.equal(row(text, 'Issuer'), DETAILS.issuer);
    assert.ok(!text.includes('\\['), 'no Markdown escapes');
    assert.ok(!text.startsWith('**'), 'no Markdown emphasis added');
    assert.equal(row(text, 'Serial number'), '1a2b3c');
    assert.equal(row(text, 'SHA-256 fingerprint'), Array(32).fill('0A').join(':'));
  });

  it('puts the days left in words after the expiry date', () => {
    assert.equal(row(text, 'Not after'), `${formatDate(DETAILS.notAfter!)} (expired 2 days ago)`);
    const later = certificateText({ title: 't', notAfter: new Date(NOW.getTime() + 45.5 * DAY) }, NOW);
    // The 10th at noon to the 25th at midnight: 46 calendar days, as the date reads.
    assert.match(row(later, 'Not after'), /\(expires in 46 days\)$/);
  });

  it('ends with the PEM when given, and without it otherwise', () => {
    assert.ok(text.endsWith(`\n\n${PEM}`), text.slice(-120));
    const bare = certificateText(DETAILS, NOW);
    assert.ok(!bare.includes('-----BEGIN'));
    assert.ok(bare.endsWith('Cloudflare ID:        cert-id-42\n'));
  });

  it('keeps line breaks in the title or a value from forging a line of their own', () => {
    const forged = certificateText(
      { title: 'evil\nStatus:               revoked', subject: 'CN=a\r\nStatus: revoked', issuer: 'x\rID: forged' },
      NOW,
    );
    const lines = forged.split(/\r\n|\r|\n/);
    assert.deepEqual(
      lines.filter((line) => /^(Status|ID):/.test(line)),
      [],
      forged,
    );
    assert.equal(lines.length, 6, JSON.stringify(forged));
  });

  it("leaves out what is unknown and keeps a short title's underline readable", () => {
    assert.equal(certificateText({ title: 'ab', sans: [] }, NOW), 'ab\n===\n\n');
  });
});
