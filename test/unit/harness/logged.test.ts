import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runLogged, tailOf } from '../../harness/logged';

/** Collects what runLogged writes to the console, as a terminal or as a CI log. */
function console(isTTY: boolean) {
  const lines: string[] = [];
  return { lines, out: { isTTY, write: (text: string) => lines.push(text) > 0 } };
}

/** Gone, or a zombie waiting for a container's init to reap it. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('logged (installers quiet on the console, loud in their log)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logged-test-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("puts the command's output in the log and only a progress line on the console", async () => {
    const log = path.join(dir, 'install.log');
    const { lines, out } = console(false);
    const code = await runLogged('sh', ['-c', 'echo noisy; echo more >&2; sleep 0.3'], { logFile: log, label: 'thing', out, everyMs: 100 });
    assert.equal(code, 0);
    assert.equal(fs.readFileSync(log, 'utf8'), 'noisy\nmore\n');
    assert.ok(
      lines.some((line) => /^ {2}thing: still running after \d+ s\n$/.test(line)),
      lines.join(''),
    );
    assert.match(lines.at(-1)!, /^ {2}thing: done after \d+ s\n$/);
  });

  it('on a terminal rewrites one line in place and reports a failure with its exit code', async () => {
    const { lines, out } = console(true);
    const code = await runLogged('sh', ['-c', 'exit 3'], { logFile: path.join(dir, 'l'), label: 'thing', out });
    assert.equal(code, 3);
    assert.match(lines.join(''), /^\r {2}thing: failed \(3\) after \d+ s\n$/);
  });

  it('stops the whole process group when aborted', async () => {
    const controller = new AbortController();
    const pidFile = path.join(dir, 'pid');
    const run = runLogged('sh', ['-c', `sleep 30 & echo $! > ${pidFile}; wait`], {
      logFile: path.join(dir, 'l'),
      label: 'x',
      out: console(false).out,
      signal: controller.signal,
    });
    while (!fs.existsSync(pidFile) || fs.readFileSync(pidFile, 'utf8').trim() === '') {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    controller.abort();
    assert.notEqual(await run, 0);
    const grandchild = Number(fs.readFileSync(pidFile, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(!alive(grandchild), `the sleep (${grandchild}) its shell started is still running`);
  });

  it('tails a log, and says nothing for a log that is not there', () => {
    fs.writeFileSync(path.join(dir, 't'), 'a\nb\nc\n');
    assert.equal(tailOf(path.join(dir, 't'), 2), 'b\nc');
    assert.equal(tailOf(path.join(dir, 'missing'), 2), '');
  });
});
