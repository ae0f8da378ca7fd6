/**
 * Notification messages are not Markdown, but VS Code turns `[label](target)` in them into links,
 * `command:` targets included. Text that came from Cloudflare or a certificate (names, error
 * messages) must not become one, so the link syntax is broken with a space: "[x] (command:…)" reads
 * the same and does nothing.
 */
export function inertLinks(message: string): string {
  return message.replace(/\]\s*\(/g, '] (');
}
