import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { NodeIds } from '../model/nodeIds';
import { findNode } from '../tree/revealNode';
import { olderCopyOf } from '../workspace/certificateRelation';
import type { WorkspaceNode } from '../workspace/workspaceTreeProvider';
import { rotateCertificate } from './rotateCertificate';
import { startFromEditor } from './upload/uploadStarts';
import { UserError } from './userError';

type RotateOnCloudflareServices = Pick<ExtensionServices, 'prompts' | 'operations' | 'treeView' | 'data' | 'tree' | 'clients'>;

/** The client certificate Cloudflare holds that a newer block replaces, as the CodeLens names it. */
export interface RotationTarget {
  readonly zoneId: string;
  readonly certificateId: string;
}

/**
 * "Rotate on Cloudflare…" on a block that is a newer version of a certificate Cloudflare holds: the
 * existing rotation, with the held certificate as its target and this block as the replacement. From
 * the editor's CodeLens (the document, the block's offset and the held certificate) or from a "newer"
 * row of the Workspace Certificates view.
 */
export async function rotateOnCloudflare(
  services: RotateOnCloudflareServices,
  from: vscode.Uri | WorkspaceNode | undefined,
  offset?: number,
  target?: RotationTarget,
): Promise<void> {
  let uri: vscode.Uri;
  let at: number | undefined;
  let held: RotationTarget | undefined;
  if (from instanceof vscode.Uri) {
    [uri, at, held] = [from, offset, target];
  } else if (from?.kind === 'certificate') {
    [uri, at] = [vscode.Uri.parse(from.entry.uri), from.entry.start];
    // The account may have changed since the row was drawn: ask it again.
    held = olderCopyOf(from.entry.facts, services.data);
  } else {
    throw new UserError(
      vscode.l10n.t("Choose a certificate that is newer than Cloudflare's copy, in the editor or the Workspace Certificates view."),
    );
  }
  if (!held) {
    throw new UserError(vscode.l10n.t('Cloudflare holds no older version of this certificate any more: upload it instead.'));
  }
  const node = await findNode(services, NodeIds.aopCertificate(held.zoneId, held.certificateId));
  if (!node) {
    throw new UserError(vscode.l10n.t('The certificate this one replaces is no longer on Cloudflare: refresh and try again.'));
  }
  await rotateCertificate(services, node, startFromEditor(uri, at));
}
