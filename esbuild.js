// Builds the extension bundle (dist/extension.js) and, as separate files, the certificate parser
// (dist/x509.js), the PKCS#12 reader (dist/pkcs12.js) and node-fetch (dist/fetch.js), so that
// @peculiar/x509, pkijs and node-fetch are loaded on first use rather than at activation.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * Modules required at run time, on first use, as sibling bundles: src/x509/lazy.ts requires './inspect'
 * and './pkcs12' (dist/x509.js, dist/pkcs12.js), src/auth/clientFactory.ts requires './nodeFetch'
 * (dist/fetch.js) on the first request.
 */
const LAZY_BUNDLES = {
  'lazy.ts': { './inspect': './x509.js', './pkcs12': './pkcs12.js' },
  'clientFactory.ts': { './nodeFetch': './fetch.js' },
};
const lazyBundlesPlugin = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\/(inspect|pkcs12|nodeFetch)$/ }, (args) => {
      const target = LAZY_BUNDLES[path.basename(args.importer)]?.[args.path];
      return target ? { path: target, external: true } : undefined;
    });
  },
};

/** The names the `vscode` module exports: its top-level declarations in @types/vscode (the bench's stub has them too). */
function vscodeApiNames() {
  const types = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  return [...types.matchAll(/^\texport (?:namespace|class|enum|function|const|let) (\w+)/gm)].map((match) => match[1]);
}

/**
 * A plugin that routes every import of `moduleId` through one module naming its exports, so esbuild
 * binds `x.name` straight to it instead of copying the module's exports into getters (its __toESM) at
 * each import site when the bundle loads. `external`: the one module requires the real one at run time.
 */
function bindOnce(name, moduleId, exportNames, { external }) {
  const filter = new RegExp(`^${moduleId.replace(/[/]/g, '\\/')}$`);
  return {
    name,
    setup(build) {
      build.onResolve({ filter }, (args) =>
        args.namespace === name ? (external ? { path: moduleId, external: true } : undefined) : { path: moduleId, namespace: name },
      );
      build.onLoad({ filter: /.*/, namespace: name }, () => {
        const exports = exportNames().map((exported) => `export const ${exported} = api.${exported};`);
        return { contents: [`const api = require('${moduleId}');`, ...exports].join('\n'), loader: 'js', resolveDir: __dirname };
      });
    },
  };
}

/**
 * `import * as vscode from 'vscode'` in each of ~40 modules would otherwise become ~90 copies of the
 * whole API object (esbuild's __toESM per import site, some 400 getters each): about 12 ms of
 * activation in the extension host. Every import goes through one module instead, which names each
 * export of the API (as @types/vscode declares them): esbuild then binds `vscode.window` straight to
 * that module's `window`, and loading it reads some 200 properties rather than copying the API
 * object into getters (`export * from 'vscode'`, about 1 ms of the host's require()).
 */
const vscodeOncePlugin = bindOnce('vscode-once', 'vscode', vscodeApiNames, { external: true });

/**
 * `import * as l10n from '@vscode/l10n'` in each of ~45 modules would otherwise become as many
 * copies of that CommonJS module's exports when the bundle loads. As with vscode-once, every import
 * goes through one module that names its two exports, and esbuild binds `l10n.t` straight to it.
 */
const l10nOncePlugin = bindOnce('l10n-once', '@vscode/l10n', () => ['t', 'config'], { external: false });

/**
 * @vscode/l10n requires 'fs/promises' when it loads, only to read a translation bundle from a file,
 * which the extension never asks it to do (it hands over the bundle's contents). In a process that
 * has not loaded Node's promise-based fs yet, that require costs 2–3 ms of activation; this shim
 * defers it to a call that never comes. (VS Code's extension host has loaded it before us.)
 */
const l10nFsOnUsePlugin = {
  name: 'l10n-fs-on-use',
  setup(build) {
    build.onResolve({ filter: /^fs\/promises$/ }, (args) =>
      /[\\/]@vscode[\\/]l10n[\\/]/.test(args.importer) ? { path: 'fs/promises', namespace: 'l10n-fs-on-use' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'l10n-fs-on-use' }, () => ({
      contents: "exports.readFile = (...args) => require('fs/promises').readFile(...args);",
      loader: 'js',
    }));
  },
};

/**
 * Loading dist/extension.js, Node looks up the nearest package.json to learn the module type; without
 * one in dist/ that is the extension's 35 KB manifest, parsed whole because it has a "main" field:
 * about 0.5 ms of the host's require(). A package.json of one field beside the bundles ends the search there.
 */
const packageScopePlugin = {
  name: 'package-scope',
  setup(build) {
    build.onEnd(() => {
      const outdir = path.resolve(build.initialOptions.absWorkingDir ?? __dirname, build.initialOptions.outdir);
      fs.mkdirSync(outdir, { recursive: true });
      fs.writeFileSync(path.join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
    });
  },
};

/** Prints errors in the form VS Code's problem matchers understand. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) {
        console.log('[watch] build started');
      }
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      if (watch) {
        console.log('[watch] build finished');
      }
    });
  },
};

/**
 * The options of the build: this script's, and those of the unit tests that build parts of it in
 * memory (test/unit/activationCost.test.ts, test/unit/codeCacheLoader.test.ts). The bundle itself is
 * built apart (bundleOptions).
 */
function buildOptions({ production, outdir }) {
  return {
    absWorkingDir: __dirname,
    entryPoints: {
      extension: 'src/main.ts',
      x509: 'src/x509/inspect.ts',
      pkcs12: 'src/x509/pkcs12.ts',
      fetch: 'src/auth/nodeFetch.ts',
    },
    bundle: true,
    format: 'cjs',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    platform: 'node',
    target: 'node20',
    outdir,
    external: ['vscode'],
    logLevel: 'silent',
    metafile: true,
    plugins: [vscodeOncePlugin, l10nOncePlugin, lazyBundlesPlugin, l10nFsOnUsePlugin, packageScopePlugin, problemMatcherPlugin],
  };
}

/**
 * The bundle (dist/bundle.js, src/extension.ts and what it imports) as the loader reads it: the body
 * of a CommonJS module written inside its function, as Node's require() would wrap it. The loader
 * (src/codeCacheLoader.ts) compiles the file's text as it is: wrapping it there made V8 copy all
 * 200 KB into one string first, about half a millisecond of every activation.
 */
function bundleOptions({ production, outdir }) {
  return {
    ...buildOptions({ production, outdir }),
    entryPoints: { bundle: 'src/extension.ts' },
    banner: { js: BUNDLE_HEAD },
    footer: { js: '})' },
  };
}

/** The wrapper's head; the loader calls the function with these five, as Node would. */
const BUNDLE_HEAD = '(function (exports, require, module, __filename, __dirname) {';

async function main() {
  const contexts = await Promise.all(
    [buildOptions, bundleOptions].map((options) => esbuild.context(options({ production, outdir: 'dist' }))),
  );
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
  if (results.some((result) => result.errors.length > 0)) {
    process.exit(1);
  }
}

module.exports = { buildOptions, bundleOptions, vscodeApiNames };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
