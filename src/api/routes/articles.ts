import {
  ARTICLE_ID_PATTERN,
  ARTICLE_VISIBILITIES,
  MAX_ARTICLE_PROBLEM_LENGTH,
  MAX_ARTICLE_SOLUTION_LENGTH,
  MAX_ARTICLE_TAG_LENGTH,
  MAX_ARTICLE_TAGS,
  MAX_ARTICLE_TITLE_LENGTH,
} from '../../domain/knowledgeArticle.js';
import { RequestNotResolvedError } from '../../services/knowledgeBase.js';
import { ApiFailure } from '../apiFailure.js';
import { z } from '../openApiZod.js';
import { cursorSchema, encodeCursor, LimitSchema, pageSchema } from '../paging.js';
import { defineRoute, type AnyApiRoute } from '../route.js';
import { RequestPathSchema } from './requestSchemas.js';

const VisibilitySchema = z
  .enum(ARTICLE_VISIBILITIES)
  .openapi({ description: 'public: the bot suggests it to customers; internal: shown only to the consultant' });

/** The fields of an article the consultant writes. */
export const ArticleContentSchema = z
  .object({
    title: z.string().min(1).max(MAX_ARTICLE_TITLE_LENGTH),
    problem: z.string().min(1).max(MAX_ARTICLE_PROBLEM_LENGTH),
    solution: z.string().min(1).max(MAX_ARTICLE_SOLUTION_LENGTH),
    tags: z.array(z.string().max(MAX_ARTICLE_TAG_LENGTH)).max(MAX_ARTICLE_TAGS).default([]),
    visibility: VisibilitySchema,
  })
  .openapi('ArticleContent');

/** A knowledge-base article. */
export const ArticleSchema = z
  .object({
    id: z.string().openapi({ example: '3f9a1c0b7d2e4a68' }),
    title: z.string(),
    problem: z.string(),
    solution: z.string(),
    tags: z.array(z.string()),
    visibility: VisibilitySchema,
    source: z
      .object({ customerId: z.string(), number: z.string() })
      .optional()
      .openapi({ description: 'Request the article was created from' }),
    createdAt: z.string().datetime({ offset: true }),
    updatedAt: z.string().datetime({ offset: true }),
  })
  .openapi('Article');

/** One page of articles. */
export const ArticlePageSchema = pageSchema(ArticleSchema)
  .extend({ total: z.number().int().nonnegative().openapi({ description: 'Matching articles on all pages' }) })
  .openapi('ArticlePage');

/** Position of an article page in the ranked list. */
/** The offset is a safe integer, so an edited cursor fails validation on the cursor rather than in the search. */
const ArticleCursorSchema = z.object({ offset: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) });

const ArticleIdParamsSchema = z.object({
  id: z.string().regex(ARTICLE_ID_PATTERN, 'Expected an article id of 16 lowercase hex digits'),
});

const ArticleQuerySchema = z.object({
  q: z.string().max(500).optional().openapi({ description: 'Free text; ranks by relevance when given, else newest change first' }),
  tag: z.string().max(MAX_ARTICLE_TAG_LENGTH).optional(),
  visibility: VisibilitySchema.optional(),
  cursor: cursorSchema(ArticleCursorSchema).optional(),
  limit: LimitSchema,
});

/** Result of creating an article from a request. */
export const ArticleFromRequestSchema = z
  .object({
    article: ArticleSchema,
    created: z.boolean().openapi({ description: 'False when the request already had an article, which is returned unchanged' }),
  })
  .openapi('ArticleFromRequest');

/** Routes of the knowledge base. */
export const articleRoutes: AnyApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/articles',
    summary: 'Searches the knowledge base and returns one page of articles',
    tag: 'Knowledge base',
    request: { query: ArticleQuerySchema },
    response: ArticlePageSchema,
    errors: ['unprocessable'],
    handler: async ({ query, services }) => {
      const page = await services.knowledgeBase.search({
        text: query.q,
        tag: query.tag,
        visibility: query.visibility,
        offset: query.cursor?.offset ?? 0,
        limit: query.limit,
      });
      return {
        items: page.items,
        total: page.total,
        ...(page.nextOffset === undefined ? {} : { nextCursor: encodeCursor({ offset: page.nextOffset }) }),
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/articles/{id}',
    summary: 'Returns one article',
    tag: 'Knowledge base',
    request: { params: ArticleIdParamsSchema },
    response: ArticleSchema,
    errors: ['notFound'],
    handler: async ({ params, services }) => services.knowledgeBase.get(params.id),
  }),
  defineRoute({
    method: 'post',
    path: '/articles',
    summary: 'Creates an article',
    tag: 'Knowledge base',
    successStatus: 201,
    request: { body: ArticleContentSchema },
    response: ArticleSchema,
    errors: ['unprocessable'],
    handler: async ({ body, services }) => services.knowledgeBase.create(body),
  }),
  defineRoute({
    method: 'put',
    path: '/articles/{id}',
    summary: 'Replaces the title, problem, solution, tags and visibility of an article',
    tag: 'Knowledge base',
    request: { params: ArticleIdParamsSchema, body: ArticleContentSchema },
    response: ArticleSchema,
    errors: ['notFound', 'unprocessable', 'concurrentChange'],
    handler: async ({ params, body, services }) => services.knowledgeBase.update(params.id, body),
  }),
  defineRoute({
    method: 'delete',
    path: '/articles/{id}',
    summary: 'Deletes an article',
    tag: 'Knowledge base',
    successStatus: 204,
    request: { params: ArticleIdParamsSchema },
    response: z.undefined(),
    errors: ['notFound'],
    handler: async ({ params, services }) => {
      await services.knowledgeBase.delete(params.id);
      return undefined;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/requests/{customerId}/{number}/article',
    summary: 'Creates the draft article of a resolved request',
    description:
      'Title from the description, the description as problem, the solution of the request as solution, visibility ' +
      'internal. A request has one article: a second call returns it with created false. 409 when the request has no solution.',
    tag: 'Knowledge base',
    request: { params: RequestPathSchema },
    response: ArticleFromRequestSchema,
    errors: ['requestNotFound', 'conflict', 'unprocessable'],
    handler: async ({ params, services }) => {
      try {
        return await services.knowledgeBase.createFromRequest(params.customerId, params.number);
      } catch (error) {
        if (!(error instanceof RequestNotResolvedError)) throw error;
        return new ApiFailure('conflict', 'The request is not resolved; resolve it with a solution before writing an article');
      }
    },
  }),
];
