import { createHash } from 'node:crypto';

import type { FieldIssueCode, FieldIssueParams } from './fieldIssue.js';

/** Audience of an article: the bot suggests "public" articles to customers, and "internal" ones are for the consultant only. */
export type ArticleVisibility = 'public' | 'internal';

/** Every visibility, in the order the tab offers them. */
export const ARTICLE_VISIBILITIES = ['public', 'internal'] as const satisfies readonly ArticleVisibility[];

/** Maximum length of an article title, in characters. */
export const MAX_ARTICLE_TITLE_LENGTH = 200;
/** Maximum length of an article's problem text, in characters. */
export const MAX_ARTICLE_PROBLEM_LENGTH = 4000;
/** Maximum length of an article's solution text, in characters. */
export const MAX_ARTICLE_SOLUTION_LENGTH = 8000;
/** Maximum number of tags on one article. */
export const MAX_ARTICLE_TAGS = 10;
/** Maximum length of one tag, in characters. */
export const MAX_ARTICLE_TAG_LENGTH = 40;
/** Length of a title derived from a request description, in characters including the closing "…". */
export const DERIVED_TITLE_LENGTH = 120;

/** Pattern of an article id: 16 lowercase hex digits. */
export const ARTICLE_ID_PATTERN = /^[0-9a-f]{16}$/;

/** The request an article was written from. */
export interface ArticleSource {
  customerId: string;
  /** Request number, e.g. "HD-2026-0042". */
  number: string;
}

/** The fields of an article that the consultant writes. */
export interface ArticleContent {
  title: string;
  /** The problem as a customer would describe it; the bot matches customer messages against it. */
  problem: string;
  solution: string;
  /** Keywords, e.g. "outlook"; unique regardless of case. */
  tags: string[];
  visibility: ArticleVisibility;
}

/** A knowledge-base article. */
export interface KnowledgeArticle extends ArticleContent {
  /** 16 lowercase hex digits, see {@link ARTICLE_ID_PATTERN}. */
  id: string;
  /** Request the article was created from; missing for articles written from scratch. */
  source?: ArticleSource;
  /** ISO 8601 instant of the creation. */
  createdAt: string;
  /** ISO 8601 instant of the last change. */
  updatedAt: string;
}

/** One invalid field of an article and why it is invalid. */
export interface ArticleProblem {
  field: keyof ArticleContent;
  value: unknown;
  /** English reason for logs and developers. */
  reason: string;
  /** Machine code of the problem, which clients translate. */
  code: FieldIssueCode;
  /** Values of the code's text, such as the maximum of `tooLong`. */
  params?: FieldIssueParams;
}

/**
 * Trims the texts and tags of an article and drops empty and case-insensitively repeated tags, keeping the
 * first spelling.
 */
export function normalizeArticleContent(content: ArticleContent): ArticleContent {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const tag of content.tags) {
    const trimmed = tag.trim();
    const key = trimmed.toLocaleLowerCase('de-DE');
    if (trimmed === '' || seen.has(key)) continue;
    seen.add(key);
    tags.push(trimmed);
  }

  return {
    title: content.title.trim(),
    problem: content.problem.trim(),
    solution: content.solution.trim(),
    tags,
    visibility: content.visibility,
  };
}

/**
 * Lists what is wrong with normalized article content: a missing or too long title, problem or solution,
 * too many or too long tags, or an unknown visibility. Returns an empty list for valid content.
 */
export function articleContentProblems(content: ArticleContent): ArticleProblem[] {
  const problems: ArticleProblem[] = [];
  const checkText = (field: 'title' | 'problem' | 'solution', maxLength: number): void => {
    const value = content[field];
    if (value === '') problems.push({ field, value, reason: 'is required', code: 'required' });
    if (value.length > maxLength) {
      problems.push({
        field,
        value: `${value.slice(0, 40)}…`,
        reason: `has ${value.length} characters, the maximum is ${maxLength}`,
        code: 'tooLong',
        params: { maximum: maxLength },
      });
    }
  };
  checkText('title', MAX_ARTICLE_TITLE_LENGTH);
  checkText('problem', MAX_ARTICLE_PROBLEM_LENGTH);
  checkText('solution', MAX_ARTICLE_SOLUTION_LENGTH);

  if (content.tags.length > MAX_ARTICLE_TAGS) {
    problems.push({
      field: 'tags',
      value: content.tags.length,
      reason: `has more than ${MAX_ARTICLE_TAGS} tags`,
      code: 'tooLong',
      params: { maximum: MAX_ARTICLE_TAGS },
    });
  }
  for (const tag of content.tags) {
    if (tag.length > MAX_ARTICLE_TAG_LENGTH) {
      problems.push({
        field: 'tags',
        value: tag,
        reason: `is longer than ${MAX_ARTICLE_TAG_LENGTH} characters`,
        code: 'tooLong',
        params: { maximum: MAX_ARTICLE_TAG_LENGTH },
      });
    }
  }
  if (!(ARTICLE_VISIBILITIES as readonly string[]).includes(content.visibility)) {
    problems.push({
      field: 'visibility',
      value: content.visibility,
      reason: `must be ${ARTICLE_VISIBILITIES.join(' or ')}`,
      code: 'invalidValue',
      params: { allowed: ARTICLE_VISIBILITIES.join(', ') },
    });
  }
  return problems;
}

/**
 * Derives a title from a request description: its first line, or its first sentence when that is shorter,
 * cut to {@link DERIVED_TITLE_LENGTH} characters with a closing "…".
 */
export function titleFromDescription(description: string): string {
  const firstLine = description.trim().split(/\r?\n/, 1)[0]?.trim() ?? '';
  // A period after a digit is a German ordinal ("im 2. OG"), not the end of a sentence.
  const sentenceEnd = /(?<!\d)[.!?](\s|$)/.exec(firstLine);
  const sentence = sentenceEnd === null ? firstLine : firstLine.slice(0, sentenceEnd.index + 1);
  const characters = Array.from(sentence);
  return characters.length <= DERIVED_TITLE_LENGTH ? sentence : `${characters.slice(0, DERIVED_TITLE_LENGTH - 1).join('')}…`;
}

/**
 * Builds the draft article of a resolved request: title from the description, the description as problem,
 * the request's solution as solution, no tags, and visibility "internal". The bot therefore suggests it only
 * after the consultant has reviewed it and made it public.
 */
export function draftFromRequest(request: { description: string; solution: string }): ArticleContent {
  return normalizeArticleContent({
    title: titleFromDescription(request.description),
    problem: request.description,
    solution: request.solution,
    tags: [],
    visibility: 'internal',
  });
}

/**
 * Returns the id of the article written from a request: the first 16 hex digits of the SHA-256 of customer id
 * and number. The same request always gives the same id, so creating its article twice finds the first one.
 */
export function articleIdForSource(source: ArticleSource): string {
  return createHash('sha256').update(`${source.customerId}\n${source.number}`).digest('hex').slice(0, 16);
}
