import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

/**
 * The manifest is translated through package.nls.json and the code through l10n/bundle.l10n.json.
 * A string typed straight into package.json, a %key% without its entry, an entry nobody uses, or a
 * bundle that no longer matches the code would each ship half-translated; these tests name the culprit.
 */
const ROOT = path.join(__dirname, '..', '..', '..');

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Every place in a manifest where VS Code shows text to a person ('*' is any one key or index). */
const CONFIGURATION_FIELDS = [
  'title',
  'properties.*.description',
  'properties.*.markdownDescription',
  'properties.*.enumDescriptions.*',
  'properties.*.markdownEnumDescriptions.*',
  'properties.*.deprecationMessage',
  'properties.*.markdownDeprecationMessage',
];
const USER_VISIBLE = [
  'displayName',
  'description',
  'capabilities.*.description',
  'contributes.viewsContainers.*.*.title',
  'contributes.views.*.*.name',
  'contributes.views.*.*.contextualTitle',
  'contributes.viewsWelcome.*.contents',
  'contributes.commands.*.title',
  'contributes.commands.*.shortTitle',
  'contributes.commands.*.category',
  'contributes.submenus.*.label',
  // The configuration is an object or a list of them.
  ...CONFIGURATION_FIELDS.flatMap((field) => [`contributes.configuration.${field}`, `contributes.configuration.*.${field}`]),
  'contributes.walkthroughs.*.title',
  'contributes.walkthroughs.*.description',
  'contributes.walkthroughs.*.steps.*.title',
  'contributes.walkthroughs.*.steps.*.description',
  'contributes.walkthroughs.*.steps.*.media.altText',
  'contributes.languageModelTools.*.displayName',
  'contributes.languageModelTools.*.userDescription',
].map((pattern) => pattern.split('.'));

const PLACEHOLDER = /^%([^%\s]+)%$/;

/** Every string in the manifest with its path ("contributes.commands.3.title"). */
function stringsOf(value: Json, at: string[] = []): { path: string[]; text: string }[] {
  if (typeof value === 'string') {
    return [{ path: at, text: value }];
  }
  if (value === null || typeof value !== 'object') {
    return [];
  }
  const entries: [string, Json][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  return entries.flatMap(([key, child]) => stringsOf(child, [...at, key]));
}

function matches(pattern: readonly string[], at: readonly string[]): boolean {
  return pattern.length === at.length && pattern.every((segment, index) => segment === '*' || segment === at[index]);
}

/** Problems, each naming the path and the string, of a manifest against its package.nls.json. */
function localizationProblems(manifest: Json, nls: Record<string, unknown>): string[] {
  const strings = stringsOf(manifest);
  const problems: string[] = [];
  const used = new Set<string>();
  for (const { path: at, text } of strings) {
    const key = PLACEHOLDER.exec(text)?.[1];
    if (key !== undefined) {
      used.add(key);
      if (typeof nls[key] !== 'string' || nls[key] === '') {
        problems.push(`${at.join('.')} uses %${key}%, which package.nls.json does not define`);
      }
    } else if (USER_VISIBLE.some((pattern) => matches(pattern, at))) {
      problems.push(`${at.join('.')} is shown to people but not localized: ${JSON.stringify(text)} (use a %key% from package.nls.json)`);
    }
  }
  for (const key of Object.keys(nls)) {
    if (!used.has(key)) {
      problems.push(`package.nls.json defines "${key}", which package.json never uses`);
    }
  }
  return problems;
}

/** Keys in the bundle the code no longer uses, and keys the code uses that the bundle lacks. */
function bundleProblems(bundle: Record<string, unknown>, fromCode: Record<string, unknown>): string[] {
  return [
    ...Object.keys(bundle)
      .filter((key) => !(key in fromCode))
      .map((key) => `l10n/bundle.l10n.json has ${JSON.stringify(key)}, which no vscode.l10n.t call in src/ uses (run npm run l10n)`),
    ...Object.keys(fromCode)
      .filter((key) => !(key in bundle))
      .map((key) => `src/ translates ${JSON.stringify(key)}, which l10n/bundle.l10n.json lacks (run npm run l10n)`),
  ];
}

function readJson(file: string): Json {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Json;
}

describe('manifest localization', () => {
  const manifest = readJson('package.json') as { [key: string]: Json };

  it('takes every user-visible string of package.json from package.nls.json, and package.nls.json holds nothing unused', () => {
    const problems = localizationProblems(manifest, readJson('package.nls.json') as Record<string, unknown>);
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  it('finds the strings a person sees: titles, welcome views, settings, the walkthrough', () => {
    // Guards the guard: a rule list that matched nothing would let every string through.
    const visible = stringsOf(manifest).filter(({ path: at }) => USER_VISIBLE.some((pattern) => matches(pattern, at)));
    for (const part of ['commands', 'viewsWelcome', 'configuration', 'walkthroughs', 'views']) {
      assert.ok(
        visible.some(({ path: at }) => at[1] === part),
        `no user-visible string found under contributes.${part}`,
      );
    }
  });

  it('reports a string typed into the manifest, a %key% without an entry, and an unused entry, by name', () => {
    const problems = localizationProblems(
      { contributes: { commands: [{ command: 'x.y', title: 'Refresh', category: '%cat%' }] } },
      { unused: 'Nobody' },
    );
    assert.deepEqual(problems, [
      'contributes.commands.0.title is shown to people but not localized: "Refresh" (use a %key% from package.nls.json)',
      'contributes.commands.0.category uses %cat%, which package.nls.json does not define',
      'package.nls.json defines "unused", which package.json never uses',
    ]);
  });

  it('points "l10n" at a bundle holding exactly the strings the code translates', async function () {
    // @vscode/l10n-dev parses all of src/ (about 180 files): 15 s alone here, over mocha's 20 s on a loaded
    // machine or under the shifted clocks of test:clocks.
    this.timeout(120_000);
    assert.equal(manifest.l10n, './l10n');
    const sources = fs
      .readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => ({ extension: '.ts', contents: fs.readFileSync(path.join(ROOT, 'src', name), 'utf8') }));
    const fromCode = await getL10nJson(sources);
    const problems = bundleProblems(readJson('l10n/bundle.l10n.json') as Record<string, unknown>, fromCode);
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  it('reports a bundle key the code does not use, and one the code uses that the bundle lacks', () => {
    assert.deepEqual(bundleProblems({ 'Old words': 'Old words' }, { 'New words {0}': 'New words {0}' }), [
      'l10n/bundle.l10n.json has "Old words", which no vscode.l10n.t call in src/ uses (run npm run l10n)',
      'src/ translates "New words {0}", which l10n/bundle.l10n.json lacks (run npm run l10n)',
    ]);
  });
});
