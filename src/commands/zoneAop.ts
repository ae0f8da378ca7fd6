import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { disableZoneAop as disableZoneAopText } from '../format/confirmationText';
import type { TreeNode } from '../tree/treeNode';
import { ZoneNode } from '../tree/zoneNode';
import { pickZone } from './pickZone';
import { withOperationProgress } from './operationProgress';

type ZoneAopServices = Pick<ExtensionServices, 'prompts' | 'operations' | 'data' | 'treeView'>;

/** "Enable Authenticated Origin Pulls for Zone": the zone-level switch, on. */
export async function enableZoneAop(services: ZoneAopServices, node: TreeNode | undefined): Promise<void> {
  await setZoneAop(services, node, true);
}

/** "Disable Authenticated Origin Pulls for Zone…": off, behind a modal that says what stops. */
export async function disableZoneAop(services: ZoneAopServices, node: TreeNode | undefined): Promise<void> {
  await setZoneAop(services, node, false);
}

async function setZoneAop(services: ZoneAopServices, node: TreeNode | undefined, enabled: boolean): Promise<void> {
  const target = node ?? services.treeView.selection[0];
  const zone =
    target instanceof ZoneNode
      ? target.zone
      : await pickZone(
          services,
          enabled
            ? vscode.l10n.t('Enable Authenticated Origin Pulls for which zone?')
            : vscode.l10n.t('Disable Authenticated Origin Pulls for which zone?'),
        );
  if (!zone) {
    return;
  }
  const current = await services.data.aopSettings(zone.id);
  if (current.enabled === enabled) {
    void services.prompts.info(
      enabled
        ? vscode.l10n.t('Authenticated Origin Pulls is already on for {0}.', zone.name)
        : vscode.l10n.t('Authenticated Origin Pulls is already off for {0}.', zone.name),
    );
    return;
  }
  if (!enabled) {
    const action = vscode.l10n.t('Disable');
    const answer = await services.prompts.confirm(
      vscode.l10n.t('Disable Authenticated Origin Pulls for {0}?', zone.name),
      disableZoneAopText(zone.name),
      action,
    );
    if (answer !== action) {
      return;
    }
  }
  const settings = await withOperationProgress(
    services.prompts,
    enabled
      ? vscode.l10n.t('Enabling Authenticated Origin Pulls for {0}', zone.name)
      : vscode.l10n.t('Disabling Authenticated Origin Pulls for {0}', zone.name),
    (options) => services.operations.setZoneAop(zone.id, enabled, options),
  );
  void services.prompts.info(
    settings.enabled
      ? vscode.l10n.t('Authenticated Origin Pulls is on for {0}.', zone.name)
      : vscode.l10n.t('Authenticated Origin Pulls is off for {0}.', zone.name),
  );
}
