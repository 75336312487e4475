import assert from 'node:assert/strict';
import { consultant, startDeskHarness, type DeskHarness } from '../../support/deskHarness.js';
import { sendMessage } from '../../support/requestSteps.js';
import { personalChat } from '../../support/teamsActivity.js';

const REGISTERED_DE = 'Dieser Chat erhält ab jetzt die Berater-Karten. Neue Anfragen von Kunden erscheinen hier.';
const REGISTERED_EN = 'From now on this chat receives the consultant cards. New customer requests appear here.';
const HELP_DE =
  'Dieser Chat erhält bereits die Berater-Karten: neue Anfragen, SLA-Warnungen, Termine, Mehrstunden und ' +
  'Nachrichten unbekannter Firmen. Auf den Karten übernehmen Sie Anfragen und erfassen Zeit. ' +
  'Warteschlange, Kunden, Stunden, Abrechnungen, Wissensdatenbank und Abwesenheiten finden Sie im Tab „Übersicht“.';
const HELP_EN =
  'This chat already receives the consultant cards: new requests, SLA warnings, bookings, overage hours and ' +
  'messages from unknown companies. On the cards you acknowledge requests and log time. ' +
  'The queue, customers, hours, statements, knowledge base and absences are in the "Übersicht" tab.';

describe('consultant messages in the registered chat through /api/messages', () => {
  let harness: DeskHarness;

  before(async () => {
    harness = await startDeskHarness('2026-12-07T09:00:00+01:00');
  });

  after(async () => {
    await harness.stop();
  });

  it('registers once, then answers with help', async () => {
    const chat = personalChat(consultant);

    assert.equal((await sendMessage(harness, chat, 'Hallo')).activity.text, REGISTERED_DE);
    assert.equal((await sendMessage(harness, chat, 'Hallo')).activity.text, HELP_DE);
    assert.equal((await sendMessage(harness, chat, 'Was kann ich hier tun?')).activity.text, HELP_DE);
  });

  it('registers a new chat again', async () => {
    const first = personalChat(consultant);
    const second = personalChat(consultant);

    assert.equal((await sendMessage(harness, first, 'Hallo')).activity.text, REGISTERED_DE);
    assert.equal((await sendMessage(harness, second, 'Hallo')).activity.text, REGISTERED_DE);
    assert.equal((await sendMessage(harness, second, 'Hallo')).activity.text, HELP_DE);
  });

  it('answers help in the chat locale', async () => {
    const chat = personalChat(consultant, 'en-US');

    assert.equal((await sendMessage(harness, chat, 'Hello')).activity.text, REGISTERED_EN);
    assert.equal((await sendMessage(harness, chat, 'Hello')).activity.text, HELP_EN);
  });
});
