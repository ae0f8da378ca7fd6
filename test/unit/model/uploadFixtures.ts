import type { ClientCertificateUpload } from '../../../src/model/operations/uploadClientCertificate';
import { createCertificate } from '../../fixtures/certificateFactory';

/** A real leaf and key (ECDSA, so quick), shaped as the upload command hands it to the model. */
export async function uploadOf(zoneId: string, commonName = 'upload.example.com'): Promise<ClientCertificateUpload> {
  const generated = await createCertificate({ commonName });
  return {
    zoneId,
    zoneName: `${zoneId}.example`,
    name: commonName,
    certificatePem: generated.certPem,
    privateKeyPem: generated.key.pkcs8Pem,
    serialNumber: generated.serialNumber,
  };
}
