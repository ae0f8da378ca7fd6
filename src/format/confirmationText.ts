import * as l10n from '@vscode/l10n';
import { expiryPhrase } from '../x509/certificateSummary';
import { listSome, plural } from './wording';

/**
 * The long sentences of the confirmations commands show, one small builder each, so they are read
 * and tested as sentences rather than as 300-character literals inside the commands.
 */

/** Rotate Certificate…: the three steps, with the replacement's expiry and how many hostnames move. */
export function rotationSteps(replacement: string, notAfter: Date, now: Date, hostnames: number, old: string): string {
  return [
    l10n.t('1. Upload "{0}" ({1}) and wait until Cloudflare has deployed it.', replacement, expiryPhrase(notAfter, now)),
    l10n.t('2. Move {0} to it; each keeps the old certificate until the new one serves it.', plural(hostnames, 'hostname')),
    l10n.t('3. Then you are asked whether to delete "{0}".', old),
  ].join('\n');
}

/** After a rotation: every hostname moved, so the old certificate may go. */
export function deleteOldAfterRotation(moved: readonly string[], old: string): string {
  const which = moved.length > 0 ? ` (${listSome(moved)})` : '';
  const are = moved.length === 1 ? 'is' : 'are';
  return (
    `${plural(moved.length, 'hostname was', 'hostnames were')} moved${which} and ${are} active on the new certificate; ` +
    `no hostname uses "${old}" any more. Deleting it cannot be undone. Keep it to be able to undo the rotation.`
  );
}

/** Replace Certificate… on a pack: the certificate now and its replacement. */
export function packReplacement(
  now: Date,
  current: { serial?: string; expiresOn?: Date },
  replacement: { name: string; serial: string; notAfter: Date },
): string {
  const currentExpiry = current.expiresOn ? expiryPhrase(current.expiresOn, now) : l10n.t('expiry unknown');
  return [
    l10n.t('Now: serial {0}, {1}.', current.serial ?? 'unknown', currentExpiry),
    l10n.t('New: "{0}", serial {1}, {2}.', replacement.name, replacement.serial, expiryPhrase(replacement.notAfter, now)),
    l10n.t('Cloudflare serves the new certificate once it is deployed; the old one is gone.'),
  ].join('\n');
}

/** Delete Certificate… on a client certificate that hostnames still use. */
export function invalidateThenDelete(hostnames: readonly string[]): string {
  return (
    `${plural(hostnames.length, 'hostname uses', 'hostnames use')} it (${listSome(hostnames)}). ` +
    'Cloudflare requires those associations to be invalidated first, which stops Authenticated Origin Pulls with this certificate for them. ' +
    'Then the certificate is deleted. This cannot be undone.'
  );
}

/** Stop Using for Hostname…: what removing the association means for that origin. */
export function stopUsingForHostname(hostname: string, certificate: string): string {
  return (
    `The association is removed: Cloudflare presents no per-hostname client certificate to the origin of ${hostname} ` +
    `(the zone-level certificate applies if the zone's Authenticated Origin Pulls is on). Once no hostname uses "${certificate}", it can be deleted.`
  );
}

/** Disable for Hostname: the association stays, the certificate is no longer presented. */
export function disableForHostname(hostname: string): string {
  return (
    `Cloudflare stops presenting this client certificate when it connects to the origin of ${hostname}; ` +
    'an origin that requires it will refuse those connections. The association is kept, so you can enable it again.'
  );
}

/** Disable Authenticated Origin Pulls for Zone…: what stops, and what does not change. */
export function disableZoneAop(zone: string): string {
  return (
    `Cloudflare stops presenting its zone-level client certificate when it connects to the origins of ${zone}. ` +
    'An origin that requires it will refuse those connections. Per-hostname certificates are not changed.'
  );
}
