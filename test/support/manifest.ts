import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository's root, from out/test/support. */
export const ROOT = path.join(__dirname, '..', '..', '..');

/** One entry of contributes.menus in package.json. */
export interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

/** The parts of package.json the manifest tests read. */
export const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { menus: Record<string, MenuEntry[]>; commands: { command: string; title: string }[] };
};
