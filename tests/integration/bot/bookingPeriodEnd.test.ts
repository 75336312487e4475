import assert from 'node:assert/strict';

import { cardOf, cardTexts, goldContact, startDeskHarness, type DeskHarness } from '../../support/deskHarness.js';
import { executeActions, sendMessage } from '../../support/requestSteps.js';
import { personalChat } from '../../support/teamsActivity.js';

/** Saturday 2027-02-06, 10:00 in Berlin: the week has no bookable hours left. */
const SATURDAY_MORNING = '2027-02-06T10:00:00+01:00';

/** Returns the slot buttons of a slot card. */
function slotButtons(card: any) {
  return executeActions(card.body).filter((action) => /^\d{2}:\d{2}$/.test(action.title));
}

describe('booking offer without free slots in the period through /api/messages', function () {
  this.timeout(30_000);
  let harness: DeskHarness;

  before(async () => {
    harness = await startDeskHarness(SATURDAY_MORNING);
  });

  after(async () => {
    await harness.stop();
  });

  beforeEach(() => {
    harness.clock.set(SATURDAY_MORNING);
    harness.connector.clear();
  });

  it('Saturday offer names the next period', async () => {
    const reply = await sendMessage(harness, personalChat(goldContact), 'Termin buchen');
    const card = cardOf(reply.activity);
    const texts = cardTexts(card);

    assert.equal(
      texts[1],
      'Für diese Woche ist kein Termin mehr frei. Die Termine unten liegen im nächsten Zeitraum ab Montag, 08.02.2027. ' +
        'Ihr Check-in-Call für diese Woche verfällt damit ungenutzt, denn nicht genutzte Termine werden nicht übertragen.',
    );
    assert.ok(texts.includes('Noch offen 1 Termin für diese Woche, aber keiner mehr frei'), texts.join('\n'));
    assert.ok(!texts.includes('Noch offen 1 Termin für diese Woche'), texts.join('\n'));
    assert.equal(slotButtons(card)[0]?.data.start, '2027-02-08T09:00:00+01:00');
  });

  it('Monday offer has no such notice', async () => {
    harness.clock.set('2027-02-08T08:00:00+01:00');

    const reply = await sendMessage(harness, personalChat(goldContact), 'Termin buchen');
    const texts = cardTexts(cardOf(reply.activity));

    assert.equal(texts[1], 'In Ihrem Paket enthalten');
    assert.ok(texts.includes('Noch offen 1 Termin für diese Woche'), texts.join('\n'));
  });
});
