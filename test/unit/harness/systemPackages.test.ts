import * as assert from 'node:assert/strict';
import { ensureSystemPackages, missingPackagesMessage, MissingSystemPackages, type SystemProbe } from '../../harness/systemPackages';
import { schemaMessage } from '../../harness/preflight';

/** A machine described by hand: which packages dpkg knows, who we are, what apt-get would do. */
function machine(installed: string[], options: { root?: boolean; apt?: boolean; installs?: boolean } = {}) {
  const have = new Set(installed);
  const asked: string[][] = [];
  const probe: SystemProbe = {
    isInstalled: (pkg) => have.has(pkg),
    isRoot: () => options.root ?? false,
    canApt: () => options.apt ?? true,
    install: async (packages) => {
      asked.push([...packages]);
      if (options.installs ?? true) {
        packages.forEach((pkg) => have.add(pkg));
        return 0;
      }
      return 100;
    },
  };
  return { probe, asked };
}

const ALL = ['chromium', 'libkrb5-dev', 'ripgrep'];

describe('systemPackages (the check before code-server or Chromium)', () => {
  it('says in one line which packages are missing and the exact command, with sudo for a user', () => {
    const message = missingPackagesMessage(['chromium', 'ripgrep'], false);
    assert.equal(message, 'Missing Debian packages: chromium, ripgrep. Install with: sudo apt-get install -y chromium ripgrep');
    assert.ok(!message.includes('\n'));
    assert.equal(
      missingPackagesMessage(['libkrb5-dev'], true),
      'Missing Debian package: libkrb5-dev. Install with: apt-get install -y libkrb5-dev',
    );
  });

  it('passes quietly when everything is there, and asks apt-get for nothing', async () => {
    const { probe, asked } = machine(ALL, { root: true });
    const said: string[] = [];
    await ensureSystemPackages(ALL, { probe, say: (line) => said.push(line) });
    assert.deepEqual([asked, said], [[], []]);
  });

  it('as a user, throws the one line naming only what is missing and installs nothing', async () => {
    const { probe, asked } = machine(['libkrb5-dev']);
    await assert.rejects(ensureSystemPackages(ALL, { probe }), (error: unknown) => {
      assert.ok(error instanceof MissingSystemPackages);
      assert.deepEqual(error.missing, ['chromium', 'ripgrep']);
      assert.equal(error.message, 'Missing Debian packages: chromium, ripgrep. Install with: sudo apt-get install -y chromium ripgrep');
      return true;
    });
    assert.deepEqual(asked, []);
  });

  it('as root, installs just the missing packages with one line saying where the log is', async () => {
    const { probe, asked } = machine(['chromium'], { root: true });
    const said: string[] = [];
    await ensureSystemPackages(ALL, { probe, logFile: '/nowhere/apt.log', say: (line) => said.push(line) });
    assert.deepEqual(asked, [['libkrb5-dev', 'ripgrep']]);
    assert.deepEqual(said, ["Installing Debian packages libkrb5-dev ripgrep (running as root; apt-get's output goes to /nowhere/apt.log)"]);
  });

  it('as root, when apt-get fails, still ends with the command to run', async () => {
    const { probe } = machine([], { root: true, installs: false });
    await assert.rejects(
      ensureSystemPackages(['ripgrep'], { probe, logFile: '/nowhere/apt.log', say: () => undefined }),
      /^MissingSystemPackages: Missing Debian package: ripgrep\. Install with: apt-get install -y ripgrep \(apt-get exited 100\)$/,
    );
  });

  it('as root without apt-get, reports instead of trying', async () => {
    const { probe, asked } = machine([], { root: true, apt: false });
    await assert.rejects(ensureSystemPackages(['chromium'], { probe }), MissingSystemPackages);
    assert.deepEqual(asked, []);
  });

  it('stays silent where dpkg cannot tell (not a Debian machine)', async () => {
    const probe: SystemProbe = { ...machine([]).probe, isInstalled: () => undefined };
    await ensureSystemPackages(ALL, { probe });
  });
});

describe('preflight (the schema beside the repository)', () => {
  it('says where the schema was looked for, and nothing when it is there', () => {
    assert.match(
      schemaMessage('/nowhere/shared/cloudflare-api/openapi.json') ?? '',
      /^Cloudflare's API schema is not at \/nowhere\/shared\/cloudflare-api\/openapi\.json: .*next to that shared\/ folder\.$/,
    );
    assert.equal(schemaMessage(__filename), undefined);
  });
});
