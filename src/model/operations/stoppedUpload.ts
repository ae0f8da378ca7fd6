import type { CloudflareClient } from '../../cloudflare/cloudflareClient';
import { appearanceOf, AOP_STATUS } from '../../format/statusAppearance';
import { StoppedError, type OperationContext } from './operationContext';
import { refreshClientCertificates } from './refreshClientCertificates';
import type { ClientCertificateUpload } from './uploadClientCertificate';

/**
 * An upload cancelled at any step: read back the zone's certificates (a fresh request, not the
 * cancelled signal), put them on screen, and say in one line whether Cloudflare kept the certificate.
 */
export async function stoppedUpload(
  context: OperationContext,
  client: CloudflareClient,
  upload: Pick<ClientCertificateUpload, 'zoneId' | 'zoneName' | 'name' | 'serialNumber'>,
): Promise<StoppedError> {
  await refreshClientCertificates(context, client, upload.zoneId);
  const loaded = context.data.loaded().aop.get(upload.zoneId);
  if (!loaded) {
    return new StoppedError(
      `Upload stopped. Cloudflare could not be asked whether ${upload.zoneName} holds "${upload.name}"; refresh the view to see it.`,
    );
  }
  const held = loaded.certificates.find(
    (certificate) => certificate.serial_number?.toLowerCase() === upload.serialNumber && certificate.status !== 'deleted',
  );
  if (!held) {
    return new StoppedError(`Upload stopped before "${upload.name}" reached ${upload.zoneName}: nothing changed.`);
  }
  const state =
    held.status === 'active'
      ? 'it is active'
      : `Cloudflare is still deploying it (${appearanceOf(AOP_STATUS, held.status).label.toLowerCase()})`;
  return new StoppedError(
    `Upload stopped after "${upload.name}" reached ${upload.zoneName}: ${state}. Delete it there if you did not mean to upload it.`,
  );
}
