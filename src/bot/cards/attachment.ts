import { CardFactory, type Attachment } from 'botbuilder';
import type { AdaptiveCard } from './template.js';

/** Wraps an expanded card as a botbuilder attachment for a message or an invoke response. */
export function toAttachment(card: AdaptiveCard): Attachment {
  return CardFactory.adaptiveCard(card);
}
