import * as vscode from 'vscode';
import type { ExpiryWindow } from '../config/settings';
import { expiringStatusLabel } from '../format/accessibleLabel';
import type { AccountData } from '../model/accountData';
import { expiringSummary, findExpiring, prepareExpiring, type ExpiringCertificate } from '../model/expiringCertificates';
import { CommandId } from '../commandIds';

export const SHOW_EXPIRING_COMMAND = CommandId.showExpiring;

/**
 * "⚠ 2 expired · 3 expire within 30 days"; hidden when none do. It follows the model: every load and
 * every change updates it (coalesced, since a scan of many zones announces many loads at once).
 */
export class ExpiryStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cloudflareCertificates.expiry', vscode.StatusBarAlignment.Left, 50);
  private expiring: ExpiringCertificate[] = [];
  private readonly subscription: { dispose(): void };
  private pending: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(
    private readonly data: AccountData,
    private readonly expiry: () => ExpiryWindow,
    private readonly now: () => Date = () => new Date(),
    /** True while the scan has not loaded everything: the count is then only what has loaded so far. */
    private readonly partial: () => boolean = () => false,
  ) {
    this.item.name = vscode.l10n.t('Cloudflare Certificates: expiring certificates');
    this.item.command = SHOW_EXPIRING_COMMAND;
    // A count brings no certificate: only what loads or changes can move an expiry.
    this.subscription = data.onDidChange((change) => change.part !== 'customHostnameCount' && this.scheduleUpdate());
  }

  get current(): readonly ExpiringCertificate[] {
    return this.expiring;
  }

  /** What the item says, or undefined while it is hidden. */
  get text(): string | undefined {
    return this.expiring.length > 0 ? this.item.text : undefined;
  }

  private scheduleUpdate(): void {
    if (this.pending === undefined) {
      this.pending = setTimeout(() => {
        // The first walk of a large zone's list is done a slice per turn, so the update after it is cheap.
        const { warningDays } = this.expiry();
        void prepareExpiring(this.data, this.now(), warningDays).then(() => {
          this.pending = undefined;
          if (!this.disposed) {
            this.update();
          }
        });
      }, 50);
    }
  }

  update(): void {
    const { warningDays } = this.expiry();
    this.expiring = findExpiring(this.data, this.now(), warningDays);
    if (this.expiring.length === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(warning) ${expiringSummary(this.expiring, warningDays, this.partial())}`;
    this.item.accessibilityInformation = { label: expiringStatusLabel(this.expiring, warningDays, this.now()), role: 'button' };
    this.item.tooltip = vscode.l10n.t('Certificates Cloudflare holds that have expired or expire soon. Click to see them.');
    this.item.backgroundColor = new vscode.ThemeColor(
      this.expiring.some((entry) => entry.expired) ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground',
    );
    this.item.show();
  }

  hide(): void {
    this.expiring = [];
    this.item.hide();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.pending);
    this.subscription.dispose();
    this.item.dispose();
  }
}
