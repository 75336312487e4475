import assert from 'node:assert/strict';
import { cardOf, cardTexts, consultant, goldContact, startDeskHarness, type DeskHarness } from '../../support/deskHarness.js';
import { actionExecuteActivity, installActivity, messageActivity, personalChat, type PersonalChat } from '../../support/teamsActivity.js';
import { deskEnvironment, runDesk } from '../hours/deskCli.js';

/** Calls {@link deskEnvironment} when the root hooks' Azurite is visible to this module, else builds the same variables. */
function deskEnvironmentOf(tablePrefix: string): NodeJS.ProcessEnv {
  try {
    return deskEnvironment(tablePrefix);
  } catch {
    return { ...process.env, DESK_TABLE_PREFIX: tablePrefix, DESK_TIME_ZONE: '', DESK_CATALOG_PATH: '', DESK_HOLIDAY_REGION: '' };
  }
}

describe('desk overage request and desk time add with the running bot', function () {
  this.timeout(60_000);
  let harness: DeskHarness;
  let consultantChat: PersonalChat;
  let janaChat: PersonalChat;
  let number: string;

  before(async () => {
    harness = await startDeskHarness('2026-12-07T09:00:00+01:00');
    consultantChat = personalChat(consultant);
    janaChat = personalChat(goldContact);
    await harness.post(installActivity(consultantChat, harness.connector.url));

    await harness.post(messageActivity(janaChat, harness.connector.url, 'Netzlaufwerke fehlen'));
    const form = harness.connector.sentTo(janaChat.conversationId).at(-1)!;
    const { body } = await harness.post(
      actionExecuteActivity(janaChat, harness.connector.url, form.assignedId, 'request.submit', {
        description: 'Netzlaufwerke fehlen',
        urgency: 'normal',
        callbackPhone: '+49 211 5550101',
        callbackChannel: 'phone',
      }),
    );
    number = /HD-\d{4}-\d{4}/.exec(JSON.stringify(body.value))![0];
  });

  after(async () => {
    await harness.stop();
  });

  /** The `desk` environment on the harness's tables; the connection string is the one the harness uses. */
  const env = () => ({
    ...deskEnvironmentOf(harness.config.storage.tablePrefix ?? ''),
    AZURE_STORAGE_CONNECTION_STRING: harness.config.storage.connectionString,
    // The bot's clock, so `desk time add` accepts the entry at 08:00 that day.
    DESK_TEST_NOW: '2026-12-07T09:00:00+01:00',
  });

  it('overage request reaches approvers on the next tick', async () => {
    harness.connector.clear();
    const run = await runDesk(
      ['overage', 'request', '--customer', 'fabrikam', '--request', number, '--hours', '1,5', '--note', 'Mehr Laufwerke als gedacht', '--by', 'Sebastian Krüger'],
      env(),
    );

    assert.equal(run.status, 0, run.stderr);
    const printed = JSON.parse(run.stdout);
    assert.equal(printed.delivery, 'recorded');
    assert.equal(printed.approval.minutes, 90);
    assert.equal(printed.approval.decision, 'pending');
    assert.equal(printed.approval.note, 'Mehr Laufwerke als gedacht');
    assert.equal(harness.connector.sentTo(janaChat.conversationId).length, 0);

    await harness.desk.pendingDeliveries.tick();
    await harness.desk.pendingDeliveries.tick();

    const cards = harness.connector.sentTo(janaChat.conversationId).map((call) => cardTexts(cardOf(call.activity) ?? {}));
    assert.equal(cards.length, 1);
    assert.equal(cards[0]![0], 'Freigabe von Mehrstunden');
    assert.ok(cards[0]!.includes('Betrag (netto) 193,50\u00a0€'), cards[0]!.join(' | '));
  });

  it('overage request rejects bad input', async () => {
    const badHours = await runDesk(['overage', 'request', '--customer', 'fabrikam', '--request', number, '--hours', 'zwei'], env());
    assert.equal(badHours.status, 2);
    assert.match(badHours.stderr, /Invalid --hours "zwei"/);

    const unknownRequest = await runDesk(['overage', 'request', '--customer', 'fabrikam', '--request', 'HD-2026-9999', '--hours', '1'], env());
    assert.equal(unknownRequest.status, 1);
    assert.match(unknownRequest.stderr, /Request HD-2026-9999 of customer "fabrikam" not found; check --customer and --request/);

    const unknownCustomer = await runDesk(['overage', 'request', '--customer', 'nobody', '--request', number, '--hours', '1'], env());
    assert.equal(unknownCustomer.status, 1);
    assert.match(unknownCustomer.stderr, new RegExp(`Request ${number} of customer "nobody" not found`));
  });

  it('time add records the hours warning for the bot', async () => {
    harness.connector.clear();
    const run = await runDesk(
      ['time', 'add', '--customer', 'fabrikam', '--minutes', '400', '--type', 'support', '--start', '2026-12-07T08:00:00+01:00'],
      env(),
    );
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).crossedThresholdsPercent, [80]);
    assert.equal(harness.connector.calls.length, 0);

    await harness.desk.pendingDeliveries.tick();

    const titles = harness.connector.sentTo(consultantChat.conversationId).map((call) => cardTexts(cardOf(call.activity) ?? {})[0]);
    assert.deepEqual(titles, ['Fabrikam Logistik GmbH: 80 % des Kontingents erreicht']);
  });
});
