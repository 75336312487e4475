import assert from 'node:assert/strict';
import { startAzurite, type AzuriteInstance } from '../../support/azurite.js';
import { cardOf, cardTexts, findById, goldContact, startDeskHarness, type DeskHarness } from '../../support/deskHarness.js';
import { actionExecuteActivity, messageActivity, personalChat } from '../../support/teamsActivity.js';

describe('storage outage during a submit', () => {
  let azurite: AzuriteInstance;
  let harness: DeskHarness;

  before(async () => {
    azurite = await startAzurite();
    harness = await startDeskHarness('2026-12-07T10:00:00+01:00', {
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    });
  });

  after(async () => {
    await harness.stop();
    await azurite.stop().catch(() => undefined);
  });

  it('returns the filled form with a retry message', async () => {
    const chat = personalChat(goldContact);
    await harness.post(messageActivity(chat, harness.connector.url, 'Exchange-Regel greift nicht'));
    const form = harness.connector.sentTo(chat.conversationId).at(-1)!;
    assert.ok(cardOf(form.activity));

    await azurite.stop();
    const { status, body } = await harness.post(
      actionExecuteActivity(chat, harness.connector.url, form.assignedId, 'request.submit', {
        description: 'Exchange-Regel greift nicht',
        urgency: 'high',
        callbackPhone: '+49 211 5550101',
        callbackChannel: 'teams-call',
      }),
    );

    assert.equal(status, 200);
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    assert.equal(findById(body.value, 'description').value, 'Exchange-Regel greift nicht');
    assert.equal(findById(body.value, 'callbackPhone').value, '+49 211 5550101');
    assert.equal(findById(body.value, 'urgency').value, 'high');
    assert.equal(findById(body.value, 'callbackChannel').value, 'teams-call');
    assert.match(cardTexts(body.value).join('\n'), /Ihre Eingabe ist nicht verloren/);
  });
});
