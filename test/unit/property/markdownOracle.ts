import * as assert from 'node:assert/strict';

/**
 * A real CommonMark renderer as the oracle for escaping: markdown-it (a dev dependency, declared so
 * the oracle does not hang on @vscode/vsce happening to bring it) with raw HTML and linkify on, so it recognises more
 * than VS Code's GFM renderer does (GFM autolinks are a subset of linkify's). A property that holds
 * here holds for what the hovers and tooltips show.
 */
interface Token {
  readonly type: string;
  readonly content: string;
  readonly children: readonly Token[] | null;
}

interface MarkdownIt {
  parse(source: string, env: object): Token[];
  parseInline(source: string, env: object): Token[];
  render(source: string): string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- markdown-it ships no types, and only this oracle needs it
const markdownIt = require('markdown-it') as (options: { html: boolean; linkify: boolean }) => MarkdownIt;
const md = markdownIt({ html: true, linkify: true });

/** Anything that would let rendered text do something: links of every kind, images, raw HTML. */
const LIVE = new Set(['link_open', 'image', 'html_inline', 'html_block']);

/** What plain Markdown structure renders to (code blocks, lists, tables …): inert, whatever it holds. */
const STRUCTURE = new Set([
  'p',
  'strong',
  'em',
  'code',
  'pre',
  'br',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'hr',
  's',
]);

function flatten(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((token) => [token, ...flatten(token.children ?? [])]);
}

/** Fails when the Markdown renders a link, an autolink, an image or HTML, or an <a>/<img> tag. */
export function assertInert(markdown: string): void {
  const live = flatten(md.parse(markdown, {})).filter((token) => LIVE.has(token.type));
  assert.deepEqual(
    live.map((token) => token.type),
    [],
    `live Markdown in ${JSON.stringify(markdown)}`,
  );
  const tags = [...md.render(markdown).matchAll(/<\/?([A-Za-z][A-Za-z0-9]*)/g)].map((match) => match[1]);
  assert.deepEqual(
    tags.filter((tag) => !STRUCTURE.has(tag)),
    [],
    'only tags Markdown structure renders to',
  );
}

/** The inline tokens of a single line, joined text_special and text included. */
export function inlineTokens(markdown: string): Token[] {
  return flatten(md.parseInline(markdown, {})).filter((token) => token.type !== 'inline');
}

/** What markdown-it's normalize step does to any input: NUL becomes U+FFFD. */
export function normalised(text: string): string {
  return text.replace(/\0/g, '\ufffd');
}
