import type { ExtensionServices } from '../extensionServices';
import { deleteOldAfterRotation } from '../format/confirmationText';
import { listSome, plural } from '../format/wording';
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
    const left =
      outcome.stillOnOld.length > 0
        ? ` ${plural(outcome.stillOnOld.length, 'hostname still uses', 'hostnames still use')} "${oldName}" (${listSome(outcome.stillOnOld)}).`
        : ' Cloudflare is still deploying some of them.';
    void services.prompts.warning(
      `Rotation incomplete: ${plural(outcome.moved.length, 'hostname')} moved.${left} Run Finish Rotation on "${oldName}" to carry on.`,
    );
    return;
  }
  const remove = 'Delete Old Certificate';
  const answer = await services.prompts.confirm(
    `Every hostname now uses the new certificate. Delete "${oldName}"?`,
    deleteOldAfterRotation(outcome.moved, oldName),
    remove,
  );
  if (answer !== remove) {
    void services.prompts.info(
      `Rotated ${plural(outcome.moved.length, 'hostname')} to the new certificate. "${oldName}" is kept; it can be deleted later.`,
    );
    return;
  }
  const ref = { zoneId: target.zoneId, zoneName: target.zoneName, certificateId: target.oldCertificateId, name: oldName };
  const users = await services.operations.hostnamesUsing(target.zoneId, target.oldCertificateId);
  if (users.length > 0) {
    // Someone pointed a hostname at it meanwhile: deleting now would cut that hostname off.
    void services.prompts.warning(
      `"${oldName}" was not deleted: ${listSome(users.map((user) => user.hostname))} started using it meanwhile.`,
    );
    return;
  }
  const deleted = await withOperationProgress(services.prompts, `Deleting "${oldName}"`, (options) =>
    services.operations.deleteClientCertificate(ref, [], options),
  );
  void (deleted.settled
    ? services.prompts.info(`Rotation finished: every hostname uses the new certificate and "${oldName}" is deleted.`)
    : services.prompts.warning(`Cloudflare is still deleting "${oldName}" (pending deletion).`));
}
