import * as l10n from '@vscode/l10n';
import { expiryPhrase } from '../x509/certificateSummary';
import { listSome } from './wording';

/**
 * The long sentences of the confirmations commands show, one small builder each, so they are read
 * and tested as sentences rather than as 300-character literals inside the commands.
 */

/** Rotate Certificate…: the three steps, with the replacement's expiry and how many hostnames move. */
export function rotationSteps(replacement: string, notAfter: Date, now: Date, hostnames: number, old: string): string {
  return [
    l10n.t('1. Upload "{0}" ({1}) and wait until Cloudflare has deployed it.', replacement, expiryPhrase(notAfter, now)),
    hostnames === 1
      ? l10n.t('2. Move 1 hostname to it; each keeps the old certificate until the new one serves it.')
      : l10n.t('2. Move {0} hostnames to it; each keeps the old certificate until the new one serves it.', hostnames),
    l10n.t('3. Then you are asked whether to delete "{0}".', old),
  ].join('\n');
}

/** After a rotation: every hostname moved, so the old certificate may go. */
export function deleteOldAfterRotation(moved: readonly string[], old: string): string {
  const movedWords =
    moved.length === 0
      ? l10n.t('0 hostnames were moved and are active on the new certificate; no hostname uses "{0}" any more.', old)
      : moved.length === 1
        ? l10n.t('1 hostname was moved ({0}) and is active on the new certificate; no hostname uses "{1}" any more.', listSome(moved), old)
        : l10n.t(
            '{0} hostnames were moved ({1}) and are active on the new certificate; no hostname uses "{2}" any more.',
            moved.length,
            listSome(moved),
            old,
          );
  return [movedWords, l10n.t('Deleting it cannot be undone.'), l10n.t('Keep it to be able to undo the rotation.')].join(' ');
}

/** Replace Certificate… on a pack: the certificate now and its replacement. */
export function packReplacement(
  now: Date,
  current: { serial?: string; expiresOn?: Date },
  replacement: { name: string; serial: string; notAfter: Date },
): string {
  const currentExpiry = current.expiresOn ? expiryPhrase(current.expiresOn, now) : l10n.t('expiry unknown');
  return [
    current.serial ? l10n.t('Now: serial {0}, {1}.', current.serial, currentExpiry) : l10n.t('Now: serial unknown, {0}.', currentExpiry),
    l10n.t('New: "{0}", serial {1}, {2}.', replacement.name, replacement.serial, expiryPhrase(replacement.notAfter, now)),
    l10n.t('Cloudflare serves the new certificate once it is deployed; the old one is gone.'),
  ].join('\n');
}

/** Delete Certificate… on a client certificate that hostnames still use. */
export function invalidateThenDelete(hostnames: readonly string[]): string {
  return [
    hostnames.length === 1
      ? l10n.t('1 hostname uses it ({0}).', listSome(hostnames))
      : l10n.t('{0} hostnames use it ({1}).', hostnames.length, listSome(hostnames)),
    l10n.t(
      'Cloudflare requires those associations to be invalidated first, which stops Authenticated Origin Pulls with this certificate for them.',
    ),
    l10n.t('Then the certificate is deleted.'),
    l10n.t('This cannot be undone.'),
  ].join(' ');
}

/** Stop Using for Hostname…: what removing the association means for that origin. */
export function stopUsingForHostname(hostname: string, certificate: string): string {
  return [
    l10n.t(
      "The association is removed: Cloudflare presents no per-hostname client certificate to the origin of {0} (the zone-level certificate applies if the zone's Authenticated Origin Pulls is on).",
      hostname,
    ),
    l10n.t('Once no hostname uses "{0}", it can be deleted.', certificate),
  ].join(' ');
}

/** Disable for Hostname: the association stays, the certificate is no longer presented. */
export function disableForHostname(hostname: string): string {
  return [
    l10n.t(
      'Cloudflare stops presenting this client certificate when it connects to the origin of {0}; an origin that requires it will refuse those connections.',
      hostname,
    ),
    l10n.t('The association is kept, so you can enable it again.'),
  ].join(' ');
}

/** Disable Authenticated Origin Pulls for Zone…: what stops, and what does not change. */
export function disableZoneAop(zone: string): string {
  return [
    l10n.t('Cloudflare stops presenting its zone-level client certificate when it connects to the origins of {0}.', zone),
    l10n.t('An origin that requires it will refuse those connections.'),
    l10n.t('Per-hostname certificates are not changed.'),
  ].join(' ');
}
