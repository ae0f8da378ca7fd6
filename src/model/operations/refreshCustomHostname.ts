import * as l10n from '@vscode/l10n';
import { NodeIds } from '../nodeIds';
import type { OperationContext } from './operationContext';

/** A custom hostname's inline Refresh: one GET for that hostname, not the zone's whole list. */
export async function refreshCustomHostname(context: OperationContext, zoneId: string, hostnameId: string): Promise<void> {
  await context.activity.run(NodeIds.customHostname(zoneId, hostnameId), l10n.t('Refreshing…'), async () => {
    const client = await context.client();
    context.data.replaceCustomHostname(zoneId, await client.getCustomHostname(zoneId, hostnameId));
  });
}
