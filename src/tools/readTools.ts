import { packCertificates } from '../cloudflare/types';
import type { CustomHostnameRecord } from '../model/customHostnameRecord';
import type { AccountModel } from '../model/accountModel';
import { clientCertificateInfo, clientCertificateName } from '../model/clientCertificateInfo';
import { findExpiring, prepareExpiring } from '../model/expiringCertificates';
import { findCertificates } from '../model/certificateLookup';
import { findHeld } from '../model/heldByCloudflare';
import { namesOf } from '../model/replacementRules';
import { findRotations } from '../model/rotationState';
import { expiryPhrase } from '../x509/certificateSummary';
import { analysePemDocument } from '../x509/documentAnalysis';
import { quoted, within } from './toolText';

export interface ReadToolContext {
  readonly account: AccountModel;
  readonly now: Date;
  readonly warningDays: number;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** "scanned 48 of 50 zones; still loading": how complete an answer from the account model is. */
export function completeness(account: AccountModel): string {
  const { zones, scanned, failed, running } = account.scan;
  if (account.status !== 'ready') {
    return `The account is not available: ${account.status}.`;
  }
  const parts = [`Scanned ${scanned} of ${zones} zones`];
  if (failed > 0) {
    parts.push(`${failed} could not be loaded`);
  }
  if (running || account.stillLoading) {
    parts.push('still loading');
  }
  return `${parts.join('; ')}.`;
}

/** cloudflareCertificates_listExpiring */
export async function listExpiring(context: ReadToolContext, withinDays: number): Promise<string> {
  // A window other than the status bar's walks every hostname anew: in slices, as the status bar does.
  await prepareExpiring(context.account.data, context.now, withinDays);
  const expiring = findExpiring(context.account.data, context.now, withinDays);
  const zoneNames = new Map(context.account.data.loaded().zones.map((zone) => [zone.id, zone.name]));
  const lines = [
    `${expiring.length} certificate${expiring.length === 1 ? '' : 's'} Cloudflare holds expire within ${withinDays} days or have expired. ${completeness(context.account)}`,
    ...expiring.map(
      (entry) =>
        `- zone ${quoted(zoneNames.get(entry.zoneId) ?? entry.zoneId)}; ${entry.kind === 'aop' ? 'client certificate (AOP)' : 'custom hostname pack certificate'}; id ${quoted(entry.certificateId)}; names ${quoted(entry.label)}; expires ${day(entry.notAfter)} (${expiryPhrase(entry.notAfter, context.now)}); status ${quoted(entry.status ?? 'unknown')}`,
    ),
  ];
  return within(lines);
}

/** cloudflareCertificates_describeCertificate */
export function describeCertificate(context: ReadToolContext, query: string): string {
  const found = findCertificates(context.account.data, query);
  const loaded = context.account.data.loaded();
  if (found.length === 0) {
    return `No certificate Cloudflare holds matches ${quoted(query)} (an id, a serial, a SHA-256 fingerprint or a hostname). ${completeness(context.account)}`;
  }
  const lines: string[] = [`${found.length} certificate${found.length === 1 ? '' : 's'} match ${quoted(query)}.`];
  for (const entry of found) {
    const zone = quoted(entry.zoneName);
    const expires = entry.certificate.expires_on ? new Date(entry.certificate.expires_on) : undefined;
    const expiry = expires ? `${day(expires)} (${expiryPhrase(expires, context.now)})` : 'unknown';
    if (entry.kind === 'aop') {
      const certificate = entry.certificate;
      const info = clientCertificateInfo(certificate);
      const aop = loaded.aop.get(entry.zoneId);
      const users = (aop?.associations ?? []).filter(
        (association) => association.cert_id === certificate.id && association.enabled !== null,
      );
      const rotation = aop ? findRotations(aop).get(certificate.id) : undefined;
      lines.push(
        `- client certificate (AOP) ${quoted(clientCertificateName(certificate))} in zone ${zone}; id ${quoted(certificate.id)}; status ${quoted(certificate.status ?? 'unknown')}; expires ${expiry}`,
        `  subject ${quoted(info?.subject)}; SANs ${quoted((info?.sans ?? []).join(', '))}; issuer ${quoted(info?.issuer)}; serial ${quoted(certificate.serial_number)}`,
        `  used by ${users.length} hostname${users.length === 1 ? '' : 's'}: ${users.map((user) => `${quoted(user.hostname)} (${user.enabled ? 'enabled' : 'disabled'}, ${quoted(user.status ?? 'unknown')})`).join(', ') || 'none'}`,
      );
      if (rotation) {
        lines.push(
          `  rotation in progress: ${rotation.moved.length} of ${rotation.moved.length + rotation.remaining.length} hostnames on ${quoted(clientCertificateName(rotation.newCertificate))} (id ${quoted(rotation.newCertificate.id)}); resumable with Finish Rotation`,
        );
      }
    } else {
      const certificate = entry.certificate;
      lines.push(
        `- pack certificate of custom hostname ${quoted(entry.hostname)} in zone ${zone}; id ${quoted(certificate.id)}; signature ${quoted(certificate.signature)}; expires ${expiry}; serial ${quoted(certificate.serial_number)}`,
      );
    }
  }
  lines.push(completeness(context.account));
  return within(lines);
}

/** cloudflareCertificates_checkPem: the local pre-flight verdict of each certificate in a file, and what Cloudflare holds of it. */
export function checkPem(context: ReadToolContext, fileName: string, text: string, range?: { start: number; end: number }): string {
  const analysis = analysePemDocument(text, context.now, context.warningDays);
  const certificates = analysis.certificates.filter(
    (entry) => !range || (entry.block.end >= range.start && entry.block.start <= range.end),
  );
  if (certificates.length === 0) {
    return `${quoted(fileName)} holds no certificate (no "BEGIN CERTIFICATE" block)${range ? ' in that range' : ''}.`;
  }
  const lines = [`${quoted(fileName)}: ${certificates.length} certificate${certificates.length === 1 ? '' : 's'}.`];
  for (const entry of certificates) {
    const info = entry.info;
    if (!info) {
      lines.push(`- a block that does not parse: ${quoted(entry.block.problem ?? 'not an X.509 certificate')}`);
      continue;
    }
    const key = analysis.keys.find((candidate) => candidate.matches === info);
    const findings = analysis.findings.filter((finding) => finding.start === entry.block.start).map((finding) => finding.code);
    const held = info.isCA ? [] : findHeld(context.account.data, info.serialNumber, info.sha256Fingerprint);
    lines.push(
      `- ${quoted(info.commonName ?? info.subject)}: ${info.isCA ? 'CA certificate (a chain member, never uploaded as a client certificate)' : 'leaf certificate'}; expires ${day(info.notAfter)} (${expiryPhrase(info.notAfter, context.now)}); serial ${quoted(info.serialNumber)}`,
      `  key: ${key ? 'found in the file and matching' : analysis.keys.length > 0 ? 'a key in the file that does not match' : 'none in the file (an upload looks beside it for the same name with .key)'}; findings: ${findings.join(', ') || 'none'}`,
    );
    if (held.length > 0) {
      lines.push(
        `  held by Cloudflare: ${held.map((place) => `${place.kind === 'aop' ? 'client certificate' : `pack of ${quoted(place.hostname)}`} in ${quoted(place.zoneName)} (id ${quoted(place.certificateId)})`).join('; ')}`,
      );
    } else if (!info.isCA) {
      const older = olderVersions(context.account, namesOf(info), info.notAfter);
      lines.push(
        older.length > 0
          ? `  not held by Cloudflare, but it holds an older version: ${older.join('; ')} (this file could replace it: rotate)`
          : '  not held by Cloudflare',
      );
    }
  }
  lines.push(completeness(context.account));
  return within(lines);
}

/** Client certificates for the same names that expire before `notAfter`: what this one would renew. */
function olderVersions(account: AccountModel, names: readonly string[], notAfter: Date): string[] {
  const zoneNames = new Map(account.data.loaded().zones.map((zone) => [zone.id, zone.name]));
  const found: string[] = [];
  for (const [zoneId, aop] of account.data.loaded().aop) {
    for (const certificate of aop.certificates) {
      const info = clientCertificateInfo(certificate);
      if (info && info.notAfter < notAfter && namesOf(info).some((name) => names.includes(name))) {
        found.push(
          `${quoted(clientCertificateName(certificate))} in ${quoted(zoneNames.get(zoneId) ?? zoneId)} (id ${quoted(certificate.id)}, expires ${day(info.notAfter)})`,
        );
      }
    }
  }
  return found;
}

/**
 * cloudflareCertificates_findCustomHostname: what Cloudflare's list endpoint answered for a search by
 * part of the name and/or the SSL status, with each hostname's soonest certificate expiry.
 */
export function hostnameMatchesText(
  context: ReadToolContext,
  query: { hostname?: string; sslStatus?: string },
  result: {
    matches: readonly { zone: { name: string }; hostname: CustomHostnameRecord }[];
    total: number;
    failedZones: readonly { name: string }[];
  },
): string {
  const lines = result.matches.map(({ zone, hostname }) => {
    const soonest = packCertificates(hostname)
      .map((certificate) => (certificate.expires_on ? new Date(certificate.expires_on) : undefined))
      .filter((date): date is Date => Boolean(date))
      .sort((a, b) => a.getTime() - b.getTime())[0];
    return `- ${quoted(hostname.hostname)} in zone ${quoted(zone.name)}; id ${quoted(hostname.id)}; hostname status ${quoted(hostname.status ?? 'unknown')}; SSL status ${quoted(hostname.ssl?.status ?? 'none')}; soonest expiry ${soonest ? `${day(soonest)} (${expiryPhrase(soonest, context.now)})` : 'none'}`;
  });
  const what = [
    query.hostname ? `name containing ${quoted(query.hostname)}` : '',
    query.sslStatus ? `SSL status ${quoted(query.sslStatus)}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const failed =
    result.failedZones.length > 0
      ? ` ${result.failedZones.length} zone(s) could not be searched: ${result.failedZones.map((zone) => quoted(zone.name)).join(', ')}.`
      : '';
  return within([
    `Cloudflare counts ${result.total} custom hostname${result.total === 1 ? '' : 's'} with ${what || 'any name'}; ${result.matches.length} shown.${failed}`,
    ...lines,
  ]);
}
