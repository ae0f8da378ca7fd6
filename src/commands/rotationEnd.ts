import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { deleteOldAfterRotation } from '../format/confirmationText';
import { hostnameCount, listSome } from '../format/wording';
import type { RotationOutcome, RotationTarget } from '../model/operations/rotateClientCertificate';
import { withOperationProgress } from './operationProgress';

/** After the hostnames moved: say so, and offer to delete the old certificate once nothing uses it. */
export async function offerToDeleteOld(
  services: Pick<ExtensionServices, 'prompts' | 'operations'>,
  target: RotationTarget,
  oldName: string,
  outcome: RotationOutcome,
): Promise<void> {
  if (!outcome.complete) {
    const still = outcome.stillOnOld.length;
    const left =
      still === 0
        ? vscode.l10n.t('Cloudflare is still deploying some of them.')
        : still === 1
          ? vscode.l10n.t('1 hostname still uses "{0}" ({1}).', oldName, listSome(outcome.stillOnOld))
          : vscode.l10n.t('{0} hostnames still use "{1}" ({2}).', still, oldName, listSome(outcome.stillOnOld));
    // Whole sentences, each translated on its own, said one after the other.
    void services.prompts.warning(
      [
        vscode.l10n.t('Rotation incomplete: {0} moved.', hostnameCount(outcome.moved.length)),
        left,
        vscode.l10n.t('Run Finish Rotation on "{0}" to carry on.', oldName),
      ].join(' '),
    );
    return;
  }
  const remove = vscode.l10n.t('Delete Old Certificate');
  const answer = await services.prompts.confirm(
    vscode.l10n.t('Every hostname now uses the new certificate. Delete "{0}"?', oldName),
    deleteOldAfterRotation(outcome.moved, oldName),
    remove,
  );
  if (answer !== remove) {
    void services.prompts.info(
      vscode.l10n.t(
        'Rotated {0} to the new certificate. "{1}" is kept; it can be deleted later.',
        hostnameCount(outcome.moved.length),
        oldName,
      ),
    );
    return;
  }
  const ref = { zoneId: target.zoneId, zoneName: target.zoneName, certificateId: target.oldCertificateId, name: oldName };
  const users = await services.operations.hostnamesUsing(target.zoneId, target.oldCertificateId);
  if (users.length > 0) {
    // Someone pointed a hostname at it meanwhile: deleting now would cut that hostname off.
    void services.prompts.warning(
      vscode.l10n.t('"{0}" was not deleted: {1} started using it meanwhile.', oldName, listSome(users.map((user) => user.hostname))),
    );
    return;
  }
  const deleted = await withOperationProgress(services.prompts, vscode.l10n.t('Deleting "{0}"', oldName), (options) =>
    services.operations.deleteClientCertificate(ref, [], options),
  );
  void (deleted.settled
    ? services.prompts.info(vscode.l10n.t('Rotation finished: every hostname uses the new certificate and "{0}" is deleted.', oldName))
    : services.prompts.warning(vscode.l10n.t('Cloudflare is still deleting "{0}" (pending deletion).', oldName)));
}
