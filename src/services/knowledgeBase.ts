import { randomBytes } from 'node:crypto';

import type { Clock } from '../domain/clock.js';
import {
  articleContentProblems,
  articleIdForSource,
  draftFromRequest,
  normalizeArticleContent,
  type ArticleContent,
  type ArticleVisibility,
  type KnowledgeArticle,
} from '../domain/knowledgeArticle.js';
import { isSuggestion, normalizeGerman, searchArticles, SUGGESTION_SEARCH_FIELDS } from '../domain/knowledgeSearch.js';
import type { ArticleRepository } from '../storage/articles.js';
import { ConflictError, EntityNotFoundError } from '../storage/errors.js';
import type { RequestService } from './requestService.js';
import { InvalidInputError } from './timeService.js';

/** Number of articles the bot suggests at most before the request form. */
export const MAX_SUGGESTED_ARTICLES = 3;

/** Filters and paging of {@link KnowledgeBase.search}. */
export interface ArticleQuery {
  /** Free text; without it the articles come newest change first. */
  text?: string;
  /** Only articles with this tag, compared without regard to case and umlaut spelling. */
  tag?: string;
  visibility?: ArticleVisibility;
  /** Position of the page's first article in the ranked list, 0 for the first page. */
  offset: number;
  /** Articles per page, at least 1. */
  limit: number;
}

/** One page of articles. */
export interface ArticlePage {
  items: KnowledgeArticle[];
  /** Articles matching the query on all pages. */
  total: number;
  /** Offset of the next page; missing on the last page. */
  nextOffset?: number;
}

/** Result of {@link KnowledgeBase.createFromRequest}. */
export interface ArticleFromRequest {
  article: KnowledgeArticle;
  /** False when the request's article existed already and was returned unchanged. */
  created: boolean;
}

/** Thrown when an article is to be written from a request that has no solution yet. */
export class RequestNotResolvedError extends ConflictError {
  constructor(
    readonly customerId: string,
    readonly number: string,
    readonly state: string,
  ) {
    super(`Request ${number} of customer "${customerId}" is ${state} and has no solution; resolve it before writing an article`);
  }
}

/** Dependencies of {@link KnowledgeBase}. */
export interface KnowledgeBaseDependencies {
  articles: ArticleRepository;
  requests: Pick<RequestService, 'get'>;
  clock: Clock;
}

/** The knowledge base: articles the consultant writes, the tab's search and the bot's suggestions. */
export class KnowledgeBase {
  constructor(private readonly deps: KnowledgeBaseDependencies) {}

  /**
   * Searches the articles, ranked by relevance when `text` is given, and returns one page.
   *
   * NOTE: each search reads every article and builds the index anew, which suits a few thousand articles.
   *
   * @throws InvalidInputError for a negative or fractional offset or a limit below 1.
   */
  async search(query: ArticleQuery): Promise<ArticlePage> {
    const problems = [];
    if (!Number.isSafeInteger(query.offset) || query.offset < 0) {
      problems.push({ field: 'offset', value: query.offset, reason: 'must be a whole number of at least 0' });
    }
    if (!Number.isSafeInteger(query.limit) || query.limit < 1) {
      problems.push({ field: 'limit', value: query.limit, reason: 'must be a whole number of at least 1' });
    }
    if (problems.length > 0) throw new InvalidInputError('article query', problems);

    const tag = query.tag === undefined ? undefined : normalizeGerman(query.tag.trim());
    const candidates = (await this.deps.articles.list()).filter(
      (article) =>
        (query.visibility === undefined || article.visibility === query.visibility) &&
        (tag === undefined || article.tags.some((candidate) => normalizeGerman(candidate) === tag)),
    );

    const ranked = rankArticles(candidates, query.text);
    const end = query.offset + query.limit;
    const page: ArticlePage = { items: ranked.slice(query.offset, end), total: ranked.length };
    if (end < ranked.length) page.nextOffset = end;
    return page;
  }

  /**
   * Returns up to {@link MAX_SUGGESTED_ARTICLES} public articles whose title, tags or problem match a customer's
   * problem description closely enough (see `isSuggestion`), best first. Internal articles are never returned.
   */
  async suggestForCustomer(description: string): Promise<KnowledgeArticle[]> {
    const publicArticles = (await this.deps.articles.list()).filter((article) => article.visibility === 'public');
    const byId = new Map(publicArticles.map((article) => [article.id, article]));

    return searchArticles(publicArticles, description, SUGGESTION_SEARCH_FIELDS)
      .filter(isSuggestion)
      .slice(0, MAX_SUGGESTED_ARTICLES)
      .map((match) => byId.get(match.id))
      .filter((article): article is KnowledgeArticle => article !== undefined);
  }

  /**
   * Returns one article.
   *
   * @throws EntityNotFoundError when it does not exist.
   */
  async get(id: string): Promise<KnowledgeArticle> {
    const stored = await this.deps.articles.get(id);
    if (stored === undefined) throw new EntityNotFoundError(`Article "${id}" not found`);
    return stored.article;
  }

  /**
   * Validates and stores a new article written from scratch.
   *
   * @throws InvalidInputError listing every invalid field.
   */
  async create(content: ArticleContent): Promise<KnowledgeArticle> {
    const normalized = validContent(content);
    const now = this.deps.clock.now().toISOString();
    const article: KnowledgeArticle = { id: randomBytes(8).toString('hex'), ...normalized, createdAt: now, updatedAt: now };
    return (await this.deps.articles.create(article)).article;
  }

  /**
   * Replaces the content of an article. Content equal to the stored one writes nothing and keeps `updatedAt`.
   *
   * @throws InvalidInputError listing every invalid field.
   * @throws EntityNotFoundError when the article does not exist.
   */
  async update(id: string, content: ArticleContent): Promise<KnowledgeArticle> {
    const normalized = validContent(content);
    const stored = await this.deps.articles.update(id, (current) => {
      if (sameContent(current, normalized)) return undefined;
      return { ...current, ...normalized, updatedAt: this.deps.clock.now().toISOString() };
    });
    return stored.article;
  }

  /**
   * Deletes an article.
   *
   * @throws EntityNotFoundError when it does not exist.
   */
  async delete(id: string): Promise<void> {
    if (!(await this.deps.articles.delete(id))) throw new EntityNotFoundError(`Article "${id}" not found`);
  }

  /**
   * Creates the draft article of a resolved request (see `draftFromRequest`): internal, so the bot suggests it
   * only after the consultant made it public. A request has one article: asking again returns the existing
   * one unchanged, also after it was edited. A closed request that was resolved before keeps its solution and
   * qualifies too.
   *
   * @throws RequestNotFoundError when the request does not exist.
   * @throws RequestNotResolvedError when the request has no solution.
   * @throws InvalidInputError when the derived draft is invalid, e.g. an empty description.
   */
  async createFromRequest(customerId: string, number: string): Promise<ArticleFromRequest> {
    const { request } = await this.deps.requests.get(customerId, number);
    if (request.solution === undefined || request.solution.trim() === '') {
      throw new RequestNotResolvedError(customerId, number, request.state);
    }

    const source = { customerId, number };
    const id = articleIdForSource(source);
    const existing = await this.deps.articles.get(id);
    if (existing !== undefined) return { article: existing.article, created: false };

    const normalized = validContent(draftFromRequest({ description: request.description, solution: request.solution }));
    const now = this.deps.clock.now().toISOString();
    const article: KnowledgeArticle = { id, ...normalized, source, createdAt: now, updatedAt: now };
    try {
      return { article: (await this.deps.articles.create(article)).article, created: true };
    } catch (error) {
      // A concurrent call created the same article between the read and the insert.
      const winner = error instanceof ConflictError ? await this.deps.articles.get(id) : undefined;
      if (winner === undefined) throw error;
      return { article: winner.article, created: false };
    }
  }
}

/** Orders articles by relevance to `text`, or newest change first without text. */
function rankArticles(articles: readonly KnowledgeArticle[], text: string | undefined): KnowledgeArticle[] {
  if (text === undefined || text.trim() === '') {
    return [...articles].sort(
      (left, right) => right.updatedAt.localeCompare(left.updatedAt) || left.id.localeCompare(right.id),
    );
  }

  const byId = new Map(articles.map((article) => [article.id, article]));
  return searchArticles(articles, text)
    .map((match) => byId.get(match.id))
    .filter((article): article is KnowledgeArticle => article !== undefined);
}

function validContent(content: ArticleContent): ArticleContent {
  const normalized = normalizeArticleContent(content);
  const problems = articleContentProblems(normalized);
  if (problems.length > 0) throw new InvalidInputError('article', problems);
  return normalized;
}

function sameContent(article: KnowledgeArticle, content: ArticleContent): boolean {
  return (
    article.title === content.title &&
    article.problem === content.problem &&
    article.solution === content.solution &&
    article.visibility === content.visibility &&
    JSON.stringify(article.tags) === JSON.stringify(content.tags)
  );
}
