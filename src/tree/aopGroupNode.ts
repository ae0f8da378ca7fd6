import { Limits } from '../model/limits';
import * as vscode from 'vscode';
import { AopCertificateNode } from './aopCertificateNode';
import { ContextValue } from './contextValues';
import { ErrorNode } from './errorNode';
import { MessageNode } from './messageNode';
import { NodeIds } from '../model/nodeIds';
import { findRotations } from '../model/rotationState';
import type { TreeContext, TreeNode } from './treeNode';
import type { ZoneNode } from './zoneNode';
import { rowLabel } from '../format/accessibleLabel';

/** "Client Certificates (AOP)": the zone's per-hostname Authenticated Origin Pulls certificates. */
export class AopGroupNode implements TreeNode {
  readonly id: string;

  constructor(
    private readonly context: TreeContext,
    readonly parent: ZoneNode,
  ) {
    this.id = NodeIds.aopGroup(parent.zone.id);
  }

  get zoneId(): string {
    return this.parent.zone.id;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Client Certificates (AOP)'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = ContextValue.aopGroup;
    const loaded = this.context.data.loaded().aop.get(this.zoneId);
    item.iconPath = new vscode.ThemeIcon('shield');
    item.description = loaded ? `${loaded.certificates.length} of ${Limits.certificatesPerZone}` : undefined;
    item.accessibilityInformation = {
      label: rowLabel({
        name: vscode.l10n.t('Client Certificates (AOP)'),
        kind: 'group',
        details: loaded ? `${loaded.certificates.length} of ${Limits.certificatesPerZone} certificates` : undefined,
      }),
    };
    item.tooltip = vscode.l10n.t(
      'Per-hostname Authenticated Origin Pulls client certificates (at most {0} per zone).',
      Limits.certificatesPerZone,
    );
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    try {
      const { certificates, associations } = await this.context.data.aop(this.zoneId);
      if (certificates.length === 0) {
        return [new MessageNode(this, vscode.l10n.t('No certificates'))];
      }
      const sorted = [...certificates].sort((a, b) => (a.expires_on ?? '').localeCompare(b.expires_on ?? ''));
      const rotations = findRotations({ certificates, associations });
      const nodes = sorted.map(
        (certificate) =>
          new AopCertificateNode(
            this.context,
            this,
            certificate,
            associations.filter((association) => association.cert_id === certificate.id && association.enabled !== null),
            rotations.get(certificate.id),
          ),
      );
      nodes.forEach((node) => node.prepare());
      return nodes;
    } catch (error) {
      return [new ErrorNode(this, error, (problem) => vscode.l10n.t('Could not load client certificates: {0}', problem))];
    }
  }

  dashboardUrl(): string {
    return this.parent.dashboardUrl('ssl-tls/origin');
  }

  reload(): void {
    this.context.data.reload(this.zoneId, 'aop');
  }
}
