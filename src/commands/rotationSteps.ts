import type { ExtensionServices } from '../extensionServices';
import { listSome, plural } from '../format/wording';
import { AopCertificateNode } from '../tree/aopCertificateNode';
import type { TreeNode } from '../tree/treeNode';
import { zoneOf } from '../tree/zoneOf';
import { withOperationProgress } from './operationProgress';
import { offerToDeleteOld } from './rotationEnd';
import { UserError } from './userError';

type StepServices = Pick<ExtensionServices, 'prompts' | 'operations' | 'treeView'>;

function rotatingNode(
  services: StepServices,
  node: TreeNode | undefined,
): AopCertificateNode & { rotation: NonNullable<AopCertificateNode['rotation']> } {
  const target = node ?? services.treeView.selection[0];
  if (!(target instanceof AopCertificateNode) || !target.rotation) {
    throw new UserError(
      'Choose a client certificate marked "rotation incomplete" or "replacement uploaded" in the Cloudflare Certificates view.',
    );
  }
  return target as AopCertificateNode & { rotation: NonNullable<AopCertificateNode['rotation']> };
}

/** "Finish Rotation": move what is left to the replacement, from Cloudflare's state, then offer the delete. */
export async function finishRotation(services: StepServices, node: TreeNode | undefined): Promise<void> {
  const target = rotatingNode(services, node);
  const zone = zoneOf(target)!;
  const { moved, remaining, newCertificate } = target.rotation;
  if (moved.length === 0) {
    // Nothing has moved yet, so this is the rotation's main step: say what it does, as Rotate does.
    const move = 'Move Hostnames';
    const expires = newCertificate.expires_on ? ` (expires ${newCertificate.expires_on.slice(0, 10)})` : '';
    const answer = await services.prompts.confirm(
      `Move ${plural(remaining.length, 'hostname')} from "${target.label}" to its replacement${expires}?`,
      `${listSome(remaining)} move to the newer certificate already at Cloudflare; each keeps the old one until the new one serves it. Nothing is uploaded.`,
      move,
    );
    if (answer !== move) {
      return;
    }
  }
  const rotationTarget = { zoneId: zone.id, zoneName: zone.name, oldCertificateId: target.certificate.id };
  const outcome = await withOperationProgress(services.prompts, `Finishing the rotation of "${target.label}"`, (options) =>
    services.operations.finishRotation(rotationTarget, target.rotation.newCertificate.id, options),
  );
  await offerToDeleteOld(services, rotationTarget, target.label, { ...outcome, moved: [...target.rotation.moved, ...outcome.moved] });
}

/** "Undo Rotation": move the hostnames that reached the replacement back, while the old certificate exists. */
export async function undoRotation(services: StepServices, node: TreeNode | undefined): Promise<void> {
  const target = rotatingNode(services, node);
  const zone = zoneOf(target)!;
  const moved = target.rotation.moved;
  if (moved.length === 0) {
    throw new UserError(`No hostname has moved from "${target.label}" to its replacement, so there is nothing to undo.`);
  }
  const back = 'Move Back';
  const answer = await services.prompts.confirm(
    `Move ${plural(moved.length, 'hostname')} back to "${target.label}"?`,
    `${listSome(moved)} go back to the old certificate; each keeps the new one until the old one serves it again. The new certificate stays at Cloudflare, unused.`,
    back,
  );
  if (answer !== back) {
    return;
  }
  const rotationTarget = { zoneId: zone.id, zoneName: zone.name, oldCertificateId: target.certificate.id };
  const outcome = await withOperationProgress(services.prompts, `Undoing the rotation of "${target.label}"`, (options) =>
    services.operations.undoRotation(rotationTarget, target.rotation.newCertificate.id, options),
  );
  void (outcome.complete
    ? services.prompts.info(
        `Rotation undone: ${plural(outcome.movedBack.length, 'hostname uses', 'hostnames use')} "${target.label}" again.`,
      )
    : services.prompts.warning(`Cloudflare is still moving hostnames back to "${target.label}".`));
}
