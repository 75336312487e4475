import { MessageFactory, type TurnContext } from 'botbuilder';

import type { Language } from '../../domain/customer.js';
import { toAttachment } from '../cards/attachment.js';
import { renderArticleSuggestionCard } from '../cards/articleSuggestion.js';
import type { BotDeps } from '../deps.js';
import { logIdsOf } from '../turn.js';

/**
 * Sends the card "Vielleicht hilft das:" when public knowledge-base articles match a contact's problem
 * description, and returns whether it did. Without a match it sends nothing, so the caller sends the request
 * form as before. A failed lookup is logged and also returns false, because it must not keep a contact from
 * opening a request.
 *
 * @param description - The contact's free text, already within the request form's length limit.
 */
export async function sendArticleSuggestions(
  context: TurnContext,
  deps: Pick<BotDeps, 'knowledgeBase' | 'logger'>,
  lang: Language,
  description: string,
): Promise<boolean> {
  if (description.trim() === '') return false;

  let articles;
  try {
    articles = await deps.knowledgeBase.suggestForCustomer(description);
  } catch (error) {
    deps.logger.error({ ...logIdsOf(context.activity), err: error }, 'article suggestions failed; sending the request form');
    return false;
  }
  if (articles.length === 0) return false;

  const card = renderArticleSuggestionCard({ lang, articles, description });
  await context.sendActivity(MessageFactory.attachment(toAttachment(card)));
  deps.logger.info(
    { ...logIdsOf(context.activity), articleIds: articles.map((article) => article.id) },
    'knowledge-base articles suggested before the request form',
  );
  return true;
}
