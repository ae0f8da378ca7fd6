import * as vscode from 'vscode';
import type { ExpiryWindow } from '../config/settings';
import type { AccountModel } from '../model/accountModel';
import { expiryPhrase, daysLeft } from '../x509/certificateSummary';
import { relationOf, relationWords } from './certificateRelation';
import type { WorkspaceCertificate } from './workspaceCertificate';
import type { WorkspaceScanner } from './workspaceScanner';

export type WorkspaceNode =
  { kind: 'file'; uri: string; file: string } | { kind: 'certificate'; entry: WorkspaceCertificate } | { kind: 'message'; text: string };

/**
 * The Workspace Certificates view: each file with certificates, and under it each certificate with its
 * expiry (the same words and colours as the Certificates view) and how it stands to Cloudflare, read
 * from the account model. Clicking a certificate opens its file at the block.
 */
export class WorkspaceTreeProvider implements vscode.TreeDataProvider<WorkspaceNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<WorkspaceNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscriptions: { dispose(): void }[];

  constructor(
    private readonly scanner: WorkspaceScanner,
    private readonly account: AccountModel,
    private readonly expiry: () => ExpiryWindow,
    private readonly visible: () => boolean = () => true,
  ) {
    // Only a view on screen re-renders: a hidden one is rebuilt when it is shown.
    const refresh = () => this.visible() && this.changeEmitter.fire(undefined);
    // What Cloudflare holds matters once a scan has settled or a change was made, not at every one of
    // a scan's many loads: the view re-renders then, from what has loaded.
    this.subscriptions = [
      scanner.onDidChange(refresh),
      account.onDidScan(refresh),
      account.data.onDidChange((change) => change.cause === 'operation' && refresh()),
    ];
  }

  /** Re-renders from what is known (the view was shown again). */
  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  async getChildren(node?: WorkspaceNode): Promise<WorkspaceNode[]> {
    if (!node) {
      await this.scanner.scan();
      const { certificates, skipped } = this.scanner.current;
      for (const uri of this.fileNodes.keys()) {
        if (!certificates.has(uri)) {
          this.fileNodes.delete(uri);
        }
      }
      const files: WorkspaceNode[] = [...certificates.entries()]
        .map(([uri, entries]) => this.fileNode(uri, entries[0].file))
        .sort((a, b) => (a.kind === 'file' && b.kind === 'file' ? a.file.localeCompare(b.file) : 0));
      const notes: WorkspaceNode[] =
        skipped.length > 0 ? [{ kind: 'message', text: vscode.l10n.t('Skipped: {0}', skipped.join('; ')) }] : [];
      return files.length > 0
        ? [...files, ...notes]
        : [{ kind: 'message', text: vscode.l10n.t('No certificates found in the workspace') }, ...notes];
    }
    if (node.kind === 'file') {
      return (this.scanner.current.certificates.get(node.uri) ?? []).map((entry) => this.certificateNode(entry));
    }
    return [];
  }

  /** One node object per file, so VS Code keeps tracking the same element across re-renders. */
  private readonly fileNodes = new Map<string, WorkspaceNode>();

  /** One node object per certificate found, for the same reason; a re-read file gives new entries. */
  private readonly certificateNodes = new WeakMap<WorkspaceCertificate, WorkspaceNode>();

  private certificateNode(entry: WorkspaceCertificate): WorkspaceNode {
    let node = this.certificateNodes.get(entry);
    if (!node) {
      node = { kind: 'certificate', entry };
      this.certificateNodes.set(entry, node);
    }
    return node;
  }

  private fileNode(uri: string, file: string): WorkspaceNode {
    let node = this.fileNodes.get(uri);
    if (!node) {
      node = { kind: 'file', uri, file };
      this.fileNodes.set(uri, node);
    }
    return node;
  }

  getTreeItem(node: WorkspaceNode): vscode.TreeItem {
    if (node.kind === 'message') {
      const item = new vscode.TreeItem(node.text);
      item.iconPath = new vscode.ThemeIcon('info');
      return item;
    }
    if (node.kind === 'file') {
      const item = new vscode.TreeItem(node.file, vscode.TreeItemCollapsibleState.Expanded);
      item.resourceUri = vscode.Uri.parse(node.uri);
      item.id = `file/${node.uri}`;
      const count = this.scanner.current.certificates.get(node.uri)?.length ?? 0;
      item.description = count === 1 ? vscode.l10n.t('1 certificate') : vscode.l10n.t('{0} certificates', count);
      return item;
    }
    const { entry } = node;
    const now = new Date();
    const { warningDays, criticalDays } = this.expiry();
    const relation = relationOf(entry.facts, this.account);
    const words = relationWords(relation, now, warningDays);
    const item = new vscode.TreeItem(entry.facts.commonName ?? entry.facts.subject);
    item.id = `certificate/${entry.uri}#${entry.start}`;
    item.description = `${expiryPhrase(entry.facts.notAfter, now)} · ${this.account.stillLoading && relation.kind === 'notOnCloudflare' ? vscode.l10n.t('Cloudflare still loading') : words}`;
    const left = daysLeft(entry.facts.notAfter, now);
    const color = left < 0 || left <= criticalDays ? 'list.errorForeground' : left <= warningDays ? 'list.warningForeground' : undefined;
    const icon =
      relation.kind === 'held' ? 'cloud' : relation.kind === 'newer' ? 'cloud-upload' : relation.kind === 'chainMember' ? 'link' : 'file';
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.tooltip = [entry.facts.subject, vscode.l10n.t('Serial {0}', entry.facts.serialNumber), words].join('\n');
    item.accessibilityInformation = { label: `${item.label as string}, ${item.description}` };
    item.contextValue = relation.kind === 'newer' ? 'workspaceCertificate newer' : 'workspaceCertificate';
    item.command = {
      command: 'vscode.open',
      title: vscode.l10n.t('Open'),
      arguments: [vscode.Uri.parse(entry.uri), { selection: this.rangeOf(entry) }],
    };
    return item;
  }

  private rangeOf(entry: WorkspaceCertificate): vscode.Range {
    return new vscode.Range(entry.line, 0, entry.line, 0);
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
