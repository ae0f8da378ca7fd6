import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { hostnameCount, listSome } from '../format/wording';
import { AopCertificateNode } from '../tree/aopCertificateNode';
import type { TreeNode } from '../tree/treeNode';
import { zoneOf } from '../tree/zoneOf';
import { withOperationProgress } from './operationProgress';
import { pickClientCertificate, type PickServices } from './pickTreeNode';
import { offerToDeleteOld } from './rotationEnd';
import { UserError } from './userError';

type StepServices = PickServices & Pick<ExtensionServices, 'operations'>;
type RotatingNode = AopCertificateNode & { rotation: NonNullable<AopCertificateNode['rotation']> };

/** The certificate row run on, or from the palette one whose rotation this step applies to; undefined when cancelled. */
async function rotatingNode(services: StepServices, node: TreeNode | undefined, undo: boolean): Promise<RotatingNode | undefined> {
  const target =
    node ??
    (await pickClientCertificate(
      services,
      {
        title: undo ? vscode.l10n.t('Undo the rotation of which certificate?') : vscode.l10n.t('Finish the rotation of which certificate?'),
        placeHolder: vscode.l10n.t('Choose the client certificate'),
        none: undo
          ? vscode.l10n.t('No client certificate has hostnames moved to a replacement, so there is no rotation to undo.')
          : vscode.l10n.t('No client certificate has a rotation to finish.'),
      },
      (candidate) => candidate.rotation !== undefined && (!undo || candidate.rotation.moved.length > 0),
    ));
  if (!node && !target) {
    return undefined;
  }
  if (!(target instanceof AopCertificateNode) || !target.rotation) {
    throw new UserError(
      vscode.l10n.t(
        'Choose a client certificate marked "rotation incomplete" or "replacement uploaded" in the Cloudflare Certificates view.',
      ),
    );
  }
  return target as RotatingNode;
}

/** "Finish Rotation": move what is left to the replacement, from Cloudflare's state, then offer the delete. */
export async function finishRotation(services: StepServices, node: TreeNode | undefined): Promise<void> {
  const target = await rotatingNode(services, node, false);
  if (!target) {
    return;
  }
  const zone = zoneOf(target)!;
  const { moved, remaining, newCertificate } = target.rotation;
  if (moved.length === 0) {
    // Nothing has moved yet, so this is the rotation's main step: say what it does, as Rotate does.
    const move = vscode.l10n.t('Move Hostnames');
    const expires = newCertificate.expires_on ? vscode.l10n.t(' (expires {0})', newCertificate.expires_on.slice(0, 10)) : '';
    const answer = await services.prompts.confirm(
      vscode.l10n.t('Move {0} from "{1}" to its replacement{2}?', hostnameCount(remaining.length), target.label, expires),
      vscode.l10n.t(
        '{0} move to the newer certificate already at Cloudflare; each keeps the old one until the new one serves it. Nothing is uploaded.',
        listSome(remaining),
      ),
      move,
    );
    if (answer !== move) {
      return;
    }
  }
  const rotationTarget = { zoneId: zone.id, zoneName: zone.name, oldCertificateId: target.certificate.id };
  const outcome = await withOperationProgress(services.prompts, vscode.l10n.t('Finishing the rotation of "{0}"', target.label), (options) =>
    services.operations.finishRotation(rotationTarget, target.rotation.newCertificate.id, options),
  );
  await offerToDeleteOld(services, rotationTarget, target.label, { ...outcome, moved: [...target.rotation.moved, ...outcome.moved] });
}

/** "Undo Rotation": move the hostnames that reached the replacement back, while the old certificate exists. */
export async function undoRotation(services: StepServices, node: TreeNode | undefined): Promise<void> {
  const target = await rotatingNode(services, node, true);
  if (!target) {
    return;
  }
  const zone = zoneOf(target)!;
  const moved = target.rotation.moved;
  if (moved.length === 0) {
    throw new UserError(vscode.l10n.t('No hostname has moved from "{0}" to its replacement, so there is nothing to undo.', target.label));
  }
  const back = vscode.l10n.t('Move Back');
  const answer = await services.prompts.confirm(
    vscode.l10n.t('Move {0} back to "{1}"?', hostnameCount(moved.length), target.label),
    vscode.l10n.t(
      '{0} go back to the old certificate; each keeps the new one until the old one serves it again. The new certificate stays at Cloudflare, unused.',
      listSome(moved),
    ),
    back,
  );
  if (answer !== back) {
    return;
  }
  const rotationTarget = { zoneId: zone.id, zoneName: zone.name, oldCertificateId: target.certificate.id };
  const outcome = await withOperationProgress(services.prompts, vscode.l10n.t('Undoing the rotation of "{0}"', target.label), (options) =>
    services.operations.undoRotation(rotationTarget, target.rotation.newCertificate.id, options),
  );
  void (outcome.complete
    ? services.prompts.info(
        outcome.movedBack.length === 1
          ? vscode.l10n.t('Rotation undone: 1 hostname uses "{0}" again.', target.label)
          : vscode.l10n.t('Rotation undone: {0} hostnames use "{1}" again.', outcome.movedBack.length, target.label),
      )
    : services.prompts.warning(vscode.l10n.t('Cloudflare is still moving hostnames back to "{0}".', target.label)));
}
