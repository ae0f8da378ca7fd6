import * as vscode from 'vscode';
import type { StatusAppearance } from '../format/statusAppearance';
import type { ExpiryBand } from '../x509/certificateSummary';

export function iconFor(appearance: StatusAppearance): vscode.ThemeIcon {
  return new vscode.ThemeIcon(appearance.icon, appearance.color ? new vscode.ThemeColor(appearance.color) : undefined);
}

/** Expiry outranks status: an active certificate that expires in 3 days is shown as an error. */
export function expiryIcon(band: ExpiryBand, otherwise: vscode.ThemeIcon): vscode.ThemeIcon {
  switch (band) {
    case 'expired':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    case 'critical':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'));
    case 'warning':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    default:
      return otherwise;
  }
}
