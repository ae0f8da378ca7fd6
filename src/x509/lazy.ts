import type * as Inspect from './inspect';
import type * as Pkcs12 from './pkcs12';
import { currentTranslations } from './translations';

let loaded: typeof Inspect | undefined;

/**
 * The certificate parser (@peculiar/x509, ~110 ms to load) on first use. In the bundle esbuild turns
 * './inspect' into the separate file dist/x509.js, so activation never pays for it.
 */
export function loadX509(): typeof Inspect {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain require keeps it out of the activation path
    loaded = require('./inspect') as typeof Inspect;
    loaded.useTranslations(currentTranslations());
  }
  return loaded;
}

/** Whether the parser has been loaded yet (benchmarks and a test of the lazy loading read this). */
export function isX509Loaded(): boolean {
  return loaded !== undefined;
}

let pkcs12: typeof Pkcs12 | undefined;

/** The PKCS#12 reader (pkijs), a bundle of its own (dist/pkcs12.js): only opening a .p12 pays for it. */
export function loadPkcs12(): typeof Pkcs12 {
  if (!pkcs12) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain require keeps it out of the activation path
    pkcs12 = require('./pkcs12') as typeof Pkcs12;
    pkcs12.useTranslations(currentTranslations());
  }
  return pkcs12;
}
