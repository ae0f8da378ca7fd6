import * as vscode from 'vscode';
import type { ScanNotice } from '../model/scanNotice';

/**
 * "counted 300,000 of 500,000 custom hostnames; continuing" while a scan waits for the rate budget,
 * so what has loaded is never taken for all there is; hidden once every zone has loaded whole.
 */
export class ScanStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cloudflareCertificates.scan', vscode.StatusBarAlignment.Left, 49);
  private readonly subscription: { dispose(): void };

  constructor(private readonly notice: ScanNotice) {
    this.item.name = vscode.l10n.t('Cloudflare Certificates: scan progress');
    this.subscription = notice.onDidChange(() => this.update());
    this.update();
  }

  /** What the item says, or undefined while it is hidden. */
  get text(): string | undefined {
    return this.notice.state?.text;
  }

  private update(): void {
    const state = this.notice.state;
    if (!state) {
      this.item.hide();
      return;
    }
    this.item.text = `$(sync~spin) ${state.text}`;
    this.item.tooltip = [
      vscode.l10n.t("The scan of your custom hostnames waits to stay under Cloudflare's rate limit (1,200 requests per 5 minutes)."),
      state.resumeInMs === undefined
        ? vscode.l10n.t('It is loading again now.')
        : vscode.l10n.t('It resumes in about {0} s.', Math.max(1, Math.ceil(state.resumeInMs / 1000))),
      vscode.l10n.t('Counts and expiring certificates cover what has loaded so far.'),
    ].join(' ');
    this.item.accessibilityInformation = { label: vscode.l10n.t('Cloudflare Certificates: {0}', state.text), role: 'status' };
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
