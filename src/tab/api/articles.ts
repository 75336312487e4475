import type { z } from 'zod';
import type {
  ArticleContentSchema,
  ArticleFromRequestSchema,
  ArticlePageSchema,
  ArticleSchema,
} from '../../api/routes/articles.js';
import type { ApiClient } from './client.js';
import type { Page, QueueItem } from './types.js';

/** A knowledge-base article (GET /api/tab/articles/{id}). Instants are ISO 8601 with offset. */
export type Article = z.infer<typeof ArticleSchema>;

/** The fields of an article the consultant writes, as POST and PUT take them. */
export type ArticleContent = z.input<typeof ArticleContentSchema>;

/** One page of the article search. */
export type ArticlePage = z.infer<typeof ArticlePageSchema>;

/** Result of creating an article from a request: the article, and whether it is new. */
export type ArticleFromRequest = z.infer<typeof ArticleFromRequestSchema>;

/** Search of the knowledge base. Without `text`, the articles come newest change first. */
export interface ArticleSearch {
  text?: string;
  cursor?: string;
  limit?: number;
}

function articlePath(id: string): string {
  return `/articles/${encodeURIComponent(id)}`;
}

/** Searches the articles, ranked by relevance when `text` is given, and returns one page. */
export function searchArticles(api: ApiClient, search: ArticleSearch): Promise<ArticlePage> {
  return api.get<ArticlePage>('/articles', { q: search.text?.trim(), cursor: search.cursor, limit: search.limit });
}

/** Creates an article. */
export function createArticle(api: ApiClient, content: ArticleContent): Promise<Article> {
  return api.post<Article>('/articles', content);
}

/** Replaces the title, problem, solution, tags and visibility of an article. */
export function updateArticle(api: ApiClient, id: string, content: ArticleContent): Promise<Article> {
  return api.put<Article>(articlePath(id), content);
}

/** Deletes an article. */
export function deleteArticle(api: ApiClient, id: string): Promise<void> {
  return api.delete(articlePath(id));
}

/**
 * Creates the internal draft article of a resolved request, or returns the request's existing article with
 * `created` false. The API responds with 409 while the request has no solution and with 404 for an unknown request.
 */
export function createArticleFromRequest(api: ApiClient, customerId: string, number: string): Promise<ArticleFromRequest> {
  return api.post<ArticleFromRequest>(`/requests/${encodeURIComponent(customerId)}/${encodeURIComponent(number)}/article`);
}

/**
 * Lists a customer's resolved and closed requests, latest deadline last, up to 200: the requests an article
 * can be written from.
 */
export async function listFinishedRequests(api: ApiClient, customerId: string): Promise<QueueItem[]> {
  const page = await api.get<Page<QueueItem>>('/requests', { customerId, open: 'false', limit: 200 });
  return page.items;
}
