import assert from 'node:assert/strict';
import { OverageApprovalRepository } from '../../../src/storage/overageApprovals.js';
import { TimeEntryRepository } from '../../../src/storage/timeEntries.js';
import { cardOf, cardTexts, consultant, enterpriseContact, goldContact, startDeskHarness, type DeskHarness } from '../../support/deskHarness.js';
import { assertShows } from '../../support/requestSteps.js';
import { actionExecuteActivity, messageActivity, personalChat, type TeamsUser } from '../../support/teamsActivity.js';

/** Miriam Schulz, approver at the Enterprise Partner customer Northwind. */
const miriam = enterpriseContact;

describe('hours card through /api/messages', function () {
  this.timeout(20_000);
  let harness: DeskHarness;

  before(async () => {
    harness = await startDeskHarness('2026-12-14T10:00:00+01:00');
  });

  after(async () => {
    await harness.stop();
  });

  async function ask(user: TeamsUser, text: string) {
    const chat = personalChat(user);
    await harness.post(messageActivity(chat, harness.connector.url, text));
    const reply = harness.connector.sentTo(chat.conversationId).at(-1);
    assert.ok(reply, 'the bot answered');
    return cardOf(reply.activity);
  }

  it('shows used, overage and unapproved hours', async () => {
    const base = { customerId: 'fabrikam', month: '2026-12', createdBy: 'test', createdAt: '2026-12-01T08:00:00.000Z', version: 1 };
    await new TimeEntryRepository(harness.storage.tables).insertAll([
      { ...base, id: '20261201T080000Z-a1', type: 'support', minutes: 600, start: '2026-12-01T08:00:00.000Z' },
      { ...base, id: '20261202T080000Z-a2', type: 'project', minutes: 25, start: '2026-12-02T08:00:00.000Z' },
    ]);
    await new OverageApprovalRepository(harness.storage.tables).create({
      customerId: 'fabrikam',
      month: '2026-12',
      id: 'approved-hour',
      minutes: 60,
      decision: 'approved',
      decidedBy: 'Jana Becker',
      decidedAt: '2026-12-03T09:00:00.000Z',
    });

    const card = await ask(goldContact, 'Stunden');

    const texts = cardTexts(card);
    assertShows(texts, 'Ihr Stundenkontingent');
    assertShows(texts, 'Zeitraum 01.12.2026 bis 31.12.2026');
    assertShows(texts, 'Paket Gold Hotline');
    assertShows(texts, 'Inklusive im Monat 8 Std.');
    assertShows(texts, 'Verbraucht gesamt 10 Std.');
    assertShows(texts, 'davon aus dem Kontingent 8 Std. / 8 Std.');
    assertShows(texts, 'Mehrstunden 2 Std.');
    assertShows(texts, 'Verbleibend 0 Min.');
    assertShows(texts, 'Freigegebene Mehrstunden übrig 0 Min.');
    assertShows(texts, 'Mehrstunden ohne Freigabe 1 Std.');
    assertShows(texts, 'Support 10 Std.');
    assertShows(texts, 'Projektarbeit (nicht aus dem Kontingent) 30 Min.');
    assertShows(texts, '125 % verbraucht');
    assertShows(
      texts,
      'Mehrstunden ohne Freigabe werden nicht berechnet. Ihr Berater bittet die freigebenden Personen Ihres Unternehmens ' +
        'mit einer eigenen Karte um die Freigabe.',
    );
    assert.ok(!texts.some((text) => /bis Sie sie freigeben/.test(text)), 'the contact cannot approve from the hours card');
    assert.equal(card.actions, undefined, 'the hours card has no approve action');
    assertShows(texts, 'Jeder Zeiteintrag wird auf 15 Minuten aufgerundet.');
    assert.ok(!texts.some((text) => text.startsWith('Übertrag')), 'hotline plans show no rolled-over lot');

    const bar = card.body.find((element: any) => element.type === 'ColumnSet');
    assert.deepEqual(
      bar.columns.map((column: any) => [column.width, column.style]),
      [
        [480, 'attention'],
        [120, 'attention'],
      ],
    );
  });

  it('shows the rolled-over lot on partner plans', async () => {
    const card = await ask(miriam, 'Kontingent');

    const texts = cardTexts(card);
    assertShows(texts, 'Paket Enterprise Partner');
    assertShows(texts, 'Inklusive im Monat 50 Std.');
    // The lot rolled over from November is usable in December only.
    assertShows(texts, 'Übertrag aus dem Vormonat 15 Std., gültig bis 31.12.2026');
    assertShows(texts, 'Verbraucht gesamt 0 Min.');
    assertShows(texts, 'davon aus dem Kontingent 0 Min. / 65 Std.');
    assertShows(texts, 'Verbleibend 65 Std.');
    assertShows(texts, '0 % verbraucht');
    const bar = card.body.find((element: any) => element.type === 'ColumnSet');
    assert.deepEqual(bar.columns.map((column: any) => [column.width, column.style]), [[3900, 'emphasis']]);
  });

  it('welcome card button shows the hours card', async () => {
    const chat = personalChat(goldContact);
    await harness.post(messageActivity(chat, harness.connector.url, 'Hallo'));
    const welcome = harness.connector.sentTo(chat.conversationId).at(-1)!;
    const button = cardOf(welcome.activity).actions.find((action: any) => action.verb === 'hours.show');
    assert.ok(button, 'the welcome card has an hours button');
    assert.equal(button.title, 'Stunden');

    const { status, body } = await harness.post(
      actionExecuteActivity(chat, harness.connector.url, welcome.assignedId, button.verb, button.data ?? {}),
    );

    assert.equal(status, 200);
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    const typed = await ask(goldContact, 'Stunden');
    assert.deepEqual(cardTexts(body.value), cardTexts(typed));
    assertShows(cardTexts(body.value), 'Ihr Stundenkontingent');
    assertShows(cardTexts(body.value), 'Paket Gold Hotline');
  });

  it('hours button is refused for the consultant', async () => {
    const chat = personalChat(consultant);
    const { body } = await harness.post(actionExecuteActivity(chat, harness.connector.url, 'welcome-card', 'hours.show', {}));

    assert.equal(body.type, 'application/vnd.microsoft.activity.message');
    assert.ok(!JSON.stringify(body).includes('Stundenkontingent'), 'no hours card for the consultant');
  });
});
