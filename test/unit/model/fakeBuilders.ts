import { days } from '../../fixtures/testClock';
import type { CustomHostname, HostnameAssociation, HostnameCertificate, PackCertificate } from '../../../src/cloudflare/types';

/** Small builders for what Cloudflare returns; each test names only the fields it is about. */
export function certificate(options: {
  id: string;
  status?: string;
  serial?: string;
  expiresOn?: Date;
  pem?: string;
}): HostnameCertificate {
  return {
    id: options.id,
    status: options.status ?? 'active',
    serial_number: options.serial ?? options.id.replace(/[^0-9a-f]/gi, '').padEnd(8, '0'),
    expires_on: (options.expiresOn ?? days(365)).toISOString(),
    certificate: options.pem,
  };
}

export function association(hostname: string, certificateId: string, enabled: boolean | null = true): HostnameAssociation {
  return { hostname, cert_id: certificateId, enabled, status: 'active' };
}

export function packCertificate(id: string, signature: string, expiresOn: Date, serial = `${id}00`): PackCertificate {
  return { id, signature, expires_on: expiresOn.toISOString(), serial_number: serial };
}

export function hostname(id: string, name: string, certificates: PackCertificate[] = [], packId = `pack-${id}`): CustomHostname {
  return { id, hostname: name, status: 'active', ssl: { id: packId, status: 'active', certificates } };
}
