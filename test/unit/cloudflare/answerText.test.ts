import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import * as fc from 'fast-check';
import { nodeFetch } from '../../../src/auth/nodeFetch';
import { answerText, receiveAnswer } from '../../../src/cloudflare/answerText';
import type { FetchResponse } from '../../../src/cloudflare/fetchLike';
import { collectedMemory } from '../../support/collectedHeap';

/** A response whose body arrives in the given pieces; text() must not be called when there is a body. */
function arriving(pieces: readonly Uint8Array[]): FetchResponse {
  return {
    status: 200,
    headers: { get: () => null },
    body: Readable.from(pieces),
    text: () => Promise.reject(new Error('text() was called although the body can be read as it arrives')),
  };
}

/** Bytes where UTF-8's edge cases are common: multi-byte starts and continuations, surrogates, overlongs, a BOM. */
const bytes = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom(0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0xed, 0xa0, 0xc0, 0xf4, 0x90),
      ),
      {
        maxLength: 48,
      },
    ),
  )
  .map(([bom, values]) => Uint8Array.from(bom ? [0xef, 0xbb, 0xbf, ...values] : values));

function cut(all: Uint8Array, at: readonly number[]): Uint8Array[] {
  const ends = [...new Set(at.map((offset) => offset % (all.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const end of [...ends, all.length]) {
    pieces.push(all.subarray(from, end));
    from = end;
  }
  return pieces;
}

/** The text of a response, received and then decoded, as the transport reads it. */
async function read(response: FetchResponse): Promise<string> {
  return answerText(await receiveAnswer(response));
}

describe('receiveAnswer and answerText: an answer gathered as bytes, then decoded', () => {
  it('equals what text() decodes, for any bytes cut anywhere (a character split between pieces, malformed bytes, a BOM)', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.array(fc.nat(), { maxLength: 6 }), async (all, at) => {
        assert.equal(await read(arriving(cut(all, at))), new TextDecoder().decode(all));
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads a real node-fetch answer sent in several writes as text() does', async () => {
    const text = '\ufeff{"result":[{"hostname":"café.example"},{"issuer":"CN=Zürich € 😀"}]}';
    const encoded = Buffer.from(text, 'utf8');
    const server = http.createServer((_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      // Cut inside the two-byte "é" and the four-byte emoji, so pieces end mid-character.
      const cuts = [encoded.indexOf(0xa9), encoded.indexOf(0x9f) + 1, encoded.length];
      let from = 0;
      for (const end of cuts) {
        response.write(encoded.subarray(from, end));
        from = end;
      }
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const init = { method: 'GET', headers: {}, redirect: 'manual' as const };
      const streamed = await read(await nodeFetch(url, init));
      assert.equal(streamed, await (await nodeFetch(url, init)).text());
      assert.equal(streamed, text.slice(1));
    } finally {
      server.close();
    }
  });

  it('uses text() for a response without a readable body (test doubles, a body already read)', async () => {
    const response: FetchResponse = { status: 200, headers: { get: () => null }, body: null, text: async () => 'whole' };
    assert.equal(await read(response), 'whole');
  });

  it('fails as text() would when the body breaks off', async () => {
    const broken = new Readable({
      read() {
        this.push(Buffer.from('{"result":['));
        this.destroy(new Error('socket hang up'));
      },
    });
    const response: FetchResponse = { status: 200, headers: { get: () => null }, body: broken, text: async () => 'unused' };
    await assert.rejects(read(response), /socket hang up/);
  });

  it('decodes a large answer only in a turn of its own, and a small one at once', async () => {
    const paced: string[] = [];
    let release!: () => void;
    const loop = {
      pace: () => {
        paced.push('asked');
        return new Promise<void>((resolve) => (release = resolve));
      },
    };
    const small = Buffer.from('{"result":[]}');
    assert.equal(await answerText({ pieces: [small], length: small.length }, loop), '{"result":[]}');
    assert.deepEqual(paced, []);
    const large = Buffer.alloc(256 * 1024, 'a');
    let text: string | undefined;
    const decoding = answerText({ pieces: [large.subarray(0, 1000), large.subarray(1000)], length: large.length }, loop).then(
      (decoded) => (text = decoded),
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(paced, ['asked']);
    assert.equal(text, undefined, 'decoded before its turn');
    release();
    await decoding;
    assert.equal(text, large.toString());
  });

  it("keeps a page of ASCII (1.9 MB, as a page of 1,000 custom hostnames) out of V8's heap", async () => {
    const page = Buffer.from(JSON.stringify({ result: Array.from({ length: 1000 }, (_, index) => ({ n: index, pem: 'A'.repeat(1900) })) }));
    const before = collectedMemory();
    const text = await answerText({ pieces: [page], length: page.length });
    const after = collectedMemory();
    assert.equal(text.length, page.length);
    assert.ok(after.heapMb - before.heapMb < 0.5, `the heap grew ${(after.heapMb - before.heapMb).toFixed(2)} MB`);
    assert.ok(
      after.externalMb - before.externalMb > 1.5,
      `memory outside the heap grew ${(after.externalMb - before.externalMb).toFixed(2)} MB`,
    );
  });
});
