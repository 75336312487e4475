import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AdaptiveCard, CardNode } from '../../../src/bot/cards/template.js';
import { parseCatalog, type Catalog } from '../../../src/domain/catalog.js';
import type { SupportRequest } from '../../../src/domain/request.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Zone all card tests format in. */
export const ZONE = 'Europe/Berlin';

/** Loads the shipped service catalog `config/plans.json`. */
export function loadCatalog(): Catalog {
  const catalogPath = path.join(repoRoot, 'config', 'plans.json');
  return parseCatalog(JSON.parse(readFileSync(catalogPath, 'utf8')), catalogPath);
}

/** Returns a new Gold request opened Monday 2026-12-07 10:00 Berlin time, due at 11:00. */
export function sampleRequest(overrides: Partial<SupportRequest> = {}): SupportRequest {
  return {
    number: 'HD-2026-0001',
    customerId: 'contoso',
    planId: 'gold',
    emergency: false,
    description: 'Seit heute früh können drei Kollegen keine E-Mails in Outlook senden.',
    urgency: 'normal',
    callbackPhone: '+49 221 1234567',
    callbackChannel: 'phone',
    channel: 'teams',
    contactAadObjectId: '00000000-0000-0000-0000-000000000001',
    contactName: 'Anna Schmidt',
    state: 'new',
    openedAt: '2026-12-07T10:00:00+01:00',
    deadline: '2026-12-07T11:00:00+01:00',
    guaranteeMinutes: 60,
    ...overrides,
  };
}

/** Visits every element, input and action of a card, depth first. */
export function allNodes(card: AdaptiveCard): CardNode[] {
  const found: CardNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null) {
      return;
    }
    const node = value as Record<string, unknown>;
    if (typeof node.type === 'string') {
      found.push(node as CardNode);
    }
    Object.values(node).forEach(visit);
  };
  visit(card.body);
  visit(card.actions ?? []);
  return found;
}

/** Returns the input with `id`, or fails the test. */
export function inputById(card: AdaptiveCard, id: string): CardNode {
  const input = allNodes(card).find((node) => node.id === id);
  if (!input) {
    throw new Error(`card has no input with id "${id}"`);
  }
  return input;
}

/** Returns all facts of all FactSets as title → value. */
export function factsOf(card: AdaptiveCard): Map<string, string> {
  const facts = new Map<string, string>();
  for (const node of allNodes(card)) {
    if (node.type === 'FactSet') {
      for (const fact of node.facts as { title: string; value: string }[]) {
        facts.set(fact.title, fact.value);
      }
    }
  }
  return facts;
}

/** Returns the text of every TextBlock, in order. */
export function textBlocksOf(card: AdaptiveCard): string[] {
  return allNodes(card)
    .filter((node) => node.type === 'TextBlock')
    .map((node) => node.text as string);
}

/** Returns the text of every RichTextBlock, its TextRuns joined, in order. */
export function richTextsOf(card: AdaptiveCard): string[] {
  return allNodes(card)
    .filter((node) => node.type === 'RichTextBlock')
    .map((node) => (node.inlines as { text: string }[]).map((run) => run.text).join(''));
}

/** Returns the card's actions; an empty list when it has none. */
export function actionsOf(card: AdaptiveCard): CardNode[] {
  return card.actions ?? [];
}

/** Returns the TextBlock whose text is `text`, or fails the test. */
export function textBlockWith(card: AdaptiveCard, text: string): CardNode {
  const block = allNodes(card).find((node) => node.type === 'TextBlock' && node.text === text);
  if (!block) {
    throw new Error(`card has no TextBlock "${text}"; TextBlocks: ${JSON.stringify(textBlocksOf(card))}`);
  }
  return block;
}

/** Returns whether any template expression was left unbound in the card. */
export function hasUnboundExpression(card: AdaptiveCard): boolean {
  return JSON.stringify(card).includes('${');
}
