import MiniSearch, { type SearchOptions } from 'minisearch';

import type { KnowledgeArticle } from './knowledgeArticle.js';

/** An article as the search needs it. */
export type SearchableArticle = Pick<KnowledgeArticle, 'id' | 'title' | 'problem' | 'solution' | 'tags' | 'updatedAt'>;

/** One article found by {@link searchArticles}. */
export interface ArticleMatch {
  id: string;
  /** BM25+ score of MiniSearch 7 with the field boosts below; only comparable within one search. */
  score: number;
  /** Distinct query terms that matched the article exactly, by prefix or fuzzily. */
  matchedTermCount: number;
  /** Distinct search terms of the query after stop words were dropped. */
  queryTermCount: number;
}

/** Field boosts: a match in the title counts most, then tags, the problem text, and last the solution. */
const FIELD_BOOSTS = { title: 3, tags: 2, problem: 1.5, solution: 1 } as const;

/** An indexed field of an article. */
export type SearchField = keyof typeof FIELD_BOOSTS;

/** Every indexed field; the tab's search looks in all of them. */
export const ALL_SEARCH_FIELDS: readonly SearchField[] = ['title', 'tags', 'problem', 'solution'];

/**
 * Fields that suggestions to customers look in. A customer describes a problem, so words that only an
 * article's solution mentions, such as "restart Outlook afterwards", do not make it a suggestion.
 */
export const SUGGESTION_SEARCH_FIELDS: readonly SearchField[] = ['title', 'tags', 'problem'];

/** Query terms of at least this many characters also match longer words that start with them. */
const MIN_PREFIX_TERM_LENGTH = 3;

/** Query terms of at least this many characters also match words within 20 % edits, e.g. one typo in 5 to 7 letters. */
const MIN_FUZZY_TERM_LENGTH = 5;

/** Inflection endings that {@link stemGerman} removes, longest first. */
const GERMAN_ENDINGS = ['ern', 'en', 'er', 'es', 'e', 'n', 's'] as const;

/** Shortest stem that {@link stemGerman} leaves, so short words such as "user" or "mail" stay whole. */
const MIN_STEM_LENGTH = 4;

/**
 * Frequent German and English words that carry no meaning about a problem, in their normalized form.
 * "nicht" is one of them, because nearly every problem description contains it.
 */
const STOP_WORDS = new Set(
  [
    'aber', 'alle', 'als', 'also', 'am', 'an', 'auch', 'auf', 'aus', 'bei', 'beim', 'bin', 'bis', 'bitte', 'da',
    'dann', 'das', 'dass', 'dem', 'den', 'der', 'des', 'die', 'dies', 'diese', 'doch', 'du', 'durch', 'ein', 'eine',
    'einem', 'einen', 'einer', 'eines', 'er', 'es', 'etwas', 'für', 'ganz', 'gibt', 'hat', 'habe', 'haben', 'hallo',
    'hier', 'ich', 'ihr', 'im', 'immer', 'in', 'ist', 'ja', 'jetzt', 'kann', 'kein', 'keine', 'können', 'man', 'mehr',
    'mein', 'meine', 'mich', 'mir', 'mit', 'nach', 'nicht', 'noch', 'nur', 'oder', 'schon', 'sehr', 'seit', 'sich',
    'sie', 'sind', 'so', 'uns', 'unser', 'unsere', 'und', 'vom', 'von', 'vor', 'war', 'was', 'wenn', 'wer', 'wie',
    'wieder', 'wir', 'wird', 'zu', 'zum', 'zur', 'a', 'an', 'and', 'are', 'be', 'can', 'cannot', 'does', 'doesn',
    'for', 'from', 'has', 'have', 'i', 'is', 'it', 'my', 'no', 'not', 'of', 'on', 'or', 'our', 'the', 'to', 'was',
    'we', 'with',
  ].map(normalizeGerman),
);

/**
 * Lowercases text and writes German umlauts and "ß" as their two-letter forms ("ä" as "ae", "ß" as "ss"), then
 * drops remaining accents, so "Zurücksetzen", "zuruecksetzen" and "ZURÜCKSETZEN" give the same word.
 */
export function normalizeGerman(text: string): string {
  return text
    .toLocaleLowerCase('de-DE')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/**
 * Splits text into words at every character that is neither a letter, a digit nor a hyphen. A hyphenated word
 * gives its parts and the joined word, so "E-Mail" matches both "Mail" and "Email".
 */
export function tokenizeGerman(text: string): string[] {
  const tokens: string[] = [];
  for (const word of text.split(/[^\p{L}\p{N}-]+/u)) {
    const parts = word.split('-').filter((part) => part !== '');
    tokens.push(...parts);
    if (parts.length > 1) tokens.push(parts.join(''));
  }
  return tokens;
}

/**
 * Removes one German inflection ending ("-ern", "-en", "-er", "-es", "-e", "-n", "-s") when a stem of at least
 * four letters remains, so "Drucker", "Druckern" and "drucken" share the stem "druck". This light stemming only
 * aligns frequent forms. Prefix and fuzzy matching cover the rest.
 */
export function stemGerman(word: string): string {
  for (const ending of GERMAN_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM_LENGTH) {
      return word.slice(0, -ending.length);
    }
  }
  return word;
}

/** Turns a token into its index term: normalized and stemmed, or null for a stop word or a single letter. */
export function processGermanTerm(token: string): string | null {
  const normalized = normalizeGerman(token);
  if (normalized.length < 2 && !/^\d$/.test(normalized)) return null;
  if (STOP_WORDS.has(normalized)) return null;
  return stemGerman(normalized);
}

/** Returns the distinct search terms of a query, in the form the index stores. */
export function queryTermsOf(query: string): string[] {
  const terms = tokenizeGerman(query)
    .map(processGermanTerm)
    .filter((term): term is string => term !== null);
  return [...new Set(terms)];
}

const SEARCH_OPTIONS: SearchOptions = {
  boost: { ...FIELD_BOOSTS },
  prefix: (term) => term.length >= MIN_PREFIX_TERM_LENGTH,
  fuzzy: (term) => (term.length >= MIN_FUZZY_TERM_LENGTH ? 0.2 : false),
  combineWith: 'OR',
};

/**
 * Searches articles for a free-text query and returns the matches, best first: by score, then the most
 * recently updated, then by id. An article matches when at least one query term matches one of `fields`. An
 * empty query, or one of stop words only, matches nothing.
 */
export function searchArticles(
  articles: readonly SearchableArticle[],
  query: string,
  fields: readonly SearchField[] = ALL_SEARCH_FIELDS,
): ArticleMatch[] {
  const queryTerms = queryTermsOf(query);
  if (queryTerms.length === 0) return [];

  const index = new MiniSearch<SearchableArticle>({
    fields: [...ALL_SEARCH_FIELDS],
    idField: 'id',
    extractField: (article, field) => {
      if (field === 'tags') return article.tags.join(' ');
      return String(article[field as keyof SearchableArticle]);
    },
    tokenize: tokenizeGerman,
    processTerm: processGermanTerm,
    searchOptions: SEARCH_OPTIONS,
  });
  index.addAll(articles);

  const updatedAtById = new Map(articles.map((article) => [article.id, article.updatedAt]));
  return index
    .search(query, { fields: [...fields] })
    .map((result) => ({
      id: String(result.id),
      score: result.score,
      matchedTermCount: new Set(result.queryTerms).size,
      queryTermCount: queryTerms.length,
    }))
    .sort(
      (left, right) =>
        right.score - left.score ||
        (updatedAtById.get(right.id) ?? '').localeCompare(updatedAtById.get(left.id) ?? '') ||
        left.id.localeCompare(right.id),
    );
}

/**
 * Returns how many distinct query terms an article must match to be suggested to a customer. A query of one or
 * two terms needs all of them. A longer one needs a third of them rounded up, at least 2 and at most 4, and the
 * cap keeps long descriptions from ruling out every article.
 */
export function requiredSuggestionTermCount(queryTermCount: number): number {
  if (queryTermCount <= 2) return queryTermCount;
  return Math.min(4, Math.max(2, Math.ceil(queryTermCount / 3)));
}

/** Returns whether a match is close enough to the query to be suggested before the request form. */
export function isSuggestion(match: ArticleMatch): boolean {
  return match.queryTermCount > 0 && match.matchedTermCount >= requiredSuggestionTermCount(match.queryTermCount);
}
