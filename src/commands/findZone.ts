import { CommandId } from '../commandIds';
import type { ExtensionServices } from '../extensionServices';
import { plural } from '../format/wording';
import { appearanceOf, ZONE_STATUS } from '../format/statusAppearance';
import { NodeIds } from '../model/nodeIds';
import { revealNode } from '../tree/revealNode';

export const FIND_ZONE_COMMAND = CommandId.findZone;

/**
 * "Find Zone…": every zone the token sees in one quick pick (filtered as the person types, from the
 * zone list already loaded), and the chosen zone revealed and expanded in the tree.
 */
export async function findZone(services: Pick<ExtensionServices, 'data' | 'prompts' | 'tree' | 'treeView'>): Promise<void> {
  const zones = await services.data.zones();
  if (zones.length === 0) {
    void services.prompts.info('This token can see no zones.');
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
          hostnames && hostnames.items.length > 0 ? plural(hostnames.items.length, 'custom hostname') : undefined,
          zone.account?.name,
        ]
          .filter(Boolean)
          .join(' · '),
        zone,
      };
    }),
    { title: `Find Zone (${plural(zones.length, 'zone')})`, placeHolder: 'Type part of a zone name', matchOnDescription: true },
  );
  if (picked) {
    await revealNode(services, NodeIds.zone(picked.zone.id));
  }
}
