import * as l10n from '@vscode/l10n';
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
      l10n.t(
        'Upload stopped. Cloudflare could not be asked whether {0} holds "{1}"; refresh the view to see it.',
        upload.zoneName,
        upload.name,
      ),
    );
  }
  const held = loaded.certificates.find(
    (certificate) => certificate.serial_number?.toLowerCase() === upload.serialNumber && certificate.status !== 'deleted',
  );
  if (!held) {
    return new StoppedError(l10n.t('Upload stopped before "{0}" reached {1}: nothing changed.', upload.name, upload.zoneName));
  }
  if (held.status === 'active') {
    return new StoppedError(
      l10n.t(
        'Upload stopped after "{0}" reached {1}: it is active. Delete it there if you did not mean to upload it.',
        upload.name,
        upload.zoneName,
      ),
    );
  }
  return new StoppedError(
    l10n.t(
      'Upload stopped after "{0}" reached {1}: Cloudflare is still deploying it ({2}). Delete it there if you did not mean to upload it.',
      upload.name,
      upload.zoneName,
      appearanceOf(AOP_STATUS, held.status).label.toLowerCase(),
    ),
  );
}
