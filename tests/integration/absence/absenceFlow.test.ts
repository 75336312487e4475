import assert from 'node:assert/strict';

import { loadBusiness } from '../../../src/businessSetup.js';
import type { Absence } from '../../../src/domain/absence.js';
import { AbsenceService } from '../../../src/services/absenceService.js';
import { RequestService } from '../../../src/services/requestService.js';
import { AbsenceRepository } from '../../../src/storage/absences.js';
import { CounterRepository } from '../../../src/storage/counters.js';
import { CustomerRepository } from '../../../src/storage/customers.js';
import { RequestRepository } from '../../../src/storage/requests.js';
import {
  cardOf,
  cardTexts,
  consultant,
  findById,
  goldContact,
  startDeskHarness,
  type DeskHarness,
} from '../../support/deskHarness.js';
import { clickAction } from '../../support/requestSteps.js';
import { installActivity, messageActivity, personalChat, type PersonalChat } from '../../support/teamsActivity.js';

/** Tuesday 2026-12-22, 09:00 in Berlin: inside the Christmas vacation and inside Gold's service hours. */
const TUESDAY_IN_VACATION = '2026-12-22T09:00:00+01:00';

const NOTICE_WITH_SUBSTITUTE =
  'Der Berater ist zurzeit abwesend und ab Montag, 04.01.2027 wieder für Sie da. ' +
  'Sie können Ihre Anfrage trotzdem schon jetzt senden. Die garantierte Rückrufzeit beginnt erst nach der Rückkehr. ' +
  'In Notfällen erreichen Sie die Vertretung Petra Lang unter +49 171 5550123.';

describe('absence in the request flow', () => {
  let harness: DeskHarness;
  let absences: AbsenceService;
  let requests: RequestRepository;
  let added: Absence[];

  before(async () => {
    harness = await startDeskHarness(TUESDAY_IN_VACATION);
    absences = new AbsenceService(new AbsenceRepository(harness.storage.tables), 'Europe/Berlin', harness.clock);
    requests = new RequestRepository(harness.storage.tables);
    await harness.post(installActivity(personalChat(consultant), harness.connector.url));
  });

  after(async () => {
    await harness.stop();
  });

  beforeEach(() => {
    harness.clock.set(TUESDAY_IN_VACATION);
    harness.connector.clear();
    added = [];
  });

  afterEach(async () => {
    for (const absence of added) await absences.remove(absence.id);
  });

  /** Enters the Christmas vacation 2026-12-21 to 2027-01-03 as the consultant does on the command line. */
  async function addChristmas(withSubstitute = true) {
    const substitute = withSubstitute ? { name: 'Petra Lang', phone: '+49 171 5550123' } : undefined;
    const absence = await absences.add({ from: '2026-12-21', to: '2027-01-03', note: 'Weihnachtsurlaub', substitute });
    added.push(absence);
    return absence;
  }

  /** Sends a message as the contact and returns everything the bot sent to that chat, in order. */
  async function say(chat: PersonalChat, text: string) {
    const { status } = await harness.post(messageActivity(chat, harness.connector.url, text));
    assert.equal(status, 200);
    return harness.connector.sentTo(chat.conversationId);
  }

  const click = (chat: PersonalChat, cardActivityId: string, verb: string, data: Record<string, unknown>) =>
    clickAction(harness, chat, cardActivityId, verb, data);

  it('typed problem gets the notice before the form', async () => {
    await addChristmas();

    const sent = await say(personalChat(goldContact), 'Outlook synchronisiert nicht');

    assert.equal(sent.length, 2);
    assert.equal(sent[0]?.activity.text, NOTICE_WITH_SUBSTITUTE);
    assert.equal(cardOf(sent[0]?.activity), undefined);
    assert.equal(findById(cardOf(sent[1]?.activity), 'description').value, 'Outlook synchronisiert nicht');
    assert.equal(findById(cardOf(sent[1]?.activity), 'notice'), undefined);
  });

  it('Gold request in the vacation is due after it', async () => {
    await addChristmas();
    const chat = personalChat(goldContact);
    const [, form] = await say(chat, 'Outlook synchronisiert nicht');

    const response = await click(chat, form!.assignedId, 'request.submit', {
      description: 'Outlook synchronisiert nicht',
      urgency: 'normal',
      callbackPhone: '+49 211 5550101',
      callbackChannel: 'phone',
    });

    assert.ok(cardTexts(response.value).includes('Rückruf spätestens Montag, 04.01.2027, 08:00 Uhr'));
    const stored = await requests.get('fabrikam', requestNumberOf(response.value));
    assert.equal(stored?.request.openedAt, '2026-12-22T09:00:00+01:00');
    assert.equal(stored?.request.deadline, '2027-01-04T08:00:00+01:00');
    assert.equal(stored?.request.atRiskAt, '2027-01-04T07:45:00+01:00');
    assert.equal(stored?.request.guaranteeMinutes, 60);
    assert.equal(stored?.request.emergency, false);
  });

  it('welcome button shows the notice inside the form', async () => {
    await addChristmas();
    const chat = personalChat(goldContact);
    const [welcome] = await say(chat, 'Hallo');

    const response = await click(chat, welcome!.assignedId, 'request.form', {});

    assert.equal(response.type, 'application/vnd.microsoft.card.adaptive');
    assert.equal(findById(response.value, 'notice').text, NOTICE_WITH_SUBSTITUTE);
    assert.equal(harness.connector.sentTo(chat.conversationId).length, 1);
  });

  it('greeting shows the welcome card alone', async () => {
    await addChristmas();

    const sent = await say(personalChat(goldContact), 'Hallo');

    assert.equal(sent.length, 1);
    assert.ok(cardOf(sent[0]?.activity));
  });

  it('without substitute the notice names the emergency line', async () => {
    await addChristmas(false);

    const [notice] = await say(personalChat(goldContact), 'Neue Anfrage');

    assert.match(notice?.activity.text, / In Notfällen erreichen Sie weiterhin die 24\/7-Notfall-Hotline unter \+49 171 5550199\.$/);
  });

  it('English contact reads the English notice', async () => {
    await addChristmas();
    const newcomer = { ...goldContact, id: '29:new-colleague', name: 'Sam Taylor', aadObjectId: '11111111-2222-4333-8444-555555555555' };

    const [notice] = await say(personalChat(newcomer, 'en-US'), 'New request');

    assert.match(notice?.activity.text, /^The consultant is away at the moment and back for you on Monday, 4 January 2027\./);
  });

  it('after the vacation no notice is sent', async () => {
    await addChristmas();
    harness.clock.set('2027-01-04T00:00:00+01:00');

    const sent = await say(personalChat(goldContact), 'Outlook synchronisiert nicht');

    assert.equal(sent.length, 1);
    assert.ok(findById(cardOf(sent[0]?.activity), 'description'));
  });

  it('emergency card in the vacation keeps two hours', async () => {
    await addChristmas();
    const chat = personalChat(goldContact);
    const [welcome] = await say(chat, 'Hallo');
    await click(chat, welcome!.assignedId, 'emergency.start', {});

    const response = await click(chat, welcome!.assignedId, 'emergency.confirm', {
      description: 'Server ausgefallen, niemand kann arbeiten',
      callbackPhone: '+49 211 5550101',
    });

    assert.ok(cardTexts(response.value).includes('Rückruf spätestens Dienstag, 22.12.2026, 11:00 Uhr'));
    const stored = await requests.get('fabrikam', requestNumberOf(response.value));
    assert.equal(stored?.request.emergency, true);
    assert.equal(stored?.request.openedAt, '2026-12-22T09:00:00+01:00');
    assert.equal(stored?.request.deadline, '2026-12-22T11:00:00+01:00');
    assert.equal(stored?.request.guaranteeMinutes, 120);
  });

  it('emergency in the vacation keeps its two hours', async () => {
    await addChristmas();
    const customers = new CustomerRepository(harness.storage.tables);
    const customer = await customers.findByTenant(goldContact.tenantId);
    assert.ok(customer);
    const contact = await customers.getContact(customer.id, goldContact.aadObjectId);
    assert.ok(contact);
    const { catalog, calendar } = loadBusiness(harness.config.business);
    const service = new RequestService(requests, new CounterRepository(harness.storage.tables), catalog, calendar, harness.clock, absences);
    const input = { description: 'Server ausgefallen', urgency: 'high' as const, callbackChannel: 'phone' as const };

    const emergency = await service.open({ customer, contact, input, channel: 'teams', emergency: true });
    const normal = await service.open({ customer, contact, input, channel: 'teams', emergency: false });

    assert.equal(emergency.deadline, '2026-12-22T11:00:00+01:00');
    assert.equal(emergency.atRiskAt, '2026-12-22T10:30:00+01:00');
    assert.equal(emergency.guaranteeMinutes, 120);
    assert.equal((await requests.get('fabrikam', emergency.number))?.request.deadline, '2026-12-22T11:00:00+01:00');
    assert.equal(normal.deadline, '2027-01-04T08:00:00+01:00');
  });
});

/** Reads the request number, e.g. "HD-2026-0001", from the requester's card. */
function requestNumberOf(card: unknown): string {
  const match = /HD-\d{4}-\d{4,}/.exec(cardTexts(card).join('\n'));
  assert.ok(match, `no request number in ${JSON.stringify(cardTexts(card))}`);
  return match[0];
}
