import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandId } from '../../src/commandIds';

describe('CommandId: the one table of command ids', () => {
  it('holds exactly the commands package.json declares', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string }[] };
    };
    const declared = manifest.contributes.commands.map((command) => command.command).sort();
    assert.deepEqual(Object.values(CommandId).sort(), declared);
  });
});
