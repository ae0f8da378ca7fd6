import { packCertificates } from '../cloudflare/types';
import { escapeMarkdown } from '../format/markdownEscape';
import type { AccountModel } from '../model/accountModel';
import { clientCertificateName } from '../model/clientCertificateInfo';
import { expiryPhrase, daysLeft } from '../x509/certificateSummary';
import { relationOf } from './certificateRelation';
import type { WorkspaceCertificate } from './workspaceCertificate';

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * "Compare Workspace with Cloudflare": a read-only Markdown report with the counts at the top, then
 * each group. Names from certificates and Cloudflare are escaped: the report is shown as Markdown.
 */
export function compareReport(found: readonly WorkspaceCertificate[], account: AccountModel, now: Date, warningDays: number): string {
  const held: string[] = [];
  const newer: string[] = [];
  const local: string[] = [];
  const heldKeys = new Set<string>();
  const replacedIds = new Set<string>();
  for (const entry of found) {
    const relation = relationOf(entry.facts, account);
    const name = escapeMarkdown(entry.facts.commonName ?? entry.facts.subject);
    const where = `${escapeMarkdown(entry.file)}, expires ${day(entry.facts.notAfter)}`;
    if (relation.kind === 'held') {
      relation.places.forEach((place) => heldKeys.add(`${place.zoneId}/${place.certificateId}`));
      held.push(`- ${name} (${where}): ${relation.places.map((place) => escapeMarkdown(place.zoneName)).join(', ')}`);
    } else if (relation.kind === 'newer') {
      replacedIds.add(`${relation.older.zoneId}/${relation.older.certificateId}`);
      newer.push(
        `- ${name} (${where}) replaces ${escapeMarkdown(relation.older.name)} in ${escapeMarkdown(relation.older.zoneName)}, which ${expiryPhrase(relation.older.notAfter, now)}`,
      );
    } else if (relation.kind === 'notOnCloudflare') {
      local.push(`- ${name} (${where})`);
    }
  }
  const expiring: string[] = [];
  const remote: string[] = [];
  const loaded = account.data.loaded();
  const zoneNames = new Map(loaded.zones.map((zone) => [zone.id, zone.name]));
  const note = (zoneId: string, id: string, name: string, notAfter: Date | undefined) => {
    const key = `${zoneId}/${id}`;
    const line = `- ${escapeMarkdown(name)} in ${escapeMarkdown(zoneNames.get(zoneId) ?? zoneId)}${notAfter ? `, ${expiryPhrase(notAfter, now)}` : ''}`;
    if (notAfter && daysLeft(notAfter, now) <= warningDays) {
      expiring.push(`${line}: ${replacedIds.has(key) ? 'its replacement is in the workspace' : 'no replacement in the workspace'}`);
    }
    if (!heldKeys.has(key)) {
      remote.push(line);
    }
  };
  for (const [zoneId, aop] of loaded.aop) {
    for (const certificate of aop.certificates) {
      note(
        zoneId,
        certificate.id,
        clientCertificateName(certificate),
        certificate.expires_on ? new Date(certificate.expires_on) : undefined,
      );
    }
  }
  for (const [zoneId, list] of loaded.customHostnames) {
    for (const hostname of list.items) {
      for (const certificate of packCertificates(hostname)) {
        note(zoneId, certificate.id, `${hostname.hostname} (pack)`, certificate.expires_on ? new Date(certificate.expires_on) : undefined);
      }
    }
  }
  const section = (title: string, lines: string[]) => [`## ${title} (${lines.length})`, '', ...(lines.length > 0 ? lines : ['None.']), ''];
  return [
    '# Workspace compared with Cloudflare',
    '',
    `${held.length} held and matching · ${newer.length} newer locally · ${expiring.length} expiring on Cloudflare · ${remote.length} on Cloudflare with no local copy · ${local.length} local and not on Cloudflare`,
    '',
    `Compared ${found.length} workspace certificates with what the account holds (${account.scan.scanned} of ${account.scan.zones} zones scanned) on ${day(now)}.`,
    '',
    ...section('Held by Cloudflare and matching', held),
    ...section('Newer in the workspace than on Cloudflare', newer),
    ...section(`Expiring on Cloudflare within ${warningDays} days`, expiring),
    ...section('On Cloudflare with no local copy', remote),
    ...section('In the workspace and not on Cloudflare', local),
  ].join('\n');
}
