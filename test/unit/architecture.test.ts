import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The layering the codebase promises, checked on the sources: a rule broken here is a dependency
 * that makes the vscode-free layers untestable in plain Node, or a command doing the model's job.
 */
const SRC = path.join(__dirname, '..', '..', '..', 'src');

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(SRC, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(folder, name));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(SRC, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1]);
}

/** The src/ folder an import lands in ('vscode' for the VS Code API). */
function targetFolder(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) {
    return specifier;
  }
  const resolved = path.relative(SRC, path.join(SRC, path.dirname(file), specifier));
  return resolved.split(path.sep)[0];
}

function violations(folders: readonly string[], forbidden: readonly string[]): string[] {
  return folders.flatMap((folder) =>
    sourceFiles(folder).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => forbidden.includes(targetFolder(file, specifier)))
        .map((specifier) => `${file} imports ${specifier}`),
    ),
  );
}

describe('Architecture', () => {
  it('keeps src/cloudflare, src/x509 and src/model free of vscode', () => {
    assert.deepEqual(violations(['cloudflare', 'x509', 'model'], ['vscode']), []);
  });

  it('keeps src/model out of the UI layers and the vscode-bound settings and token store', () => {
    // These folders import vscode themselves, so reaching them would make the model vscode-bound too.
    assert.deepEqual(
      violations(['model'], ['tree', 'commands', 'editor', 'statusBar', 'ui', 'config', 'auth', 'logging', 'extension.ts']),
      [],
    );
  });

  it('never lets src/editor or src/tree import from src/commands, nor src/editor from src/tree', () => {
    assert.deepEqual([...violations(['editor', 'tree'], ['commands']), ...violations(['editor'], ['tree'])], []);
  });

  it('leaves refreshing and cache invalidation to the model: no command refreshes the tree or forgets data by hand', () => {
    const found = sourceFiles('commands').flatMap((file) => {
      const text = fs.readFileSync(path.join(SRC, file), 'utf8');
      return [/\.refresh\(/, /\.reload(All)?\(/, /\.invalidate\(/, /\bdata\.set[A-Z]\w*\(/, /replaceCustomHostname\(/]
        .filter((pattern) => pattern.test(text))
        .map((pattern) => `${file} matches ${pattern}`);
    });
    assert.deepEqual(found, []);
  });

  it('builds tree ids in one module', () => {
    const found = [...sourceFiles('tree'), ...sourceFiles('model'), ...sourceFiles('commands')]
      .filter((file) => !file.endsWith('nodeIds.ts'))
      .filter((file) => /`zone\/\$\{/.test(fs.readFileSync(path.join(SRC, file), 'utf8')));
    assert.deepEqual(found, []);
  });
});

/**
 * The value imports of a source file (type-only imports vanish from the bundle), static and `import()`
 * alike (esbuild inlines both), resolved to src/ paths or package names.
 */
function valueImportsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(SRC, file), 'utf8');
  const specifiers = [
    ...text.matchAll(/^(?:import|export)\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/(?<!typeof\s+)\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]);
  return specifiers.map((specifier) => {
    if (!specifier.startsWith('.')) {
      return specifier;
    }
    const base = path.relative(SRC, path.join(SRC, path.dirname(file), specifier));
    return fs.existsSync(path.join(SRC, `${base}.ts`)) ? `${base}.ts` : path.join(base, 'index.ts');
  });
}

describe('Activation bundle', () => {
  it('reaches neither the parsers, node-fetch nor node:crypto from src/extension.ts: they load on first use (src/x509/lazy.ts, src/auth/clientFactory.ts, src/x509/nodeCrypto.ts)', () => {
    // node:crypto is Node's own, but loading it (and the streams it pulls in) costs 4–6 ms.
    const parsers = ['@peculiar/x509', 'pkijs', 'asn1js', 'node-fetch', 'node:crypto', 'crypto'];
    const seen = new Set<string>();
    const pending: { file: string; via: string[] }[] = [{ file: 'extension.ts', via: [] }];
    const reached: string[] = [];
    while (pending.length > 0) {
      const { file, via } = pending.pop()!;
      if (seen.has(file)) {
        continue;
      }
      seen.add(file);
      for (const target of valueImportsOf(file)) {
        if (parsers.includes(target)) {
          reached.push([...via, file, target].join(' → '));
        } else if (target.endsWith('.ts')) {
          pending.push({ file: target, via: [...via, file] });
        }
      }
    }
    assert.ok(seen.size > 50, `the walk follows the imports (${seen.size} files)`);
    assert.deepEqual(reached, []);
  });
});
