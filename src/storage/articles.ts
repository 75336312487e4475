import type { TableClient } from '@azure/data-tables';

import { ARTICLE_VISIBILITIES, type KnowledgeArticle } from '../domain/knowledgeArticle.js';
import { assertRowSize, definedColumns, RowReader, type StoredRow } from './columns.js';
import { callTable, ConflictError, EntityNotFoundError, findRow, isConflict, isNotFound } from './errors.js';
import { encodeKey } from './keys.js';
import { retryOnConcurrentChange, type ConcurrencyRetryOptions } from './retry.js';
import type { StorageTables } from './tables.js';

/** RowKey of the article row in its partition. */
const ARTICLE_ROW_KEY = 'article';

/** An article with the ETag of the row it was read from. */
export interface StoredArticle {
  article: KnowledgeArticle;
  etag: string;
}

/**
 * Computes the new version of an article from the latest stored one, or returns undefined to write nothing.
 * It may run several times when other writers interfere, so it must not mutate its argument or have side effects.
 */
export type ArticleChange = (current: KnowledgeArticle) => KnowledgeArticle | undefined;

/**
 * Knowledge-base articles in table "articles": one partition per article (PartitionKey = article id, RowKey
 * "article"), so writes to different articles never contend. Tags are a JSON array in column `tags`, and the
 * source request is in the columns `sourceCustomerId` and `sourceNumber`.
 *
 * Listing reads the whole table, which suits a knowledge base of a few thousand articles at most.
 */
export class ArticleRepository {
  private readonly table: TableClient;

  /**
   * @param tables - Table clients from `createStorage`; this repository uses "articles".
   * @param retryOptions - Attempts per update and a logger for retries.
   */
  constructor(
    tables: StorageTables,
    private readonly retryOptions: ConcurrencyRetryOptions = {},
  ) {
    this.table = tables.articles;
  }

  /**
   * Inserts a new article.
   *
   * @throws ConflictError when an article with this id exists.
   * @throws RowTooLargeError when a field exceeds Azure's size limits.
   * @throws StorageUnavailableError when Azure Table Storage cannot be reached.
   */
  async create(article: KnowledgeArticle): Promise<StoredArticle> {
    const entity = this.toEntity(article);
    try {
      const response = await callTable(this.table, 'createEntity', () => this.table.createEntity(entity));
      return { article, etag: requireEtag(response.etag, article.id) };
    } catch (error) {
      if (isConflict(error)) {
        throw new ConflictError(`Article "${article.id}" already exists`, { cause: error });
      }
      throw error;
    }
  }

  /** Returns the article with its ETag, or undefined when there is none with this id. */
  async get(id: string): Promise<StoredArticle | undefined> {
    const row = await findRow(this.table, encodeKey(id), ARTICLE_ROW_KEY);
    return row === undefined ? undefined : { article: this.toArticle(row), etag: row.etag };
  }

  /** Returns every article, in no particular order. */
  async list(): Promise<KnowledgeArticle[]> {
    return callTable(this.table, 'listEntities', async () => {
      const articles: KnowledgeArticle[] = [];
      for await (const row of this.table.listEntities<Record<string, unknown>>()) {
        articles.push(this.toArticle(row as StoredRow));
      }
      return articles;
    });
  }

  /**
   * Applies `change` to the latest stored version and writes the result with that version's ETag. When another
   * writer changed the row first (412), it reads again and reapplies `change`.
   *
   * @returns The stored version: the written one, or the current one when `change` returned undefined.
   * @throws EntityNotFoundError when the article does not exist.
   * @throws RangeError when `change` alters the id.
   * @throws OptimisticConcurrencyError when every attempt lost the race.
   */
  async update(id: string, change: ArticleChange): Promise<StoredArticle> {
    const target = `article "${id}" in table "${this.table.tableName}"`;
    return retryOnConcurrentChange(
      target,
      async () => {
        const current = await this.get(id);
        if (current === undefined) throw new EntityNotFoundError(`Article "${id}" not found`);

        const next = change(current.article);
        if (next === undefined) return current;
        if (next.id !== id) {
          throw new RangeError(`Invalid change to article "${id}": it set id "${next.id}", but the id cannot change`);
        }

        const entity = this.toEntity(next);
        const response = await callTable(this.table, 'updateEntity', () =>
          this.table.updateEntity(entity, 'Replace', { etag: current.etag }),
        );
        return { article: next, etag: requireEtag(response.etag, id) };
      },
      this.retryOptions,
    );
  }

  /**
   * Deletes an article.
   *
   * @returns False when no article with this id existed.
   */
  async delete(id: string): Promise<boolean> {
    try {
      await callTable(this.table, 'deleteEntity', () => this.table.deleteEntity(encodeKey(id), ARTICLE_ROW_KEY));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  private toEntity(article: KnowledgeArticle) {
    const entity = {
      partitionKey: encodeKey(article.id),
      rowKey: ARTICLE_ROW_KEY,
      ...definedColumns({
        title: article.title,
        problem: article.problem,
        solution: article.solution,
        tags: JSON.stringify(article.tags),
        visibility: article.visibility,
        sourceCustomerId: article.source?.customerId,
        sourceNumber: article.source?.number,
        createdAt: article.createdAt,
        updatedAt: article.updatedAt,
      }),
    };
    assertRowSize(entity, this.table.tableName);
    return entity;
  }

  private toArticle(row: StoredRow): KnowledgeArticle {
    const columns = new RowReader(row, this.table.tableName);
    const tags = columns.json('tags');
    if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) {
      throw columns.invalid('tags', 'a JSON array of strings', tags);
    }

    const article: KnowledgeArticle = {
      id: columns.partitionKey(),
      title: columns.string('title'),
      problem: columns.string('problem'),
      solution: columns.string('solution'),
      tags: tags as string[],
      visibility: columns.oneOf('visibility', ARTICLE_VISIBILITIES),
      createdAt: columns.string('createdAt'),
      updatedAt: columns.string('updatedAt'),
    };

    const sourceCustomerId = columns.optionalString('sourceCustomerId');
    const sourceNumber = columns.optionalString('sourceNumber');
    if (sourceCustomerId !== undefined && sourceNumber !== undefined) {
      article.source = { customerId: sourceCustomerId, number: sourceNumber };
    }
    return article;
  }
}

function requireEtag(etag: string | undefined, id: string): string {
  if (etag === undefined) {
    throw new Error(`Azure Table Storage returned no ETag for article "${id}"`);
  }
  return etag;
}
