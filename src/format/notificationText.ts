/**
 * Notification messages are not Markdown, but VS Code turns `[label](target)` in them into links,
 * `command:` targets included. Text that came from Cloudflare or a certificate (names, error
 * messages) must not become one, so the link syntax is broken with a space: "[x] (command:…)" reads
 * the same and does nothing.
 */
export function inertLinks(message: string): string {
  return message.replace(/\]\s*\(/g, '] (');
}

/** About what a toast shows on one line before it cuts the text off. */
export const TOAST_LENGTH = 90;

/** What a toast says, and what it keeps for a "Details" modal. */
export interface ToastParts {
  /** The first sentence: the toast's whole text. */
  readonly headline: string;
  /** The sentences after it; undefined when the headline says everything. */
  readonly more?: string;
}

/**
 * Splits a message into its first sentence and the rest. A sentence ends at ".", "!" or "?" followed
 * by a space and a capital or a quote, so the dots inside "api.example.com" or "1.2" never split it.
 */
export function toastParts(message: string): ToastParts {
  // The opening quote (U+201C) written as an escape: one non-ASCII character makes the whole bundle a two-byte string, slower to read at activation.
  const end = /[.!?](?=\s+["\u201c'(A-Z])/.exec(message);
  if (!end) {
    return { headline: message };
  }
  const headline = message.slice(0, end.index + 1);
  const more = message.slice(end.index + 1).trim();
  return more ? { headline, more } : { headline };
}
