import * as vscode from 'vscode';
import { reorderedChain } from '../x509/documentAnalysis';
import type { PemAnalysisCache } from './pemAnalysisCache';
import { DIAGNOSTIC_SOURCE } from './pemDiagnostics';

/** Quick fixes: remove an EC PARAMETERS block; put the leaf first in a chain. */
export class PemCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly cache: PemAnalysisCache) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const analysis = this.cache.get(document);
    if (!analysis) {
      return actions;
    }
    for (const diagnostic of context.diagnostics.filter((candidate) => candidate.source === DIAGNOSTIC_SOURCE)) {
      if (diagnostic.code === 'ec-parameters') {
        const block = analysis.blocks.find(
          // Deleting part of a base64-encoded value would corrupt it: no fix is offered there.
          (candidate) =>
            candidate.label === 'EC PARAMETERS' &&
            !candidate.encoded &&
            document.positionAt(candidate.start).line === diagnostic.range.start.line,
        );
        if (block) {
          const action = new vscode.CodeAction(vscode.l10n.t('Remove the EC PARAMETERS block'), vscode.CodeActionKind.QuickFix);
          const end = document.positionAt(block.end);
          // Take the line break after the block too, so no blank line is left behind.
          const through = end.line + 1 < document.lineCount ? new vscode.Position(end.line + 1, 0) : end;
          action.edit = new vscode.WorkspaceEdit();
          action.edit.delete(document.uri, new vscode.Range(document.positionAt(block.start), through));
          action.diagnostics = [diagnostic];
          action.isPreferred = true;
          actions.push(action);
        }
      }
      if (diagnostic.code === 'leaf-last') {
        const reordered = reorderedChain(analysis);
        if (reordered) {
          const action = new vscode.CodeAction(vscode.l10n.t('Put the leaf certificate first'), vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(
            document.uri,
            new vscode.Range(document.positionAt(reordered.start), document.positionAt(reordered.end)),
            reordered.text,
          );
          action.diagnostics = [diagnostic];
          actions.push(action);
        }
      }
    }
    return actions;
  }
}
