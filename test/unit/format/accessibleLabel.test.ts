import * as assert from 'node:assert/strict';
import { expiringStatusLabel, rowLabel, withActivity, withExpiry } from '../../../src/format/accessibleLabel';
import type { ExpiringCertificate } from '../../../src/model/expiringCertificates';
import { days, TEST_NOW } from '../../fixtures/testClock';

function expiring(label: string, inDays: number): ExpiringCertificate {
  return { zoneId: 'z', kind: 'aop', nodeId: `n/${label}`, label, notAfter: days(inDays), expired: inDays < 0, certificateId: label };
}

describe('accessible labels', () => {
  it('says a row by name, kind, status and what its description shows, with words in place of "·"', () => {
    assert.equal(
      rowLabel({ name: 'example.com', kind: 'zone', status: 'Active', details: '3 client certs · 120 custom hostnames · AOP on' }),
      'example.com, zone, active, 3 client certs, 120 custom hostnames, AOP on',
    );
  });

  it('leaves out what a row does not have (a message has only its text; a boolean description says nothing)', () => {
    assert.equal(rowLabel({ name: 'No certificates' }), 'No certificates');
    assert.equal(rowLabel({ name: 'api.example.com', kind: 'client certificate', details: true }), 'api.example.com, client certificate');
  });

  it('says the expiry in words, and how urgent it is where only the colour would', () => {
    const label = 'api.example.com, client certificate, active';
    assert.equal(withExpiry(label, days(90), TEST_NOW, 'ok'), `${label}, expires in 90 days`);
    assert.equal(withExpiry(label, days(20), TEST_NOW, 'warning'), `${label}, expires in 20 days, warning`);
    assert.equal(withExpiry(label, days(5), TEST_NOW, 'critical'), `${label}, expires in 5 days, critical`);
    assert.equal(withExpiry(label, days(-3), TEST_NOW, 'expired'), `${label}, expired 3 days ago`);
  });

  it('says what runs on a row while the spinner shows', () => {
    assert.equal(withActivity('api.example.com, client certificate', 'Uploading…'), 'api.example.com, client certificate, Uploading…');
  });

  it('reads the status bar as a sentence: how many, the first to go, and what pressing does', () => {
    assert.equal(
      expiringStatusLabel(
        [expiring('www.example.com', 12), expiring('api.example.com', -2), expiring('shop.example.com', 5)],
        30,
        TEST_NOW,
      ),
      'Cloudflare Certificates warning: 1 certificate has expired and 2 certificates expire within 30 days. ' +
        'The first, api.example.com, expired 2 days ago. Press to show them.',
    );
    assert.equal(
      expiringStatusLabel([expiring('api.example.com', 1)], 7, TEST_NOW),
      'Cloudflare Certificates warning: 1 certificate expires within 7 days. The first, api.example.com, expires tomorrow. Press to show them.',
    );
  });
});
