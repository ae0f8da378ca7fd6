import * as vscode from 'vscode';
import type { CustomHostname } from '../cloudflare/types';
import type { ExtensionServices } from '../extensionServices';
import { appearanceOf, isTransitional, SSL_STATUS } from '../format/statusAppearance';
import { pollUntilSettled } from '../model/pollUntilSettled';
import { PackCertificateNode } from '../tree/packCertificateNode';
import type { TreeNode } from '../tree/treeNode';
import { zoneOf } from '../tree/zoneOf';
import { expiryPhrase } from '../x509/certificateSummary';
import { hasPemBlock } from '../x509/pemBlocks';
import { loadX509 } from '../x509/lazy';
import { abortSignalFor } from './runCommand';
import { checkedMaterial } from './upload/checkedMaterial';
import { sourceFromEditor, sourceFromFile, type PemSource } from './upload/pemSource';
import { UserError } from './userError';

/** Replaces one certificate of a custom hostname's pack with one of the same key type. */
export async function replacePackCertificate(services: ExtensionServices, node: TreeNode | undefined, file?: vscode.Uri): Promise<void> {
  const target = node ?? services.treeView.selection[0];
  if (!(target instanceof PackCertificateNode)) {
    throw new UserError('Choose a certificate inside a custom hostname\'s certificate pack in the Cloudflare Certificates view.');
  }
  const zone = zoneOf(target)!;
  const hostname = target.parent.hostname;
  const keyType = target.keyType;
  const source = file ? await sourceFromFile(services.prompts, file, '') : await chooseSource(services, `Replace the ${keyType ?? ''} certificate of ${hostname.hostname}`);
  if (!source) {
    return;
  }
  const material = await checkedMaterial(services.prompts, source, { purpose: 'pack', requiredKeyType: keyType });
  if (!material) {
    return;
  }
  const now = new Date();
  const name = loadX509().displayName(material.leaf);
  const current = target.certificate;
  const replace = 'Replace';
  const answer = await services.prompts.confirm(
    `Replace the ${keyType} certificate of ${hostname.hostname}?`,
    `Now: serial ${current.serial_number ?? 'unknown'}, ${current.expires_on ? expiryPhrase(new Date(current.expires_on), now) : 'expiry unknown'}.\nNew: "${name}", serial ${material.leaf.serialNumber}, ${expiryPhrase(material.leaf.notAfter, now)}.\nCloudflare serves the new certificate once it is deployed; the old one is gone.`,
    replace,
  );
  if (answer !== replace) {
    return;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Replacing the ${keyType} certificate of ${hostname.hostname}`, cancellable: true },
    (progress, cancellation) =>
      services.activity.run(target.id, 'Replacing…', async () => {
        const signal = abortSignalFor(cancellation);
        const client = await services.clients.client();
        await client.replacePackCertificate(zone.id, hostname.id, target.parent.packId, current.id, { custom_certificate: material.certificatePem, custom_key: material.privateKeyPem }, signal);
        progress.report({ message: 'waiting for Cloudflare to deploy it…' });
        const outcome = await settleHostname(services, zone.id, hostname.id, signal);
        const status = appearanceOf(SSL_STATUS, outcome.value?.ssl?.status).label.toLowerCase();
        services.log.info(`Replaced pack certificate ${current.id} of ${hostname.hostname}: ${status}.`);
        void (outcome.settled ? services.prompts.info(`Replaced the ${keyType} certificate of ${hostname.hostname} with "${name}": ${status}.`) : services.prompts.warning(`Cloudflare is still deploying the new certificate of ${hostname.hostname} (${status}).`));
      }),
  );
}

/** Polls the custom hostname until its SSL status settles, then puts it in the tree in place. */
export async function settleHostname(services: ExtensionServices, zoneId: string, hostnameId: string, signal: AbortSignal) {
  const client = await services.clients.client();
  const outcome = await pollUntilSettled(() => client.getCustomHostname(zoneId, hostnameId, signal), (hostname: CustomHostname) => !isTransitional(hostname.ssl?.status), { signal, ...services.pollTiming });
  if (outcome.value) {
    services.data.replaceCustomHostname(zoneId, outcome.value);
  }
  const nodeId = `zone/${zoneId}/customHostnames/${hostnameId}`;
  services.tree.refresh(services.tree.find(nodeId) ?? services.tree.find(`zone/${zoneId}/customHostnames`));
  return outcome;
}

async function chooseSource(services: ExtensionServices, title: string): Promise<PemSource | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor && hasPemBlock(editor.document.getText())) {
    const fromEditor = `From the editor: ${editor.document.uri.path.split('/').pop()}`;
    const picked = await services.prompts.quickPick([{ label: fromEditor }, { label: 'From a file…' }], { title, placeHolder: 'Where is the new certificate?' });
    if (!picked) {
      return undefined;
    }
    if (picked.label === fromEditor) {
      return sourceFromEditor(undefined);
    }
  }
  return sourceFromFile(services.prompts, undefined, title);
}
