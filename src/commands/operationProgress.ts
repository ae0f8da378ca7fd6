import * as vscode from 'vscode';
import { CancelledError } from '../cloudflare/errors';
import { StoppedError, type OperationOptions } from '../model/operations/operationContext';
import type { Prompts } from '../ui/prompts';

/**
 * Runs a model operation under a cancellable progress notification: its progress words appear
 * there, and Cancel aborts it.
 */
export function withOperationProgress<T>(
  prompts: Pick<Prompts, 'progress'>,
  title: string,
  operation: (options: Required<OperationOptions>) => Promise<T>,
): Thenable<T> {
  return prompts.progress(title, async (report, signal) => {
    try {
      return await operation({ signal, onProgress: report });
    } catch (error) {
      // Cancel always gets a line: the operation's own account of what is left, or the plain fact.
      if (signal.aborted && error instanceof CancelledError && !(error instanceof StoppedError)) {
        throw new StoppedError(vscode.l10n.t('{0}: stopped. The view shows what Cloudflare holds now.', title));
      }
      throw error;
    }
  });
}
