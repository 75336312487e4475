import assert from 'node:assert/strict';
import { TimeEntryRepository } from '../../../src/storage/timeEntries.js';
import { goldContact, type DeskHarness } from '../../support/deskHarness.js';
import { CARD_RESPONSE, clickAction, findNumber, lastActivityId, openRequest, startConsultantDesk } from '../../support/requestSteps.js';
import { personalChat, type PersonalChat } from '../../support/teamsActivity.js';

/** Friday 2026-12-04, 23:30 in Berlin. */
const FRIDAY_NIGHT = '2026-12-04T23:30:00+01:00';

describe('start of a time entry logged from the consultant card', function () {
  this.timeout(30_000);
  let harness: DeskHarness;
  let timeEntries: TimeEntryRepository;
  let consultantChat: PersonalChat;

  before(async () => {
    ({ harness, consultantChat } = await startConsultantDesk(FRIDAY_NIGHT));
    timeEntries = new TimeEntryRepository(harness.storage.tables);
  });

  after(async () => {
    await harness.stop();
  });

  beforeEach(() => {
    harness.clock.set(FRIDAY_NIGHT);
    harness.connector.clear();
  });

  /** Opens a Fabrikam request at the harness clock and returns its number and the consultant card's activity id. */
  async function openFabrikamRequest(description: string) {
    const { response } = await openRequest(harness, personalChat(goldContact), description);
    return { number: findNumber(response.value), cardId: lastActivityId(harness, consultantChat) };
  }

  async function logSupportMinutes(number: string, cardId: string, minutes: number) {
    const response = await clickAction(harness, consultantChat, cardId, 'time.log', {
      customerId: 'fabrikam',
      number,
      minutes: String(minutes),
      type: 'support',
    });
    assert.equal(response.type, CARD_RESPONSE, JSON.stringify(response.value).slice(0, 300));
  }

  async function startsOf(number: string, month: string) {
    const all = await timeEntries.listMonths('fabrikam', month, month);
    return all.filter((entry) => entry.request === number).map((entry) => entry.start);
  }

  it('never starts before the request was opened', async () => {
    const { number, cardId } = await openFabrikamRequest('Server startet nach Update nicht');

    // Saturday 01:45: 400 minutes before would be Friday 19:05, before the request existed.
    harness.clock.set('2026-12-05T01:45:00+01:00');
    await logSupportMinutes(number, cardId, 400);

    assert.deepEqual(await startsOf(number, '2026-12'), [new Date(FRIDAY_NIGHT).toISOString()]);
  });

  it('never starts in the previous month', async () => {
    const { number, cardId } = await openFabrikamRequest('Mailserver nimmt keine Mails an');

    harness.clock.set('2027-01-01T00:10:00+01:00');
    await logSupportMinutes(number, cardId, 60);

    assert.deepEqual(await startsOf(number, '2026-12'), []);
    assert.deepEqual(await startsOf(number, '2027-01'), [new Date('2027-01-01T00:00:00+01:00').toISOString()]);
  });

  it('starts minutes before now otherwise', async () => {
    const { number, cardId } = await openFabrikamRequest('Scanner sendet keine PDFs');

    harness.clock.set('2026-12-05T01:45:00+01:00');
    await logSupportMinutes(number, cardId, 45);

    assert.deepEqual(await startsOf(number, '2026-12'), [new Date('2026-12-05T01:00:00+01:00').toISOString()]);
  });
});
