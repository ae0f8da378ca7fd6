import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { CertificateAuthority } from '../cloudflare/customHostnameQuery';
import type { ExtensionServices } from '../extensionServices';
import { appearanceOf, HOSTNAME_STATUS, SSL_STATUS } from '../format/statusAppearance';
import { FilteredHostnames, isEmptyFilter, SSL_STATUSES, type HostnameFilter } from '../model/filteredHostnames';
import type { CustomHostnamesGroupNode } from '../tree/customHostnamesGroupNode';
import type { TreeNode } from '../tree/treeNode';
import { zoneNodeOf } from '../tree/zoneOf';
import { pickZone } from './pickZone';
import { pickNode } from './pickTreeNode';

export const FILTER_CUSTOM_HOSTNAMES_COMMAND = CommandId.filterCustomHostnames;
export const CLEAR_CUSTOM_HOSTNAME_FILTER_COMMAND = CommandId.clearCustomHostnameFilter;

type Services = Pick<ExtensionServices, 'clients' | 'data' | 'prompts' | 'tree' | 'treeView'>;

const ANY = vscode.l10n.t('Any');
const NOT_ACTIVE = vscode.l10n.t('Not active');
const AUTHORITIES: readonly CertificateAuthority[] = ['google', 'lets_encrypt', 'ssl_com', 'digicert'];

/** The group of the node's zone, or of a zone the person picks (palette). */
async function groupFor(services: Services, node?: TreeNode): Promise<CustomHostnamesGroupNode | undefined> {
  const zoneNode = zoneNodeOf(node);
  if (zoneNode) {
    return zoneNode.customHostnamesGroup;
  }
  const zone = await pickZone(services, vscode.l10n.t('Filter Custom Hostnames'));
  return zone ? (await services.tree.zoneNode(zone.id))?.customHostnamesGroup : undefined;
}

/** One question: a value of a status table, or Any; undefined when the person cancels. */
async function ask(services: Services, title: string, values: readonly string[], label: (value: string) => string, extra: string[] = []) {
  const picked = await services.prompts.quickPick(
    [ANY, ...extra, ...values].map((value) => ({
      label: value === ANY || extra.includes(value) ? value : label(value),
      description: value === ANY || extra.includes(value) ? undefined : value,
      value,
    })),
    { title, placeHolder: vscode.l10n.t('Cloudflare filters the list; Load more pages through what matches'), matchOnDescription: true },
  );
  return picked?.value;
}

/**
 * "Filter Custom Hostnames…" on a zone's Custom Hostnames group: by SSL status (one, or every status
 * but active), hostname status and certificate authority, all answered by Cloudflare, so a group of
 * 100,000 shows what needs attention a page at a time without loading the rest.
 */
export async function filterCustomHostnames(services: Services, node?: TreeNode): Promise<void> {
  const group = await groupFor(services, node);
  if (!group) {
    return;
  }
  const ssl = await ask(services, vscode.l10n.t('Filter by SSL status'), SSL_STATUSES, (value) => appearanceOf(SSL_STATUS, value).label, [
    NOT_ACTIVE,
  ]);
  if (ssl === undefined) {
    return;
  }
  const host = await ask(
    services,
    vscode.l10n.t('Filter by hostname status'),
    Object.keys(HOSTNAME_STATUS),
    (value) => appearanceOf(HOSTNAME_STATUS, value).label,
  );
  if (host === undefined) {
    return;
  }
  const authority = await ask(services, vscode.l10n.t('Filter by certificate authority'), AUTHORITIES, (value) => value);
  if (authority === undefined) {
    return;
  }
  const filter: HostnameFilter = {
    sslStatus: ssl === ANY ? undefined : ssl === NOT_ACTIVE ? { not: 'active' } : ssl,
    hostnameStatus: host === ANY ? undefined : host,
    certificateAuthority: authority === ANY ? undefined : (authority as CertificateAuthority),
  };
  group.filtered = isEmptyFilter(filter) ? undefined : new FilteredHostnames(() => services.clients.client(), group.zoneId, filter);
  // A change of what the view shows, not of Cloudflare's data: re-render the group, nothing reloads.
  services.tree.rerender(group);
  // Opening the group shows the first page; a view that is not shown just keeps the filter for later.
  await Promise.resolve(services.treeView.reveal(group, { expand: true, focus: false, select: false })).catch(() => undefined);
}

/** The group's inline "Clear Filter": back to the whole list as loaded; from the palette, of a filtered list the person picks. */
export async function clearCustomHostnameFilter(services: Pick<Services, 'prompts' | 'tree' | 'treeView'>, node?: TreeNode): Promise<void> {
  const filteredOf = (row: TreeNode) => {
    const candidate = zoneNodeOf(row)?.customHostnamesGroup;
    return candidate?.filtered ? candidate : undefined;
  };
  const group = node
    ? zoneNodeOf(node)?.customHostnamesGroup
    : await pickNode(
        services,
        (await services.tree.shownZones()).map((zone) => zone.customHostnamesGroup).filter((candidate) => candidate.filtered),
        {
          title: vscode.l10n.t('Clear the filter of which custom hostnames?'),
          placeHolder: vscode.l10n.t('Choose the filtered list'),
          none: vscode.l10n.t('No list of custom hostnames is filtered.'),
          fromSelection: filteredOf,
        },
      );
  if (group?.filtered) {
    group.filtered = undefined;
    services.tree.rerender(group);
  }
}
