import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import type { CustomHostname, PackCertificate } from '../../../src/cloudflare/types';
import { CloudflareClient } from '../../../src/cloudflare/cloudflareClient';
import { UNREAD_VALUE } from '../../../src/cloudflare/listEntries';
import { customHostnameRecord, customHostnameRecords, type CustomHostnameRecord } from '../../../src/model/customHostnameRecord';
import { createCertificate, type GeneratedCertificate } from '../../fixtures/certificateFactory';
import { days } from '../../fixtures/testClock';
import { collectedHeapMb, collectedMemory } from '../../support/collectedHeap';

/** Every field a consumer reads, as plain data: what a record must answer exactly as the API object does. */
function readable(hostname: CustomHostnameRecord): unknown {
  const ssl = hostname.ssl;
  const certificate = (entry: PackCertificate) => ({
    id: entry.id,
    issuer: entry.issuer,
    serial_number: entry.serial_number,
    signature: entry.signature,
    expires_on: entry.expires_on,
    issued_on: entry.issued_on,
    fingerprint_sha256: entry.fingerprint_sha256,
  });
  return {
    id: hostname.id,
    hostname: hostname.hostname,
    status: hostname.status,
    verification_errors: [...(hostname.verification_errors ?? [])],
    ssl: ssl && {
      id: ssl.id,
      status: ssl.status,
      bundle_method: ssl.bundle_method,
      certificate_authority: ssl.certificate_authority,
      uploaded_on: ssl.uploaded_on,
      hosts: ssl.hosts && [...ssl.hosts],
      certificates: (ssl.certificates ?? []).map(certificate),
      validation_errors: [...(ssl.validation_errors ?? [])].map((error) => ({ message: error.message })),
    },
  };
}

function apiHostname(certificate: GeneratedCertificate, index: number, overrides: Partial<CustomHostname> = {}): CustomHostname {
  const pack: PackCertificate = {
    id: `0b1c2d3e-4f50-4a6b-8c7d-${index.toString(16).padStart(12, '0')}`,
    issuer: 'CN=Example CA, O=Example',
    serial_number: certificate.serialNumber,
    signature: 'ECDSAWithSHA256',
    expires_on: certificate.notAfter.toISOString(),
    issued_on: certificate.notBefore.toISOString(),
    fingerprint_sha256: certificate.sha256Fingerprint,
  };
  return {
    id: `${index.toString(16).padStart(8, '0')}9ce1c71eae6652c9b6a3c7`.slice(0, 32),
    hostname: `shop-${index}.customer.example`,
    status: 'active',
    created_at: days(-30).toISOString(),
    ssl: {
      id: `00f0d526-3052-4492-b3eb-${index.toString(16).padStart(12, '0')}`,
      status: 'active',
      bundle_method: 'ubiquitous',
      custom_certificate: certificate.certPem,
      expires_on: pack.expires_on,
      issuer: pack.issuer,
      serial_number: pack.serial_number,
      signature: pack.signature,
      uploaded_on: days(-20).toISOString(),
      hosts: [`shop-${index}.customer.example`],
      certificates: [pack],
      validation_errors: [],
    },
    verification_errors: [],
    ...overrides,
  };
}

/** The API object as a consumer reads it (the record drops only the PEM and what nothing reads). */
function expected(api: CustomHostname): unknown {
  return readable({ ...api, ssl: api.ssl && { ...api.ssl, certificates: api.ssl.certificates ?? [] } });
}

describe('customHostnameRecord', () => {
  let generated: GeneratedCertificate;
  before(async () => {
    generated = await createCertificate({ commonName: 'shop.customer.example', serialNumber: '0a1b2c3d4e5f' });
  });

  it('answers every field a consumer reads exactly as Cloudflare sent it', () => {
    const api = apiHostname(generated, 7);
    assert.deepEqual(readable(customHostnameRecord(api)), expected(api));
  });

  it('gives back odd spellings unchanged: upper case, colons, decimal serials, dates without milliseconds, no PEM', () => {
    const pack: PackCertificate = {
      id: 'cert-not-a-uuid',
      serial_number: '0001',
      expires_on: '2027-03-04T05:06:07Z',
      issued_on: 'not a date',
      fingerprint_sha256: 'AB:CD:EF',
    };
    const decimal: PackCertificate = {
      id: '00000000-0000-0000-0000-000000000000',
      serial_number: '6743787633689793699141714808227354901',
      expires_on: '2027-03-04T05:06:07.123Z',
      fingerprint_sha256: '0'.repeat(64),
    };
    const api: CustomHostname = {
      id: '0'.repeat(32),
      hostname: 'odd.example',
      ssl: {
        id: 'ABCDEF',
        hosts: ['odd.example', '*.odd.example'],
        certificates: [pack, decimal],
        validation_errors: [{ message: 'timed out' }],
      },
      verification_errors: ['blocked'],
    };
    const record = customHostnameRecord(api);
    assert.deepEqual(readable(record), expected(api));
    assert.equal(record.ssl?.has_custom_certificate, false, 'nothing to fetch when Cloudflare sent no PEM');
  });

  it('reads a pack described by the ssl object alone (no certificates array) as its one certificate', () => {
    const api = apiHostname(generated, 3);
    const { certificates, ...sslWithout } = api.ssl!;
    void certificates;
    const record = customHostnameRecord({ ...api, ssl: sslWithout });
    assert.deepEqual(
      record.ssl?.certificates?.map((entry) => [entry.id, entry.serial_number, entry.expires_on]),
      [[api.ssl!.id, generated.serialNumber, generated.notAfter.toISOString()]],
    );
  });

  it('keeps no PEM: none of its values holds the custom certificate, yet it knows there is one to fetch', () => {
    const record = customHostnameRecord(apiHostname(generated, 1));
    const seen: unknown[] = [];
    const walk = (value: unknown): void => {
      if (value && typeof value === 'object' && !seen.includes(value)) {
        seen.push(value);
        Object.values(value).forEach(walk);
      } else if (typeof value === 'string') {
        assert.ok(!value.includes('BEGIN CERTIFICATE'), 'a PEM is held');
      }
    };
    walk(record);
    assert.ok(seen.length > 2, 'the walk reached the nested records');
    assert.equal(record.ssl?.has_custom_certificate, true);
  });

  it('reads a scan page leaving every PEM unread, into the records the whole answer gives', async () => {
    const withPem = apiHostname(generated, 1);
    const emptyPem = apiHostname(generated, 2, { ssl: { ...withPem.ssl!, custom_certificate: '' } });
    const { custom_certificate: _dropped, ...sslWithoutPem } = withPem.ssl!;
    void _dropped;
    const noPem = apiHostname(generated, 3, { ssl: sslWithoutPem });
    const api = [withPem, emptyPem, noPem];
    // What no record keeps, as Cloudflare sends it: left unread too, and read as {}.
    const sent = api.map((hostname) => ({
      ...hostname,
      ssl: { ...hostname.ssl, settings: { min_tls_version: '1.2', http2: 'on' } },
      ownership_verification: { type: 'txt', name: `_cf-custom-hostname.${hostname.hostname}`, value: hostname.id },
    }));
    const body = JSON.stringify({ success: true, errors: [], messages: [], result: sent, result_info: { count: 3 } });
    const client = new CloudflareClient({
      baseUrl: 'https://api.cloudflare.com/client/v4',
      getToken: async () => 'token',
      fetch: async () => ({ status: 200, headers: { get: () => null }, text: async () => body }),
    });
    const page = await client.listCustomHostnameEntries('zone', 1, 1000);
    assert.deepEqual(
      Array.from({ length: page.entries.length }, (_, index) => page.entries.at(index).ssl?.custom_certificate),
      [UNREAD_VALUE, '', undefined],
    );
    const unkept = (entry: object) => entry as { ssl: { settings: unknown }; ownership_verification: unknown };
    assert.deepEqual(unkept(page.entries.at(0)).ssl.settings, {});
    assert.deepEqual(unkept(page.entries.at(0)).ownership_verification, {});
    const records = await customHostnameRecords(page.entries);
    assert.deepEqual(records.map(readable), api.map(expected));
    assert.deepEqual(
      records.map((record) => record.ssl?.has_custom_certificate),
      [true, false, false],
    );
  });

  it('holds 2,000 hostnames in under half the heap their API objects take, and under 700 bytes each', () => {
    // Each API object is parsed from its own JSON text, as an answer's would be, so no string is shared.
    const texts = Array.from({ length: 2_000 }, (_, index) => JSON.stringify(apiHostname(generated, index)));
    const before = collectedHeapMb();
    const objects = texts.map((text) => JSON.parse(text) as CustomHostname);
    const objectsMb = collectedHeapMb() - before;
    const records = objects.map(customHostnameRecord);
    objects.length = 0;
    const recordsMb = collectedHeapMb() - before;
    assert.equal(records.length, 2_000);
    const message = `records ${recordsMb.toFixed(2)} MB, API objects ${objectsMb.toFixed(2)} MB`;
    assert.ok(recordsMb < objectsMb / 2, message);
    assert.ok((recordsMb * 1_048_576) / records.length < 700, message);
  });

  it("keeps nothing of a page's text: the records of 1,000 hostnames read as they arrive hold none of it", async () => {
    const api = Array.from({ length: 1_000 }, (_, index) => apiHostname(generated, index));
    const body = Buffer.from(JSON.stringify({ success: true, errors: [], messages: [], result: api, result_info: { count: 1_000 } }));
    // Above about 1 MB the page's text lives outside V8's heap, where a piece of it kept by a record
    // (a sliced string keeps its whole parent) would not show in the heap's figure.
    assert.ok(body.length > 1_200_000, `the page is ${body.length} bytes`);
    const pieces = Array.from({ length: Math.ceil(body.length / 65_536) }, (_, index) =>
      body.subarray(index * 65_536, (index + 1) * 65_536),
    );
    const client = new CloudflareClient({
      baseUrl: 'https://api.cloudflare.com/client/v4',
      getToken: async () => 'token',
      fetch: async () => ({
        status: 200,
        headers: { get: () => null },
        body: Readable.from(pieces),
        text: () => Promise.reject(new Error('read whole')),
      }),
    });
    const before = collectedMemory();
    const records = await customHostnameRecords((await client.listCustomHostnameEntries('zone', 1, 1000)).entries);
    const after = collectedMemory();
    assert.deepEqual(records.map(readable), api.map(expected));
    assert.ok(
      after.externalMb - before.externalMb < 0.25,
      `${(after.externalMb - before.externalMb).toFixed(2)} MB outside the heap is still held`,
    );
  });
});
