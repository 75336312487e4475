import assert from 'node:assert/strict';
import type { SupportRequest } from '../../../src/domain/request.js';
import { RequestRepository } from '../../../src/storage/requests.js';
import { cardOf, cardTexts, enterpriseContact, goldContact, type DeskHarness } from '../../support/deskHarness.js';
import { findNumber, openRequest, sendMessage, startConsultantDesk } from '../../support/requestSteps.js';
import { actionExecuteActivity, personalChat, type PersonalChat, type TeamsUser } from '../../support/teamsActivity.js';

/** Monday 2026-12-07, 09:00 in Berlin. */
const MONDAY_MORNING = '2026-12-07T09:00:00+01:00';

describe('status listing through /api/messages', () => {
  let harness: DeskHarness;
  let requests: RequestRepository;
  let consultantChat: PersonalChat;
  const opened = { fabrikam: [] as string[], northwind: [] as string[] };

  const say = (chat: PersonalChat, text: string) => sendMessage(harness, chat, text);

  /** Opens a request through the form at a given time and returns its number. */
  async function openRequestAt(user: TeamsUser, at: string, description: string): Promise<string> {
    harness.clock.set(at);
    const { response } = await openRequest(harness, personalChat(user), description, { callbackChannel: 'teams-chat' });
    return findNumber(response.value);
  }

  /** Asks for the status as the user and returns the texts of the status card. */
  async function status(user: TeamsUser, text = 'Status'): Promise<string[]> {
    const reply = await say(personalChat(user), text);
    return cardTexts(cardOf(reply.activity));
  }

  before(async () => {
    ({ harness, consultantChat } = await startConsultantDesk(MONDAY_MORNING));
    requests = new RequestRepository(harness.storage.tables);

    opened.fabrikam.push(await openRequestAt(goldContact, '2026-12-07T09:00:00+01:00', 'Outlook startet nicht'));
    opened.northwind.push(await openRequestAt(enterpriseContact, '2026-12-07T09:10:00+01:00', 'VPN-Zertifikat abgelaufen'));
    opened.fabrikam.push(await openRequestAt(goldContact, '2026-12-07T09:20:00+01:00', 'Teams-Telefonie ohne Ton'));
    opened.northwind.push(await openRequestAt(enterpriseContact, '2026-12-07T09:30:00+01:00', 'Intune-Richtlinie greift nicht'));
    opened.fabrikam.push(await openRequestAt(goldContact, '2026-12-07T09:40:00+01:00', 'Freigegebenes Postfach fehlt'));
  });

  after(async () => {
    await harness.stop();
  });

  it('lists own open requests newest first', async () => {
    const texts = await status(goldContact);

    const [newest, middle, oldest] = [...opened.fabrikam].reverse();
    assert.deepEqual(texts, [
      'Offene Anfragen von Fabrikam Logistik GmbH',
      `${newest} · neu`,
      'Rückruf bis Montag, 07.12.2026, 10:40 Uhr',
      'Freigegebenes Postfach fehlt',
      `${middle} · neu`,
      'Rückruf bis Montag, 07.12.2026, 10:20 Uhr',
      'Teams-Telefonie ohne Ton',
      `${oldest} · neu`,
      'Rückruf bis Montag, 07.12.2026, 10:00 Uhr',
      'Outlook startet nicht',
    ]);
  });

  it('shows nothing of other customers', async () => {
    const fabrikam = (await status(goldContact)).join('\n');
    const northwind = (await status(enterpriseContact, 'Meine Anfragen')).join('\n');

    for (const number of opened.northwind) assert.equal(fabrikam.includes(number), false, number);
    for (const number of opened.fabrikam) assert.equal(northwind.includes(number), false, number);
    assert.equal(fabrikam.includes('VPN-Zertifikat'), false);
    assert.match(northwind, /^Offene Anfragen von Northwind Energie AG/);
    for (const number of opened.northwind) assert.match(northwind, new RegExp(number));
  });

  it('English phrase works too', async () => {
    const texts = await status(enterpriseContact, 'my requests');
    assert.equal(texts[0], 'Offene Anfragen von Northwind Energie AG');
  });

  it('resolved requests are not listed', async () => {
    const number = await openRequestAt(goldContact, '2026-12-07T09:50:00+01:00', 'Drucker offline');
    const consultantCardId = harness.connector.sentTo(consultantChat.conversationId).at(-1)!.assignedId;
    await harness.post(
      actionExecuteActivity(consultantChat, harness.connector.url, consultantCardId, 'request.setState', {
        customerId: 'fabrikam',
        number,
        state: 'resolved',
        solution: 'Druckertreiber aktualisiert.',
      }),
    );
    assert.equal((await requests.get('fabrikam', number))?.request.state, 'resolved');

    const texts = (await status(goldContact)).join('\n');

    assert.equal(texts.includes(number), false);
    for (const open of opened.fabrikam) assert.match(texts, new RegExp(open));
  });

  it('more than twenty shows a note', async () => {
    // 21 more Northwind requests stored directly, opened one minute apart after the two above.
    for (let index = 1; index <= 21; index += 1) {
      await requests.create(storedRequest(`HD-2026-${String(100 + index).padStart(4, '0')}`, index));
    }

    const texts = await status(enterpriseContact);

    const headings = texts.filter((text) => /^HD-\d{4}-\d{4} · /.test(text));
    assert.equal(headings.length, 20);
    assert.equal(headings[0], 'HD-2026-0121 · neu');
    assert.equal(headings[19], 'HD-2026-0102 · neu');
    assert.equal(texts.at(-1), 'Angezeigt werden die 20 neuesten von 23 offenen Anfragen.');
  });
});

/** Builds a Northwind request opened `minutes` after 10:00 on Monday, as the repository stores it. */
function storedRequest(number: string, minutes: number): SupportRequest {
  const openedAt = `2026-12-07T10:${String(minutes).padStart(2, '0')}:00+01:00`;
  return {
    number,
    customerId: 'northwind',
    planId: 'enterprise',
    emergency: false,
    description: `Anfrage ${minutes}`,
    urgency: 'normal',
    callbackChannel: 'phone',
    channel: 'phone',
    contactAadObjectId: enterpriseContact.aadObjectId,
    contactName: enterpriseContact.name,
    state: 'new',
    openedAt,
    deadline: '2026-12-07T12:00:00+01:00',
    guaranteeMinutes: 30,
  };
}
