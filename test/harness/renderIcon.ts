import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './codeServer';
import { launchBrowser } from './workbench';

/**
 * Renders media/icon.svg to the 128×128 media/icon.png the manifest names: the Marketplace and the
 * Extensions view show only raster icons. Run after changing the SVG:
 * `npm run --silent compile-tests && node out/test/harness/renderIcon.js`, and commit both files.
 */
async function main(): Promise<void> {
  const svg = fs.readFileSync(path.join(REPO_ROOT, 'media', 'icon.svg'), 'utf8');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    fs.writeFileSync(path.join(REPO_ROOT, 'media', 'icon.png'), png);
    console.log(`media/icon.png: ${png.length} bytes`);
  } finally {
    await browser.close();
  }
}

void main();
