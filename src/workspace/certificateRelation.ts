import * as l10n from '@vscode/l10n';
import type { AccountData } from '../model/accountData';
import type { AccountModel } from '../model/accountModel';
import { clientCertificateInfo, clientCertificateName } from '../model/clientCertificateInfo';
import { findHeld, type HeldPlace } from '../model/heldByCloudflare';
import { namesOf } from '../model/replacementRules';
import type { CertificateFacts } from '../x509/certificateFacts';
import { daysLeft } from '../x509/certificateSummary';

/** How a certificate found in the workspace stands to what Cloudflare holds. */
export type Relation =
  | { readonly kind: 'held'; readonly places: readonly HeldPlace[] }
  | { readonly kind: 'newer'; readonly older: OlderCopy }
  | { readonly kind: 'notOnCloudflare' }
  | { readonly kind: 'chainMember' };

/** A client certificate Cloudflare holds for the same names that expires before the file's one. */
export interface OlderCopy {
  readonly zoneId: string;
  readonly zoneName: string;
  readonly certificateId: string;
  readonly name: string;
  readonly notAfter: Date;
}

/**
 * Matches a workspace certificate against the account model: by serial and SHA-256 fingerprint
 * (held), else by names with a later expiry than a client certificate Cloudflare holds (newer: its
 * replacement). CA certificates are chain members, never candidates for upload.
 */
export function relationOf(facts: CertificateFacts, account: AccountModel): Relation {
  if (facts.isCA) {
    return { kind: 'chainMember' };
  }
  const places = findHeld(account.data, facts.serialNumber, facts.sha256Fingerprint);
  if (places.length > 0) {
    return { kind: 'held', places };
  }
  const older = olderCopyOf(facts, account.data);
  return older ? { kind: 'newer', older } : { kind: 'notOnCloudflare' };
}

/**
 * The client certificate Cloudflare holds for any of the same names that expires latest before this
 * one: the certificate this one replaces (what "Rotate on Cloudflare…" rotates).
 */
export function olderCopyOf(facts: CertificateFacts, data: AccountData): OlderCopy | undefined {
  if (facts.isCA) {
    return undefined;
  }
  const names = namesOf(facts);
  const loaded = data.loaded();
  const zoneNames = new Map(loaded.zones.map((zone) => [zone.id, zone.name]));
  let older: OlderCopy | undefined;
  for (const [zoneId, aop] of loaded.aop) {
    for (const certificate of aop.certificates) {
      const info = clientCertificateInfo(certificate);
      if (!info || info.notAfter >= facts.notAfter || !namesOf(info).some((name) => names.includes(name))) {
        continue;
      }
      if (!older || info.notAfter > older.notAfter) {
        older = {
          zoneId,
          zoneName: zoneNames.get(zoneId) ?? zoneId,
          certificateId: certificate.id,
          name: clientCertificateName(certificate),
          notAfter: info.notAfter,
        };
      }
    }
  }
  return older;
}

/** The words the Workspace Certificates view shows for a relation. */
export function relationWords(relation: Relation, now: Date, warningDays: number): string {
  switch (relation.kind) {
    case 'held':
      return heldWords(relation.places);
    case 'newer': {
      const left = daysLeft(relation.older.notAfter, now);
      return left <= warningDays
        ? replacesExpiringWords(relation.older.notAfter, now)
        : l10n.t("newer than Cloudflare's copy in {0}", relation.older.zoneName);
    }
    case 'chainMember':
      return l10n.t('chain member (CA certificate)');
    case 'notOnCloudflare':
      return l10n.t('not on Cloudflare');
  }
}

/** Where Cloudflare holds it: the first place, and how many more, one whole phrase for each case. */
function heldWords(places: readonly HeldPlace[]): string {
  const [first] = places;
  const more = places.length - 1;
  if (first.kind === 'aop') {
    return more > 0
      ? l10n.t('held by Cloudflare: {0} › client certificate and {1} more', first.zoneName, more)
      : l10n.t('held by Cloudflare: {0} › client certificate', first.zoneName);
  }
  return more > 0
    ? l10n.t('held by Cloudflare: {0} › {1} and {2} more', first.zoneName, first.hostname ?? '', more)
    : l10n.t('held by Cloudflare: {0} › {1}', first.zoneName, first.hostname ?? '');
}

/** The file replaces a copy about to expire: when, in the same steps as the expiry phrase. */
function replacesExpiringWords(notAfter: Date, now: Date): string {
  const left = daysLeft(notAfter, now);
  if (notAfter.getTime() <= now.getTime()) {
    return l10n.t("Cloudflare's copy has expired; this file has its replacement");
  }
  if (left <= 1) {
    return left === 1
      ? l10n.t("Cloudflare's copy expires tomorrow; this file has its replacement")
      : l10n.t("Cloudflare's copy expires today; this file has its replacement");
  }
  return l10n.t("Cloudflare's copy expires in {0} days; this file has its replacement", left);
}
