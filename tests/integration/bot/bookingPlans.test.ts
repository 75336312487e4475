import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { actionVerbs, cardOf, enterpriseContact, startDeskHarness, type DeskHarness } from '../../support/deskHarness.js';
import { messageActivity, personalChat } from '../../support/teamsActivity.js';
import { catalogPath } from '../../support/calendar.js';

describe('booking for a plan without bookable calls', function () {
  this.timeout(30_000);

  let harness: DeskHarness;

  before(async () => {
    // The shipped catalog gives every Teams plan a bookable call, so this copy takes Enterprise's away.
    const catalog = JSON.parse(readFileSync(catalogPath, 'utf8'));
    for (const plan of catalog.plans) {
      if (plan.id === 'enterprise') plan.entitlements = [];
    }
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'desk-catalog-')), 'plans.json');
    writeFileSync(file, JSON.stringify(catalog));
    harness = await startDeskHarness('2027-02-01T08:00:00+01:00', { DESK_CATALOG_PATH: file });
  });

  after(async () => {
    await harness.stop();
  });

  it('Termin buchen gets a clear answer', async () => {
    const chat = personalChat(enterpriseContact);

    await harness.post(messageActivity(chat, harness.connector.url, 'Termin buchen'));

    const reply = harness.connector.sentTo(chat.conversationId).at(-1)!.activity;
    assert.equal(
      reply.text,
      'Ihr Paket „Enterprise Partner“ enthält keine buchbaren Termine wie Check-in-Calls oder Strategie-Meetings. ' +
        'Für ein Anliegen schreiben Sie einfach Ihre Frage in den Chat.',
    );
  });

  it('welcome card has no Termin buchen', async () => {
    const chat = personalChat(enterpriseContact);

    await harness.post(messageActivity(chat, harness.connector.url, 'Hallo'));

    const card = cardOf(harness.connector.sentTo(chat.conversationId).at(-1)!.activity);
    assert.deepEqual(actionVerbs(card), ['request.form', 'booking.list', 'hours.show', 'emergency.start']);
  });
});
