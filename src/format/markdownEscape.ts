/**
 * Escapes text from the API or a certificate for Markdown, so a crafted hostname or subject such as
 * "[x](command:...)" or "<img>" renders as the literal text and never as a link, HTML or a command.
 */
const MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+\-.!|<>~&:]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(MARKDOWN_SPECIALS, (char) => `\\${char}`);
}

/** Inline code that cannot be broken out of: backticks in the text get a longer fence. */
export function inlineCode(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
