import * as vscode from 'vscode';
import type { ExpiryWindow } from '../config/settings';
import type { AccountData } from '../model/accountData';
import { findExpiring, type ExpiringCertificate } from './expiringCertificates';

export const SHOW_EXPIRING_COMMAND = 'cloudflareCertificates.showExpiring';

/** "⚠ 2 certificates expire within 30 days"; hidden when none do. Clicking lists and reveals them. */
export class ExpiryStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cloudflareCertificates.expiry', vscode.StatusBarAlignment.Left, 50);
  private expiring: ExpiringCertificate[] = [];

  constructor(
    private readonly data: AccountData,
    private readonly expiry: () => ExpiryWindow,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.item.name = 'Cloudflare Certificates: expiring certificates';
    this.item.command = SHOW_EXPIRING_COMMAND;
  }

  get current(): readonly ExpiringCertificate[] {
    return this.expiring;
  }

  update(): void {
    const { warningDays } = this.expiry();
    this.expiring = findExpiring(this.data, this.now(), warningDays);
    const count = this.expiring.length;
    if (count === 0) {
      this.item.hide();
      return;
    }
    this.item.text = `$(warning) ${count} certificate${count === 1 ? '' : 's'} expire${count === 1 ? 's' : ''} within ${warningDays} days`;
    this.item.tooltip = 'Certificates Cloudflare holds that expire soon. Click to see them.';
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.show();
  }

  hide(): void {
    this.expiring = [];
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
