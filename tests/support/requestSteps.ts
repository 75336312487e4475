import assert from 'node:assert/strict';
import type { DeskOverrides } from '../../src/index.js';
import { cardTexts, consultant, startDeskHarness, type DeskHarness } from './deskHarness.js';
import { actionExecuteActivity, installActivity, messageActivity, personalChat, type PersonalChat } from './teamsActivity.js';

/** Invoke response type of a plain text reply to a card action. */
export const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';

/** Invoke response type of a card reply to a card action. */
export const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';

/** Body of the invoke response to an Action.Execute. */
export interface InvokeResponse {
  statusCode: number;
  type: string;
  value: any;
}

/** A started desk with the consultant's chat, in which the bot is installed. */
export interface ConsultantDesk {
  harness: DeskHarness;
  consultantChat: PersonalChat;
}

/** Request form fields of a normal request with a phone callback, as most tests submit it. */
export const PHONE_CALLBACK = { urgency: 'normal', callbackPhone: '+49 211 5550101', callbackChannel: 'phone' } as const;

/**
 * Starts the desk harness and installs the bot in the consultant's personal chat.
 *
 * @param consultantLocale - Teams locale of the consultant's chat.
 */
export async function startConsultantDesk(
  startAt: string,
  env: Record<string, string> = {},
  overrides: Omit<DeskOverrides, 'clock' | 'logger'> = {},
  consultantLocale = 'de-DE',
): Promise<ConsultantDesk> {
  const harness = await startDeskHarness(startAt, env, overrides);
  const consultantChat = personalChat(consultant, consultantLocale);
  await harness.post(installActivity(consultantChat, harness.connector.url));
  return { harness, consultantChat };
}

/** Sends a message as the chat's user, asserts HTTP 200 and returns the bot's last reply in that chat. */
export async function sendMessage(harness: DeskHarness, chat: PersonalChat, text: string) {
  const { status } = await harness.post(messageActivity(chat, harness.connector.url, text));
  assert.equal(status, 200);
  const last = harness.connector.sentTo(chat.conversationId).at(-1);
  assert.ok(last, `no reply in ${chat.conversationId}`);
  return last;
}

/** Clicks an Action.Execute on a card, asserts HTTP 200 and returns the invoke response body. */
export async function clickAction(
  harness: DeskHarness,
  chat: PersonalChat,
  cardActivityId: string,
  verb: string,
  data: Record<string, unknown>,
): Promise<InvokeResponse> {
  const { status, body } = await harness.post(actionExecuteActivity(chat, harness.connector.url, cardActivityId, verb, data));
  assert.equal(status, 200);
  return body as InvokeResponse;
}

/**
 * Opens a request as a contact: the message brings the form, which is submitted with the description and `fields`.
 *
 * @returns The form's activity id and the submit's invoke response, whose card shows the request number.
 */
export async function openRequest(
  harness: DeskHarness,
  chat: PersonalChat,
  description: string,
  fields: Record<string, unknown> = PHONE_CALLBACK,
): Promise<{ formId: string; response: InvokeResponse }> {
  const form = await sendMessage(harness, chat, description);
  const response = await clickAction(harness, chat, form.assignedId, 'request.submit', { description, ...fields });
  return { formId: form.assignedId, response };
}

/** Returns the activity id of the last message the bot sent to a chat, such as the consultant's request card. */
export function lastActivityId(harness: DeskHarness, chat: PersonalChat): string {
  const last = harness.connector.sentTo(chat.conversationId).at(-1);
  assert.ok(last, `nothing sent to ${chat.conversationId}`);
  return last.assignedId;
}

/** Returns the request number ("HD-2026-0001") a card shows and fails when it shows none. */
export function findNumber(card: any): string {
  const match = /HD-\d{4}-\d{4,}/.exec(cardTexts(card).join('\n'));
  assert.ok(match, `no request number in ${JSON.stringify(cardTexts(card))}`);
  return match[0];
}

/** Fails with the card's texts when `text` is not one of them. */
export function assertShows(texts: string[], text: string): void {
  assert.ok(texts.includes(text), `missing "${text}" in: ${texts.join(' | ')}`);
}

/** Returns every Action.Execute of a card, in order, with its title, verb and data. */
export function executeActions(card: any): { title: string; verb: string; data: any }[] {
  const found: { title: string; verb: string; data: any }[] = [];
  const visit = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'Action.Execute') found.push({ title: node.title, verb: node.verb, data: node.data });
    Object.values(node).forEach(visit);
  };
  visit(card);
  return found;
}

/**
 * Registers mocha hooks for a suite that shares one desk: before each test the clock goes back to `startAt` and the
 * connector forgets earlier calls, and after the suite the desk stops. `desk` is called inside the hooks, so the
 * suite's own `before` hook may assign the harness.
 */
export function resetDeskBetweenTests(desk: () => DeskHarness, startAt: string): void {
  after(async () => {
    await desk().stop();
  });

  beforeEach(() => {
    desk().clock.set(startAt);
    desk().connector.clear();
  });
}

/**
 * Opens a request in the contact's chat through the form.
 *
 * @returns The form's activity id, the request number and the activity id of the card the consultant received.
 */
export async function openRequestForConsultant(
  harness: DeskHarness,
  contactChat: PersonalChat,
  consultantChat: PersonalChat,
  description: string,
): Promise<{ formId: string; number: string; cardId: string }> {
  const { formId, response } = await openRequest(harness, contactChat, description);
  return { formId, number: findNumber(response.value), cardId: lastActivityId(harness, consultantChat) };
}
