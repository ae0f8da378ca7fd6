import { CommandId } from '../commandIds';
import * as vscode from 'vscode';
import type { Zone } from '../cloudflare/types';
import type { CustomHostnameRecord } from '../model/customHostnameRecord';
import type { ExtensionServices } from '../extensionServices';
import { formatDate } from '../format/certificateMarkdown';
import { appearanceOf, SSL_STATUS } from '../format/statusAppearance';
import { zoneCount } from '../format/wording';
import { searchHostnames, zonesToSearch, type HostnameMatch } from '../model/hostnameSearch';
import { NodeIds } from '../model/nodeIds';
import { soonestPackExpiry } from '../model/packExpiry';
import { revealNode } from '../tree/revealNode';
import type { TreeNode } from '../tree/treeNode';
import { zoneNodeOf, zoneOf } from '../tree/zoneOf';
import type { SearchAnswer } from '../ui/searchQuickPick';
import { expiryPhrase } from '../x509/certificateSummary';

export const FIND_CUSTOM_HOSTNAME_COMMAND = CommandId.findCustomHostname;

type Services = Pick<ExtensionServices, 'clients' | 'data' | 'prompts' | 'tree' | 'treeView' | 'firstRowFocus'>;

interface MatchItem extends vscode.QuickPickItem {
  readonly match: HostnameMatch;
}

/** A row: the hostname, its SSL status and zone, and its soonest certificate expiry. */
export function matchItem(match: HostnameMatch, now: Date, showZone: boolean): MatchItem {
  const ssl = appearanceOf(SSL_STATUS, match.hostname.ssl?.status);
  const soonest = soonestPackExpiry(match.hostname);
  return {
    label: match.hostname.hostname,
    description: [vscode.l10n.t('SSL {0}', ssl.label.toLowerCase()), showZone ? match.zone.name : undefined].filter(Boolean).join(' · '),
    detail: soonest
      ? vscode.l10n.t('Soonest certificate {0} ({1})', expiryPhrase(soonest, now), formatDate(soonest))
      : vscode.l10n.t('No certificate in its pack'),
    match,
  };
}

/**
 * "Find Custom Hostname…": searches the custom hostnames of the node's zone (or of every zone the
 * token sees) on Cloudflare as the person types, and reveals the chosen one in the tree, loading only
 * its path: however deep it lies in a list of 100,000, no row before it is needed.
 */
export async function findCustomHostname(services: Services, node?: TreeNode): Promise<void> {
  const scoped = zoneOf(node);
  const picked = await searchCustomHostname(
    services,
    scoped ? vscode.l10n.t('Find Custom Hostname in {0}', scoped.name) : vscode.l10n.t('Find Custom Hostname'),
    scoped,
  );
  if (picked) {
    await revealHostname(services, picked, node);
  }
}

/** The search pick of Find Custom Hostname…: the zone's hostnames (or every zone's) matching what is typed, searched on Cloudflare. */
export async function searchCustomHostname(
  services: Pick<Services, 'clients' | 'data' | 'prompts'>,
  title: string,
  scoped?: Zone,
): Promise<HostnameMatch | undefined> {
  const zones: readonly Zone[] = scoped ? [scoped] : zonesToSearch(await services.data.zones(), services.data.loaded().customHostnames);
  const client = await services.clients.client();
  const search = async (text: string, signal: AbortSignal): Promise<SearchAnswer<MatchItem>> => {
    const found = await searchHostnames(client, zones, text, signal);
    const now = new Date();
    const items = found.matches.map((match) => matchItem(match, now, !scoped));
    const summary =
      found.failedZones.length > 0
        ? vscode.l10n.t('{0} of {1} shown; {2} could not be searched', items.length, found.total, zoneCount(found.failedZones.length))
        : vscode.l10n.t('{0} of {1} shown', items.length, found.total);
    return { items, summary };
  };
  const picked = await services.prompts.searchPick(
    {
      title,
      placeholder: vscode.l10n.t('Type part of a hostname; Cloudflare searches as you type'),
      hint: (text) =>
        text.trim() ? vscode.l10n.t('No custom hostname contains "{0}"', text.trim()) : vscode.l10n.t('Type part of a hostname'),
    },
    search,
  );
  return picked?.match;
}

/** Puts the hostname in its group (which lists it even beyond the rows loaded) and reveals it. */
export async function revealHostname(
  services: Pick<Services, 'tree' | 'treeView' | 'prompts' | 'firstRowFocus'>,
  match: HostnameMatch,
  node?: TreeNode,
): Promise<boolean> {
  await pinHostname(services, match.zone.id, match.hostname, node);
  return revealNode(services, NodeIds.customHostname(match.zone.id, match.hostname.id));
}

/** The longest a reveal waits for the view to fetch a group's rows anew (VS Code debounces refreshes by 200 ms). */
const RELIST_WAIT_MS = 1_000;

/**
 * Lists the hostname in its zone's Custom Hostnames group, so a reveal of it (or of its pack) finds it.
 * A group the view has already fetched must be fetched again first: VS Code reveals only rows it holds.
 */
export async function pinHostname(
  services: Pick<Services, 'tree'>,
  zoneId: string,
  hostname: CustomHostnameRecord,
  node?: TreeNode,
): Promise<void> {
  const zoneNode = zoneNodeOf(node) ?? (await services.tree.zoneNode(zoneId));
  const group = zoneNode?.customHostnamesGroup;
  if (group?.revealed.add(hostname)) {
    const relisted = group.revealed.nextListing();
    services.tree.rerender(group);
    // A collapsed group is not fetched until the reveal expands it, so the wait is bounded.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([relisted, new Promise<void>((resolve) => (timer = setTimeout(resolve, RELIST_WAIT_MS)))]);
    clearTimeout(timer);
  }
}
