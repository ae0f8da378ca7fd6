import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { ExtensionServices } from '../extensionServices';
import { customHostnameCount, zoneCount } from '../format/wording';
import { appearanceOf, ZONE_STATUS } from '../format/statusAppearance';
import { NodeIds } from '../model/nodeIds';
import { revealNode } from '../tree/revealNode';

export const FIND_ZONE_COMMAND = CommandId.findZone;

/**
 * "Find Zone…": every zone the token sees in one quick pick (filtered as the person types, from the
 * zone list already loaded), and the chosen zone revealed and expanded in the tree.
 */
export async function findZone(
  services: Pick<ExtensionServices, 'data' | 'prompts' | 'tree' | 'treeView' | 'firstRowFocus'>,
): Promise<void> {
  const zones = await services.data.zones();
  if (zones.length === 0) {
    void services.prompts.info(vscode.l10n.t('This token can see no zones.'));
    return;
  }
  const loaded = services.data.loaded().customHostnames;
  const picked = await services.prompts.quickPick(
    zones.map((zone) => {
      const hostnames = loaded.get(zone.id);
      return {
        label: zone.name,
        description: [
          zone.status === 'active' ? undefined : appearanceOf(ZONE_STATUS, zone.status).label,
          hostnames && hostnames.items.length > 0 ? customHostnameCount(hostnames.items.length) : undefined,
          zone.account?.name,
        ]
          .filter(Boolean)
          .join(' · '),
        zone,
      };
    }),
    {
      title: vscode.l10n.t('Find Zone ({0})', zoneCount(zones.length)),
      placeHolder: vscode.l10n.t('Type part of a zone name'),
      matchOnDescription: true,
    },
  );
  if (picked) {
    await revealNode(services, NodeIds.zone(picked.zone.id));
  }
}
