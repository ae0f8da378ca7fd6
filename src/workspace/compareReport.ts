import * as l10n from '@vscode/l10n';
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
    const file = escapeMarkdown(entry.file);
    const expires = day(entry.facts.notAfter);
    if (relation.kind === 'held') {
      relation.places.forEach((place) => heldKeys.add(`${place.zoneId}/${place.certificateId}`));
      const zones = relation.places.map((place) => escapeMarkdown(place.zoneName)).join(', ');
      held.push(`- ${l10n.t('{0} ({1}, expires {2}): {3}', name, file, expires, zones)}`);
    } else if (relation.kind === 'newer') {
      replacedIds.add(`${relation.older.zoneId}/${relation.older.certificateId}`);
      const older = escapeMarkdown(relation.older.name);
      const zone = escapeMarkdown(relation.older.zoneName);
      // The old copy's expiry stands in parentheses, a phrase of its own, not a clause of this sentence.
      const when = expiryPhrase(relation.older.notAfter, now);
      newer.push(`- ${l10n.t('{0} ({1}, expires {2}) replaces {3} in {4} ({5})', name, file, expires, older, zone, when)}`);
    } else if (relation.kind === 'notOnCloudflare') {
      local.push(`- ${l10n.t('{0} ({1}, expires {2})', name, file, expires)}`);
    }
  }
  const expiring: string[] = [];
  const remote: string[] = [];
  const loaded = account.data.loaded();
  const zoneNames = new Map(loaded.zones.map((zone) => [zone.id, zone.name]));
  const note = (zoneId: string, id: string, name: string, notAfter: Date | undefined) => {
    const key = `${zoneId}/${id}`;
    const shown = escapeMarkdown(name);
    const zone = escapeMarkdown(zoneNames.get(zoneId) ?? zoneId);
    if (!notAfter) {
      if (!heldKeys.has(key)) {
        remote.push(`- ${l10n.t('{0} in {1}', shown, zone)}`);
      }
      return;
    }
    const when = expiryPhrase(notAfter, now);
    if (daysLeft(notAfter, now) <= warningDays) {
      expiring.push(
        `- ${
          replacedIds.has(key)
            ? l10n.t('{0} in {1}, {2}: its replacement is in the workspace', shown, zone, when)
            : l10n.t('{0} in {1}, {2}: no replacement in the workspace', shown, zone, when)
        }`,
      );
    }
    if (!heldKeys.has(key)) {
      remote.push(`- ${l10n.t('{0} in {1}, {2}', shown, zone, when)}`);
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
        note(
          zoneId,
          certificate.id,
          l10n.t('{0} (pack)', hostname.hostname),
          certificate.expires_on ? new Date(certificate.expires_on) : undefined,
        );
      }
    }
  }
  const section = (title: string, lines: string[]) => [
    `## ${title} (${lines.length})`,
    '',
    ...(lines.length > 0 ? lines : [l10n.t('None.')]),
    '',
  ];
  return [
    `# ${l10n.t('Workspace compared with Cloudflare')}`,
    '',
    l10n.t(
      '{0} held and matching · {1} newer locally · {2} expiring on Cloudflare · {3} on Cloudflare with no local copy · {4} local and not on Cloudflare',
      held.length,
      newer.length,
      expiring.length,
      remote.length,
      local.length,
    ),
    '',
    comparedWords(found.length, account, day(now)),
    '',
    ...section(l10n.t('Held by Cloudflare and matching'), held),
    ...section(l10n.t('Newer in the workspace than on Cloudflare'), newer),
    ...section(l10n.t('Expiring on Cloudflare within {0} days', warningDays), expiring),
    ...section(l10n.t('On Cloudflare with no local copy'), remote),
    ...section(l10n.t('In the workspace and not on Cloudflare'), local),
  ].join('\n');
}

/** What was compared, and when: one whole sentence for one workspace certificate and for several. */
function comparedWords(count: number, account: AccountModel, on: string): string {
  const { scanned, zones } = account.scan;
  return count === 1
    ? l10n.t('Compared 1 workspace certificate with what the account holds ({0} of {1} zones scanned) on {2}.', scanned, zones, on)
    : l10n.t(
        'Compared {0} workspace certificates with what the account holds ({1} of {2} zones scanned) on {3}.',
        count,
        scanned,
        zones,
        on,
      );
}
