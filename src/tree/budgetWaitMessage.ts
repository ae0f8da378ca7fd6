import * as vscode from 'vscode';
import type { RequestLimiter } from '../cloudflare/requestLimiter';
import type { Logger } from '../logging/logger';
import type { TreeNode } from './treeNode';

/**
 * While the limiter holds requests back to stay under Cloudflare's rate limit, the view says so and
 * when it resumes: otherwise a pause of minutes looks like a hang.
 */
export function showBudgetWaits(limiter: RequestLimiter, treeView: vscode.TreeView<TreeNode>, log: Logger): { dispose(): void } {
  let showing = false;
  return limiter.onBudgetWait((resumeInMs) => {
    if (resumeInMs === undefined) {
      if (showing) {
        showing = false;
        treeView.message = undefined;
        log.info('Request budget available again; resuming.');
      }
      return;
    }
    const seconds = Math.max(1, Math.ceil(resumeInMs / 1000));
    showing = true;
    treeView.message = vscode.l10n.t(
      "Paused to stay under Cloudflare's rate limit (1,200 requests per 5 minutes); resuming in about {0} s.",
      seconds,
    );
    log.info(`Request budget spent; next request in ${seconds} s.`);
  });
}
