import { Template } from 'adaptivecards-templating';

/** An element, input or action of an expanded card. */
export interface CardNode {
  type: string;
  [property: string]: unknown;
}

/** An expanded Adaptive Card, ready to send. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardNode[];
  actions?: CardNode[];
  [property: string]: unknown;
}

/**
 * Expands an Adaptive Card template with `data` as `$root`.
 *
 * Every `${...}` in the template must have a defined value in `data`: the
 * templating library leaves unbound expressions in the output as literal text.
 * Values from `data` are inserted as they are and never evaluated (checked with
 * adaptivecards-templating 2.3.1), so text a customer typed cannot inject
 * template expressions.
 *
 * @throws Error if the expansion does not produce an Adaptive Card.
 */
export function expandCard(template: object, data: object): AdaptiveCard {
  // A Template keeps state during expansion, so each call gets its own instance.
  const expanded: unknown = new Template(template).expand({ $root: data });
  if (typeof expanded !== 'object' || expanded === null || (expanded as { type?: unknown }).type !== 'AdaptiveCard') {
    throw new Error('expandCard: the template did not expand to an object of type "AdaptiveCard"');
  }
  return expanded as AdaptiveCard;
}

/** Shortens text to at most `maxLength` characters, ending with "…" when it was cut. */
export function truncate(text: string, maxLength: number): string {
  const characters = Array.from(text);
  if (characters.length <= maxLength) {
    return text;
  }
  return `${characters.slice(0, maxLength - 1).join('')}…`;
}
