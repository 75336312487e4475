import { z } from './openApiZod.js';

/** Default and maximum page size of the tab API's lists. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/**
 * The `limit` query parameter of a paged list. An empty value (`?limit=`), as a form or URL builder sends
 * for an unset field, counts as absent and gives the default.
 */
export const LimitSchema = z
  .preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int('Expected a whole number').min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  )
  .openapi({ description: `Items per page, 1 to ${MAX_PAGE_SIZE}`, example: DEFAULT_PAGE_SIZE });

/**
 * Encodes a list position as an opaque cursor: base64url of its JSON. The cursor only marks where the
 * next page starts, so a changed cursor can at most skip items. The token still decides what may be read.
 */
export function encodeCursor(position: object): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/**
 * Builds the schema of a `cursor` query parameter: it decodes a cursor of {@link encodeCursor} and checks
 * the position with `position`, so an invalid cursor fails validation on that parameter.
 */
export function cursorSchema<Position extends z.ZodTypeAny>(position: Position) {
  return z
    .string()
    .max(2000)
    .transform((cursor, context): z.output<Position> => {
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        decoded = undefined;
      }
      const parsed = position.safeParse(decoded);
      if (!parsed.success) {
        context.addIssue({
          code: z.ZodIssueCode.custom,
          message: 'Invalid cursor; pass nextCursor of the previous page unchanged',
          params: { code: 'invalidFormat' },
        });
        return z.NEVER;
      }
      return parsed.data;
    })
    .openapi({ type: 'string', description: 'nextCursor of the previous page; leave out for the first page' });
}

/** Builds the schema of a list page: its items and the cursor of the next page, missing on the last page. */
export function pageSchema<Item extends z.ZodTypeAny>(item: Item) {
  return z.object({ items: z.array(item), nextCursor: z.string().optional() });
}

/** One page of an in-memory list with the cursor of the next page, which is missing on the last page. */
export interface ListPage<Item> {
  items: Item[];
  nextCursor?: string;
}

/**
 * Cuts the page after `after` out of a list that is sorted by `compare`: up to `limit` items that sort
 * after the position. Paging by position rather than by offset keeps pages stable when items are added or
 * removed between two calls.
 *
 * @param compare - Order of the list, applied to an item and a position.
 * @param positionOf - Position of an item, which the next page's cursor carries.
 */
export function pageAfter<Item, Position extends object>(
  sorted: readonly Item[],
  limit: number,
  after: Position | undefined,
  compare: (item: Item, position: Position) => number,
  positionOf: (item: Item) => Position,
): ListPage<Item> {
  const start = after === undefined ? 0 : sorted.findIndex((item) => compare(item, after) > 0);
  const remaining = start < 0 ? [] : sorted.slice(start);
  const items = remaining.slice(0, limit);

  const last = items.at(-1);
  if (remaining.length <= limit || last === undefined) return { items };
  return { items, nextCursor: encodeCursor(positionOf(last)) };
}
