import * as vscode from 'vscode';
import { CancelledError } from '../cloudflare/errors';
import { describeError } from '../format/describeError';
import { StoppedError } from '../model/operations/operationContext';
import type { ExtensionServices } from '../extensionServices';

/**
 * Wraps a command handler: a failure becomes one error notification in words (and a log line), a
 * cancellation is silent, and nothing escapes as an unhandled rejection.
 */
export function runCommand<A extends unknown[]>(
  services: Pick<ExtensionServices, 'log' | 'prompts'>,
  id: string,
  handler: (...args: A) => unknown,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await handler(...args);
    } catch (error) {
      if (error instanceof StoppedError) {
        // The person cancelled a change: one line of what happened and what is left.
        void services.prompts.info(error.message);
        return;
      }
      if (error instanceof CancelledError || error instanceof vscode.CancellationError) {
        return;
      }
      const words = describeError(error);
      services.log.error(`${id} failed: ${words}`);
      void services.prompts.error(words);
    }
  };
}
