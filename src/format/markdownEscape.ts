/**
 * Escapes text from the API or a certificate for Markdown, so a crafted hostname or subject such as
 * "[x](command:...)" or "<img>" renders as the literal text and never as a link, HTML or a command.
 * Besides the specials, the first slash of "//" unless it follows ":" (whose escape already breaks
 * a URL): linkify-style renderers such as markdown-it turn a bare "//localhost" into a link.
 */
const SPECIAL_OR_DOUBLE_SLASH = /[\\`*_{}[\]()#+\-.!|<>~&:]|(?<!:)\/(?=\/)/g;

export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(SPECIAL_OR_DOUBLE_SLASH, (char) => `\\${char}`);
}

/** Inline code that cannot be broken out of: backticks in the text get a longer fence. */
export function inlineCode(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // CommonMark strips one space from each end of a code span that starts and ends with one: a pad
  // keeps the backticks of the fence apart and gives back the spaces that would be stripped.
  const spaced = flat.startsWith(' ') && flat.endsWith(' ') && /[^ ]/.test(flat);
  const pad = flat.startsWith('`') || flat.endsWith('`') || spaced ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
