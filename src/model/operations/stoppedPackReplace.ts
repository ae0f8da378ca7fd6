import * as l10n from '@vscode/l10n';
import { packCertificates, type CustomHostname } from '../../cloudflare/types';
import { appearanceOf, isTransitional, SSL_STATUS } from '../../format/statusAppearance';
import { StoppedError } from './operationContext';

/**
 * A pack replace cancelled at any step, from the custom hostname read back after the cancel: one
 * line saying whether the pack now holds the new certificate (by serial) and what is left.
 */
export function stoppedPackReplace(latest: CustomHostname | undefined, serialNumber: string): StoppedError {
  if (!latest) {
    return new StoppedError(l10n.t('Replace stopped. Cloudflare could not be asked what the pack holds now; refresh the view to see it.'));
  }
  const landed = packCertificates(latest).some((certificate) => certificate.serial_number?.toLowerCase() === serialNumber.toLowerCase());
  if (!landed) {
    return new StoppedError(
      l10n.t('Replace stopped before the new certificate reached the pack of {0}: nothing changed.', latest.hostname),
    );
  }
  const status = appearanceOf(SSL_STATUS, latest.ssl?.status).label.toLowerCase();
  return new StoppedError(
    isTransitional(latest.ssl?.status)
      ? l10n.t(
          'Replace stopped after the new certificate reached the pack of {0}: Cloudflare is still deploying it ({1}); nothing is left to do.',
          latest.hostname,
          status,
        )
      : l10n.t(
          'Replace stopped after the new certificate reached the pack of {0}: the pack is {1}; nothing is left to do.',
          latest.hostname,
          status,
        ),
  );
}
