import * as l10n from '@vscode/l10n';

type Bundle = l10n.l10nJsonFormat;

let current: Bundle | undefined;

/**
 * Gives `@vscode/l10n` the display language's bundle. esbuild builds the certificate parser and the
 * PKCS#12 reader as bundles of their own (dist/x509.js, dist/pkcs12.js), each with its own copy of
 * `@vscode/l10n`: the main bundle keeps the bundle here so lazy.ts can hand it to each on loading.
 */
export function useTranslations(contents: Bundle | undefined): void {
  current = contents;
  if (contents) {
    l10n.config({ contents });
  }
}

/** The bundle the main bundle was given, for a lazily loaded bundle's own copy of `@vscode/l10n`. */
export function currentTranslations(): Bundle | undefined {
  return current;
}
