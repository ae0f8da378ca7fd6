import * as l10n from '@vscode/l10n';
import type { CloudflareClient } from '../../cloudflare/cloudflareClient';
import type { HostnameCertificate } from '../../cloudflare/types';
import { hostnamesOn } from '../rotationState';
import { StoppedError, type OperationContext } from './operationContext';
import { refreshClientAuth } from './refreshClientCertificates';
import type { RotationTarget } from './rotateClientCertificate';

/**
 * A rotation cancelled at any step: read back what Cloudflare now holds for the zone (a fresh request,
 * not the cancelled signal), put it on screen, and say in one line what happened and what is left.
 */
export async function stoppedRotation(
  context: OperationContext,
  client: CloudflareClient,
  target: RotationTarget,
  isReplacement: (certificate: HostnameCertificate) => boolean,
): Promise<StoppedError> {
  await refreshClientAuth(context, client, target.zoneId);
  const loaded = context.data.loaded().aop.get(target.zoneId);
  if (!loaded) {
    return new StoppedError(l10n.t('Rotation stopped. Cloudflare could not be asked what it holds now; refresh the view to see it.'));
  }
  const replacement = loaded.certificates.find(isReplacement);
  if (!replacement) {
    return new StoppedError(l10n.t('Rotation stopped before the replacement reached Cloudflare: nothing changed.'));
  }
  const moved = hostnamesOn(loaded.associations, replacement.id).length;
  const left = hostnamesOn(loaded.associations, target.oldCertificateId).length;
  if (moved === 0) {
    return new StoppedError(
      replacement.status === 'active'
        ? l10n.t('Rotation stopped: the replacement is uploaded and active; no hostname moved yet. Finish Rotation is on the certificate.')
        : l10n.t(
            'Rotation stopped: the replacement is uploaded and still deploying; no hostname moved yet. Finish Rotation is on the certificate.',
          ),
    );
  }
  if (left > 0) {
    return new StoppedError(
      l10n.t(
        'Rotation stopped: {0} of {1} hostnames are on the replacement. Finish Rotation and Undo Rotation are on the certificate.',
        moved,
        moved + left,
      ),
    );
  }
  return new StoppedError(
    l10n.t('Rotation stopped after every hostname moved: the old certificate is unused; delete it when you are ready.'),
  );
}
