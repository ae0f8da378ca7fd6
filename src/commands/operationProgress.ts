import * as vscode from 'vscode';
import { CancelledError } from '../cloudflare/errors';
import { StoppedError, type OperationOptions } from '../model/operations/operationContext';

/**
 * Runs a model operation under a cancellable notification: its progress words appear there, and
 * Cancel aborts it. The cancellation listener is disposed when the operation ends, so none pile up.
 */
export function withOperationProgress<T>(title: string, operation: (options: Required<OperationOptions>) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, cancellation) => {
      const controller = new AbortController();
      const listener = cancellation.onCancellationRequested(() => controller.abort());
      try {
        return await operation({ signal: controller.signal, onProgress: (message) => progress.report({ message }) });
      } catch (error) {
        // Cancel always gets a line: the operation's own account of what is left, or the plain fact.
        if (controller.signal.aborted && error instanceof CancelledError && !(error instanceof StoppedError)) {
          throw new StoppedError(vscode.l10n.t('{0}: stopped. The view shows what Cloudflare holds now.', title));
        }
        throw error;
      } finally {
        listener.dispose();
      }
    },
  );
}
