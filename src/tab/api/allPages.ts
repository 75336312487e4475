import type { ApiClient, QueryValues } from './client.js';
import type { Page } from './types.js';

/** Reads a paged list of the tab API page by page, following `nextCursor`, and returns every item in list order. */
export async function listAllPages<Item>(api: ApiClient, path: string, query: QueryValues = {}): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<Item>>(path, { ...query, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}
