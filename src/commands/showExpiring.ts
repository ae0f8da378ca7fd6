import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { formatDate } from '../format/certificateMarkdown';
import { expiryPhrase } from '../x509/certificateSummary';
import { revealNode } from '../tree/revealNode';
import { NodeIds } from '../model/nodeIds';
import { pinHostname } from './findCustomHostname';

/** The status-bar item's action: list the expiring certificates and reveal the chosen one in the tree. */
export async function showExpiring(
  services: Pick<ExtensionServices, 'statusBar' | 'prompts' | 'data' | 'tree' | 'treeView' | 'firstRowFocus'>,
): Promise<void> {
  services.statusBar.update();
  const expiring = services.statusBar.current;
  if (expiring.length === 0) {
    void services.prompts.info(vscode.l10n.t('No certificate Cloudflare holds expires within the warning window.'));
    return;
  }
  const now = new Date();
  // Names from what has loaded: the list came from loaded data, so no request is needed.
  const zones = new Map(services.data.loaded().zones.map((zone) => [zone.id, zone.name]));
  const picked = await services.prompts.quickPick(
    expiring.map((certificate) => ({
      label: certificate.label,
      description: expiryPhrase(certificate.notAfter, now),
      detail:
        certificate.kind === 'aop'
          ? vscode.l10n.t(
              'Client certificate (AOP) · {0} · {1}',
              zones.get(certificate.zoneId) ?? certificate.zoneId,
              formatDate(certificate.notAfter),
            )
          : vscode.l10n.t(
              'Custom hostname certificate · {0} · {1}',
              zones.get(certificate.zoneId) ?? certificate.zoneId,
              formatDate(certificate.notAfter),
            ),
      certificate,
    })),
    {
      title: vscode.l10n.t('Certificates that expire soon'),
      placeHolder: vscode.l10n.t('Choose one to reveal it in the Cloudflare Certificates view'),
    },
  );
  if (picked) {
    const { zoneId, nodeId } = picked.certificate;
    // A pack certificate may lie beyond the rows its group shows: list its hostname there first.
    const hostname = services.data
      .loaded()
      .customHostnames.get(zoneId)
      ?.items.find((candidate) => nodeId.startsWith(`${NodeIds.customHostname(zoneId, candidate.id)}/`));
    if (hostname) {
      await pinHostname(services, zoneId, hostname);
    }
    await revealNode(services, nodeId);
  }
}
