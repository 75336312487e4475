import assert from 'node:assert/strict';
import { cardTexts, goldContact, type DeskHarness } from '../../support/deskHarness.js';
import { actionExecuteActivity, messageActivity, personalChat } from '../../support/teamsActivity.js';

/**
 * Opens a support request as Jana Becker of the Gold customer Fabrikam, the way Teams does it: a chat
 * message to the bot, then the submit of the request form card that the bot replied with. Returns the request
 * number.
 */
export async function openRequestThroughTeams(desk: DeskHarness, description: string): Promise<string> {
  const chat = personalChat(goldContact);
  const message = await desk.post(messageActivity(chat, desk.connector.url, description));
  assert.equal(message.status, 200);
  const form = desk.connector.sentTo(chat.conversationId).at(-1);
  assert.ok(form, 'the bot answered the message with no request form');

  const submit = await desk.post(
    actionExecuteActivity(chat, desk.connector.url, form.assignedId, 'request.submit', {
      description,
      urgency: 'high',
      callbackPhone: '+49 211 5550101',
      callbackChannel: 'phone',
    }),
  );
  assert.equal(submit.status, 200);
  const number = /HD-\d{4}-\d{4,}/.exec(cardTexts(submit.body.value).join('\n'))?.[0];
  assert.ok(number, `no request number in the confirmation card ${JSON.stringify(submit.body)}`);
  return number;
}
