import type { Language } from '../../domain/customer.js';
import { messagesFor } from '../../i18n/messages.js';
import template from './articleSuggestion.json' with { type: 'json' };
import { expandCard, truncate, type AdaptiveCard } from './template.js';
import { Verbs, type RequestFormData } from './verbs.js';

/**
 * Maximum length of a solution on the card, in characters, so that a card with three articles stays a few
 * kilobytes long. A longer solution ends with "…".
 */
export const MAX_SUGGESTED_SOLUTION_LENGTH = 3000;

/** An article as the suggestion card shows it. */
export interface SuggestedArticle {
  id: string;
  title: string;
  solution: string;
}

/** Input of {@link renderArticleSuggestionCard}. */
export interface ArticleSuggestionCardInput {
  lang: Language;
  /** Articles to show, best first; the caller passes at most three. */
  articles: readonly SuggestedArticle[];
  /** The contact's problem description, which prefills the request form behind the button. */
  description: string;
}

/**
 * Renders the card "Vielleicht hilft das:": each article's title with its solution behind a show/hide toggle,
 * and the button "Anfrage trotzdem stellen" (verb `request.form`), which opens the request form prefilled with
 * the description.
 *
 * @throws RangeError when `articles` is empty.
 */
export function renderArticleSuggestionCard(input: ArticleSuggestionCardInput): AdaptiveCard {
  if (input.articles.length === 0) {
    throw new RangeError('renderArticleSuggestionCard: articles must not be empty; send the request form instead');
  }
  const messages = messagesFor(input.lang).articleSuggestion;

  const formData: RequestFormData = { description: input.description };
  return expandCard(template, {
    title: messages.title,
    intro: messages.intro,
    articles: input.articles.map((article, index) => ({
      containerId: `article-${index + 1}`,
      solutionId: `solution-${index + 1}`,
      title: article.title,
      solution: truncate(article.solution, MAX_SUGGESTED_SOLUTION_LENGTH),
      toggleTitle: messages.toggleSolution,
    })),
    openRequest: { title: messages.openRequest, verb: Verbs.requestForm, data: formData },
  });
}
