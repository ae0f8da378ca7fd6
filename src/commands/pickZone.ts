import * as vscode from 'vscode';
import type { Zone } from '../cloudflare/types';
import type { ExtensionServices } from '../extensionServices';

/** Asks which zone, when the command did not come from a zone's node. */
export async function pickZone(services: Pick<ExtensionServices, 'prompts' | 'data'>, title: string): Promise<Zone | undefined> {
  const zones = await services.data.zones();
  if (zones.length === 1) {
    return zones[0];
  }
  const picked = await services.prompts.quickPick(
    zones.map((zone) => ({ label: zone.name, description: zone.status === 'active' ? undefined : zone.status, zone })),
    { title, placeHolder: vscode.l10n.t('Choose the zone'), matchOnDescription: true },
  );
  return picked?.zone;
}
