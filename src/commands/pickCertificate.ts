import type { ExtensionServices } from '../extensionServices';
import { AopCertificateNode } from '../tree/aopCertificateNode';
import type { TreeNode } from '../tree/treeNode';

/** From the palette: the client certificates the view has loaded, to choose one. */
export async function pickCertificate(services: Pick<ExtensionServices, 'prompts' | 'tree'>, title: string): Promise<TreeNode | undefined> {
  const candidates: AopCertificateNode[] = [];
  for (const zone of await services.tree.shownZones()) {
    const [aopGroup] = await services.tree.getChildren(zone);
    if (aopGroup) {
      candidates.push(
        ...(await services.tree.getChildren(aopGroup)).filter((node): node is AopCertificateNode => node instanceof AopCertificateNode),
      );
    }
  }
  const picked = await services.prompts.quickPick(
    candidates.map((node) => ({
      label: node.label,
      description: node.parent.parent.zone.name,
      detail: node.certificate.expires_on ? `expires ${node.certificate.expires_on.slice(0, 10)}` : undefined,
      node,
    })),
    { title, placeHolder: 'Choose the client certificate', matchOnDescription: true },
  );
  return picked?.node;
}
