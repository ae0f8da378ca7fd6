import * as assert from 'node:assert/strict';
import { startEmulatorSession, type EmulatorSession } from './support/emulatorSession';
import { rows, type Row } from './support/treeItems';

/** Every row under `parent`, depth first, as the view renders them (expanding everything that has children). */
async function walk(session: EmulatorSession, parent?: Row, depth = 0): Promise<Row[]> {
  const children = await rows(session.api, parent?.node);
  const below = depth < 5 ? await Promise.all(children.map((row) => walk(session, row, depth + 1))) : [];
  return children.flatMap((row, index) => [row, ...(below[index] ?? [])]);
}

describe('Accessible names of the Certificates rows', function () {
  let session: EmulatorSession;

  before(async () => {
    session = await startEmulatorSession();
  });

  after(async () => {
    await session?.stop();
  });

  it('gives every row a name that starts with its label and says its expiry and status in words', async () => {
    const all = await walk(session);
    assert.ok(all.length > 20, `only ${all.length} rows`);
    for (const row of all) {
      const spoken = row.item.accessibilityInformation?.label ?? '';
      assert.ok(spoken.startsWith(row.label), `"${row.label}" is read as "${spoken}"`);
      // Whatever the row says about expiry by words and colour, the screen reader hears too.
      const expiry = /expire[sd] [^·]+/.exec(row.description)?.[0].trim();
      if (expiry) {
        assert.ok(spoken.includes(expiry), `"${spoken}" lacks "${expiry}"`);
        // The default windows (30 and 7 days) that otherwise only the icon's colour tells apart.
        const days = expiry.startsWith('expired')
          ? undefined
          : expiry === 'expires today'
            ? 0
            : expiry === 'expires tomorrow'
              ? 1
              : Number(/\d+/.exec(expiry)?.[0]);
        const urgency = days === undefined || days > 30 ? '' : days <= 7 ? ', critical' : ', warning';
        assert.ok(
          spoken.includes(`${expiry}${urgency}`) && (urgency !== '' || !/, (warning|critical)/.test(spoken)),
          `"${spoken}" for "${expiry}"`,
        );
      }
    }
    const certificates = all.filter((row) => row.contextValue?.startsWith('aopCertificate'));
    assert.ok(certificates.length > 0);
    for (const row of certificates) {
      assert.match(row.item.accessibilityInformation!.label, /, client certificate, [a-z ]+(, |$)/);
    }
  });
});
