import assert from 'node:assert/strict';
import { CustomerRepository } from '../../../src/storage/customers.js';
import { OverageApprovalRepository, type StoredOverageApproval } from '../../../src/storage/overageApprovals.js';
import { cardOf, cardTexts, consultant, goldContact, type DeskHarness } from '../../support/deskHarness.js';
import {
  assertShows,
  CARD_RESPONSE,
  clickAction,
  MESSAGE_RESPONSE,
  openRequestForConsultant,
  resetDeskBetweenTests,
  startConsultantDesk,
} from '../../support/requestSteps.js';
import { actionExecuteActivity, messageActivity, personalChat, type PersonalChat, type TeamsUser } from '../../support/teamsActivity.js';

/** Monday 2026-12-07, 09:00 in Berlin. */
const MONDAY_MORNING = '2026-12-07T09:00:00+01:00';

/** Tobias Wagner, a Fabrikam contact without approval rights. */
const tobias: TeamsUser = {
  id: '29:tobias-wagner',
  name: 'Tobias Wagner',
  aadObjectId: '2c4e6a80-3d5f-4b71-8c9d-0e1f2a3b4c22',
  tenantId: goldContact.tenantId,
};

/** Petra Klein, a second Fabrikam approver added by one test. */
const petra: TeamsUser = {
  id: '29:petra-klein',
  name: 'Petra Klein',
  aadObjectId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
  tenantId: goldContact.tenantId,
};

/** Uwe Brandt at Litware, a Gold customer whose contacts are no approvers. */
const uwe: TeamsUser = {
  id: '29:uwe-brandt',
  name: 'Uwe Brandt',
  aadObjectId: '6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e',
  tenantId: '9c8d7e6f-5a4b-4c3d-8e2f-1a0b9c8d7e05',
};

describe('overage approval through /api/messages', function () {
  this.timeout(20_000);
  let harness: DeskHarness;
  let approvals: OverageApprovalRepository;
  let consultantChat: PersonalChat;
  let janaChat: PersonalChat;

  before(async () => {
    ({ harness, consultantChat } = await startConsultantDesk(MONDAY_MORNING));
    approvals = new OverageApprovalRepository(harness.storage.tables);
    janaChat = personalChat(goldContact);
    await new CustomerRepository(harness.storage.tables).create(
      { id: 'litware', name: 'Litware Maschinenbau GmbH', planId: 'gold', tenantId: uwe.tenantId, contractStart: '2026-01-01' },
      [{ customerId: 'litware', aadObjectId: uwe.aadObjectId, name: uwe.name, language: 'de', approver: false }],
    );
  });

  resetDeskBetweenTests(() => harness, MONDAY_MORNING);

  const click = (chat: PersonalChat, cardActivityId: string, verb: string, data: Record<string, unknown>) =>
    clickAction(harness, chat, cardActivityId, verb, data);

  /** Opens a request in the contact's chat and returns its number and the consultant card's activity id. */
  async function openCustomerRequest(chat: PersonalChat, customerId: string, description: string) {
    const { number, cardId } = await openRequestForConsultant(harness, chat, consultantChat, description);
    return { customerId, number, cardId };
  }

  /** Requests extra hours as the consultant and returns the invoke response and the stored approval. */
  async function requestHours(request: { customerId: string; number: string; cardId: string }, hours: string, note?: string) {
    const response = await click(consultantChat, request.cardId, 'overage.request', {
      customerId: request.customerId,
      number: request.number,
      hours,
      ...(note === undefined ? {} : { overageNote: note }),
    });
    const stored = (await approvals.listMonths(request.customerId, '2026-12', '2026-12')).filter((row) => row.request === request.number);
    return { response, approval: stored.at(-1) as StoredOverageApproval };
  }

  function approvalCardIn(chat: PersonalChat) {
    const call = harness.connector.sentTo(chat.conversationId).find((sent) => cardTexts(cardOf(sent.activity) ?? {})[0] === 'Freigabe von Mehrstunden');
    assert.ok(call, `no approval card in ${chat.conversationId}`);
    return { activityId: call.assignedId, card: cardOf(call.activity) };
  }

  function decisionCardsToConsultant(): string[] {
    return harness.connector
      .sentTo(consultantChat.conversationId)
      .map((call) => cardTexts(cardOf(call.activity) ?? {}))
      .filter((texts) => texts[0]?.startsWith('Entscheidung über Mehrstunden'))
      .map((texts) => texts[1] ?? '');
  }

  const keyOf = (approval: StoredOverageApproval) => ({ customerId: approval.customerId, month: approval.month, approvalId: approval.id });

  it('approval notifies the consultant', async () => {
    const request = await openCustomerRequest(janaChat, 'fabrikam', 'Exchange-Migration dauert länger');

    harness.clock.set('2026-12-07T09:30:00+01:00');
    const { response, approval } = await requestHours(request, '2,5', 'Postfächer größer als geplant');

    assert.equal(response.type, CARD_RESPONSE);
    assertShows(cardTexts(response.value), 'Mehrstunden angefragt (2 Std. 30 Min.). Die Freigabe-Karte ging an Jana Becker.');
    assert.equal(approval.minutes, 150);
    assert.equal(approval.decision, 'pending');
    assert.equal(approval.note, 'Postfächer größer als geplant');
    assert.equal(approval.requestedBy, consultant.name);

    const { activityId, card } = approvalCardIn(janaChat);
    const texts = cardTexts(card);
    assertShows(texts, `Anfrage ${request.number} – Exchange-Migration dauert länger`), texts.join(' | ');
    assertShows(texts, 'Stunden 2,5 (2 Std. 30 Min.)');
    assertShows(texts, 'Stundensatz (netto) 129,00\u00a0€');
    assertShows(texts, 'Betrag (netto) 322,50\u00a0€');
    assertShows(texts, 'Abrechnungsmonat Dezember 2026');
    assertShows(texts, 'Wartet auf Ihre Entscheidung');
    assert.deepEqual(card.actions.map((action: any) => action.verb), ['overage.approve', 'overage.decline']);
    assert.deepEqual(card.refresh.userIds, [goldContact.id]);
    assert.equal(card.refresh.action.verb, 'overage.refresh');

    harness.clock.set('2026-12-07T10:15:00+01:00');
    const decided = await click(janaChat, activityId, 'overage.approve', keyOf(approval));

    assert.equal(decided.type, CARD_RESPONSE);
    assertShows(cardTexts(decided.value), 'Genehmigt von Jana Becker am Montag, 07.12.2026, 10:15 Uhr');
    assert.equal(decided.value.actions.length, 0);
    assert.equal(decided.value.refresh, undefined);

    const stored = await approvals.get({ customerId: 'fabrikam', month: '2026-12', id: approval.id });
    assert.equal(stored?.decision, 'approved');
    assert.equal(stored?.decidedBy, 'Jana Becker');
    assert.equal(stored?.decidedAt, '2026-12-07T09:15:00.000Z');
    assert.deepEqual(decisionCardsToConsultant(), ['Genehmigt von Jana Becker am Montag, 07.12.2026, 10:15 Uhr']);
    // The invoke response replaces Jana's card, so teams-ai must not also replace it for everyone.
    assert.equal(harness.connector.updatesIn(janaChat.conversationId).length, 0);
  });

  it('refresh updates only the clicking user', async () => {
    const request = await openCustomerRequest(janaChat, 'fabrikam', 'Intune-Richtlinien überarbeiten');
    const { approval } = await requestHours(request, '1');
    const { activityId } = approvalCardIn(janaChat);

    const pending = await click(janaChat, activityId, 'overage.refresh', keyOf(approval));
    assert.equal(pending.type, CARD_RESPONSE);
    assertShows(cardTexts(pending.value), 'Wartet auf Ihre Entscheidung');
    assert.deepEqual(pending.value.refresh.userIds, [goldContact.id]);
    assert.equal(harness.connector.updatesIn(janaChat.conversationId).length, 0);

    await click(janaChat, activityId, 'overage.decline', keyOf(approval));
    const decided = await click(janaChat, activityId, 'overage.refresh', keyOf(approval));
    assertShows(cardTexts(decided.value), 'Abgelehnt von Jana Becker am Montag, 07.12.2026, 09:00 Uhr');
    assert.equal((await approvals.get({ ...approval }))?.decision, 'declined');
  });

  it('late second approver changes nothing', async () => {
    await new CustomerRepository(harness.storage.tables).addContact({
      customerId: 'fabrikam',
      aadObjectId: petra.aadObjectId,
      name: petra.name,
      language: 'de',
      approver: true,
    });
    const petraChat = personalChat(petra);
    await harness.post(messageActivity(petraChat, harness.connector.url, 'Hallo'));

    const request = await openCustomerRequest(janaChat, 'fabrikam', 'Firewall-Regeln für Außenlager');
    const { response, approval } = await requestHours(request, '3');
    assertShows(cardTexts(response.value), 'Mehrstunden angefragt (3 Std.). Die Freigabe-Karte ging an Jana Becker und Petra Klein.');

    const petraCard = approvalCardIn(petraChat);
    const janaCard = approvalCardIn(janaChat);
    assert.deepEqual([...petraCard.card.refresh.userIds].sort(), [goldContact.id, petra.id].sort());

    harness.clock.set('2026-12-07T11:00:00+01:00');
    const declined = await click(petraChat, petraCard.activityId, 'overage.decline', keyOf(approval));
    assertShows(cardTexts(declined.value), 'Abgelehnt von Petra Klein am Montag, 07.12.2026, 11:00 Uhr');

    // Jana's copy was updated in place.
    const updates = harness.connector.updatesIn(janaChat.conversationId);
    assert.equal(updates.length, 1);
    assert.equal(updates[0]!.activityId, janaCard.activityId);
    assertShows(cardTexts(cardOf(updates[0]!.activity)), 'Abgelehnt von Petra Klein am Montag, 07.12.2026, 11:00 Uhr');
    assert.equal(cardOf(updates[0]!.activity).actions.length, 0);

    harness.clock.set('2026-12-07T11:05:00+01:00');
    const late = await click(janaChat, janaCard.activityId, 'overage.approve', keyOf(approval));
    assert.equal(late.type, CARD_RESPONSE);
    assertShows(cardTexts(late.value), 'Abgelehnt von Petra Klein am Montag, 07.12.2026, 11:00 Uhr');

    const stored = await approvals.get({ ...approval });
    assert.equal(stored?.decision, 'declined');
    assert.equal(stored?.decidedBy, 'Petra Klein');
    assert.deepEqual(decisionCardsToConsultant(), ['Abgelehnt von Petra Klein am Montag, 07.12.2026, 11:00 Uhr']);
  });

  it('non-approver decision is rejected', async () => {
    const request = await openCustomerRequest(janaChat, 'fabrikam', 'OneDrive synchronisiert nicht');
    const { approval } = await requestHours(request, '1');
    const { activityId } = approvalCardIn(janaChat);

    const response = await click(personalChat(tobias), activityId, 'overage.approve', keyOf(approval));

    assert.equal(response.type, MESSAGE_RESPONSE);
    assert.equal(
      response.value,
      'Nur die freigebenden Personen von Fabrikam Logistik GmbH können Mehrstunden genehmigen oder ablehnen. Es wurde nichts geändert.',
    );
    assert.equal((await approvals.get({ ...approval }))?.decision, 'pending');
    assert.deepEqual(decisionCardsToConsultant(), []);
  });

  it('duplicate invoke decides once', async () => {
    const request = await openCustomerRequest(janaChat, 'fabrikam', 'Backup-Job schlägt fehl');
    const { approval } = await requestHours(request, '1');
    const { activityId } = approvalCardIn(janaChat);
    const invoke = actionExecuteActivity(janaChat, harness.connector.url, activityId, 'overage.approve', keyOf(approval));

    harness.clock.set('2026-12-07T12:00:00+01:00');
    const first = await harness.post(invoke);
    harness.clock.set('2026-12-07T12:01:00+01:00');
    const second = await harness.post(invoke);

    for (const response of [first, second]) {
      assert.equal(response.body.type, CARD_RESPONSE);
      assertShows(cardTexts(response.body.value), 'Genehmigt von Jana Becker am Montag, 07.12.2026, 12:00 Uhr');
    }
    assert.equal((await approvals.get({ ...approval }))?.decidedAt, '2026-12-07T11:00:00.000Z');
    assert.equal(decisionCardsToConsultant().length, 1);
  });

  it('requester approves without listed approvers', async () => {
    const uweChat = personalChat(uwe);
    const request = await openCustomerRequest(uweChat, 'litware', 'Neue Mitarbeiter anlegen');

    const { response, approval } = await requestHours(request, '1,5');
    assertShows(cardTexts(response.value), 'Mehrstunden angefragt (1 Std. 30 Min.). Die Freigabe-Karte ging an Uwe Brandt.');

    const { activityId, card } = approvalCardIn(uweChat);
    assert.deepEqual(card.refresh.userIds, [uwe.id]);
    const decided = await click(uweChat, activityId, 'overage.approve', keyOf(approval));
    assertShows(cardTexts(decided.value), 'Genehmigt von Uwe Brandt am Montag, 07.12.2026, 09:00 Uhr');
    assert.equal((await approvals.get({ ...approval }))?.decision, 'approved');
  });

  it('other customer\'s approval is rejected', async () => {
    const uweChat = personalChat(uwe);
    const request = await openCustomerRequest(uweChat, 'litware', 'Drucker im Empfang');
    const { approval } = await requestHours(request, '2');

    // Jana is a Fabrikam approver, but the card data names Litware's approval.
    const response = await click(janaChat, 'activity-of-a-fabrikam-card', 'overage.approve', keyOf(approval));

    // The message names no customer of another tenant and does not reveal whether the approval exists.
    assert.equal(response.type, MESSAGE_RESPONSE);
    assert.equal(response.value, 'Diese Freigabe wurde nicht gefunden. Es wurde nichts geändert.');
    assert.equal((await approvals.get({ ...approval }))?.decision, 'pending');

    const refresh = await click(janaChat, 'activity-of-a-fabrikam-card', 'overage.refresh', keyOf(approval));
    assert.equal(refresh.value, 'Diese Freigabe wurde nicht gefunden. Es wurde nichts geändert.');
  });

  it('invalid hours store nothing', async () => {
    const request = await openCustomerRequest(janaChat, 'fabrikam', 'Lizenzen prüfen');
    for (const hours of ['0', 'zwei', '-1', '0,01']) {
      const { response, approval } = await requestHours(request, hours);
      assert.equal(response.type, MESSAGE_RESPONSE, hours);
      assert.ok(String(response.value).includes('ist keine gültige Stundenzahl'), String(response.value));
      assert.equal(approval, undefined);
    }
  });
});
