import { ApiError } from '../../api/apiError.js';
import type { TabMessages } from '../../i18n/index.js';

/** Field errors of the article dialog, keyed by the form field: title, problem, solution, tags or visibility. */
export type ArticleFieldErrors = Partial<Record<'title' | 'problem' | 'solution' | 'tags' | 'visibility', string>>;

/**
 * Turns the issues of a 400 or 422 response to an article's create or update into texts per field, from the
 * catalogs because the API's messages are English. A tag issue ("body.tags.2") counts for the tag field.
 * Returns undefined when the response names no field of the form.
 */
export function articleFieldErrors(error: unknown, messages: TabMessages): ArticleFieldErrors | undefined {
  if (!(error instanceof ApiError) || error.body?.issues === undefined) return undefined;
  const texts = messages.knowledgeBase.fieldErrors;
  const errors: ArticleFieldErrors = {};
  for (const issue of error.body.issues) {
    const field = issue.field.replace(/^body\./, '').split('.')[0];
    if (field === 'title' || field === 'problem' || field === 'solution' || field === 'tags' || field === 'visibility') {
      errors[field] = texts[field];
    }
  }
  return Object.keys(errors).length === 0 ? undefined : errors;
}
