import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { PartialResultError, ServerError } from '../../../src/cloudflare/errors';
import { fetchAllPages, type PaginationOptions } from '../../../src/cloudflare/pagination';
import type { Page, ResultInfo } from '../../../src/cloudflare/types';

interface Item {
  readonly id: string;
  /** Which page and slot served it, so the first copy of a repeated id can be told apart. */
  readonly from: string;
}

/** A count as a lying result_info writes it: missing, negative, zero, huge, fractional, not a number. */
const lyingCount = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: -5, max: 60 }),
  fc.constantFrom(0, -1, 1e9, 2 ** 53, 0.5, 2.5, Number.MAX_VALUE),
  fc.constantFrom(null, '3', 'many', true, {}, []) as fc.Arbitrary<unknown> as fc.Arbitrary<number>,
);
const lyingInfo: fc.Arbitrary<ResultInfo | undefined> = fc.option(
  fc.record(
    { page: lyingCount, per_page: lyingCount, count: lyingCount, total_count: lyingCount, total_pages: lyingCount },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

/** A server's page: some ids from a small pool (so pages repeat items), a lie, maybe a failure. */
const servedPage = fc.record({
  ids: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }),
  info: lyingInfo,
  fails: fc.oneof({ weight: 7, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

const options: fc.Arbitrary<PaginationOptions> = fc.record({
  perPage: fc.integer({ min: 1, max: 10 }),
  concurrency: fc.integer({ min: 0, max: 6 }),
  maxPages: fc.integer({ min: 1, max: 40 }),
});

/** First copy of each id, in the order given: what a de-duplicating walk must return. */
function firstCopies(items: readonly Item[]): Item[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id));
}

describe('property: pagination terminates within its cap and de-duplicates, however result_info lies', () => {
  it('asks for each page at most once, never past maxPages, and returns each id once', async () => {
    // Pages past the script repeat its last page forever: a server that never runs out.
    const script = fc.array(servedPage, { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(script, options, async (pages, given) => {
        const requested: number[] = [];
        const served = new Map<number, Item[]>();
        const fetchPage = async (page: number): Promise<Page<Item>> => {
          requested.push(page);
          // A walk past its cap would go on forever here: stop it, so the property fails instead of hanging.
          if (requested.length > given.maxPages) {
            throw new Error(`request ${requested.length} is past maxPages ${given.maxPages}`);
          }
          const spec = pages[Math.min(page, pages.length) - 1];
          if (spec.fails) {
            throw new ServerError(`page ${page} failed`, { status: 503 });
          }
          const items = spec.ids.map((id, slot) => ({ id: `id-${id}`, from: `${page}.${slot}` }));
          served.set(page, items);
          return { items, resultInfo: spec.info };
        };
        let result: Item[];
        try {
          result = await fetchAllPages(fetchPage, given);
        } catch (error) {
          // Page 1's own error, or a partial result wrapping a later page's.
          assert.ok(
            error instanceof ServerError || (error instanceof PartialResultError && error.cause instanceof ServerError),
            `${String(error)}`,
          );
          assert.equal(error instanceof ServerError, requested[0] === 1 && pages[0].fails);
          if (error instanceof PartialResultError) {
            assert.equal(
              new Set(error.loaded.map((item) => (item as Item).id)).size,
              error.loaded.length,
              'partial results are de-duplicated',
            );
          }
          result = [];
        }
        assert.ok(requested.length <= given.maxPages, `${requested.length} requests, cap ${given.maxPages}`);
        assert.equal(new Set(requested).size, requested.length, 'no page twice');
        assert.ok(requested.every((page) => Number.isInteger(page) && page >= 1 && page <= given.maxPages));
        if (result.length > 0) {
          const inOrder = [...served.entries()].sort(([a], [b]) => a - b).flatMap(([, items]) => items);
          assert.deepEqual(result, firstCopies(inOrder));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('returns every item when result_info is honest or just missing fields', async () => {
    const honest = fc.record({
      total: fc.integer({ min: 0, max: 60 }),
      given: options,
      fields: fc.subarray(['per_page', 'count', 'total_count', 'total_pages'] as const),
    });
    await fc.assert(
      fc.asyncProperty(honest, async ({ total, given: drawn, fields }) => {
        const pageCount = Math.max(1, Math.ceil(total / drawn.perPage));
        // Within the cap: past it, stopping early is the point of the cap.
        const given = { ...drawn, maxPages: Math.max(drawn.maxPages, pageCount) };
        const all = Array.from({ length: total }, (_, index) => ({ id: `id-${index}`, from: `${index}` }));
        const fetchPage = async (page: number, size: number): Promise<Page<Item>> => {
          const items = all.slice((page - 1) * size, page * size);
          const truth: Record<string, number> = { per_page: size, count: items.length, total_count: total, total_pages: pageCount };
          return { items, resultInfo: Object.fromEntries(fields.map((field) => [field, truth[field]])) };
        };
        assert.deepEqual(await fetchAllPages(fetchPage, given), all);
      }),
      { numRuns: 1500 },
    );
  });
});
