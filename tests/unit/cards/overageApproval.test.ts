import assert from 'node:assert/strict';

import { renderOverageApprovalCard } from '../../../src/bot/cards/overageApproval.js';
import { isOverageDecisionData, parseMinutesInput } from '../../../src/bot/cards/verbs.js';
import { findPlan } from '../../../src/domain/catalog.js';
import { parseHoursInput } from '../../../src/domain/hours/hoursInput.js';
import type { OverageApprovalView } from '../../../src/services/overageApprovalService.js';
import { cardTexts } from '../../support/deskHarness.js';
import { loadCatalog, ZONE } from './cardQueries.js';

function view(overrides: Partial<OverageApprovalView['approval']> = {}): OverageApprovalView {
  const plan = findPlan(loadCatalog(), 'gold');
  return {
    approval: { customerId: 'fabrikam', month: '2026-12', id: 'a1', minutes: 90, decision: 'pending', request: 'HD-2026-0042', requestedBy: 'Sebastian Krüger', ...overrides },
    customer: { id: 'fabrikam', name: 'Fabrikam Logistik GmbH', planId: 'gold', tenantId: 't', contractStart: '2026-01-01' },
    plan,
    requestTitle: 'Exchange migration takes longer',
    rateCents: plan.extraHourCents,
    amountCents: 19350,
    approverUserIds: ['29:jana-becker'],
  };
}

describe('overage approval card', () => {
  it('pending card has actions and refresh', () => {
    const card = renderOverageApprovalCard({ view: view(), lang: 'en', zone: ZONE, audience: 'approver' });

    const texts = cardTexts(card);
    assert.ok(texts.includes('Hours 1.5 (1 h 30 min)'), texts.join(' | '));
    assert.ok(texts.includes('Amount (net) €193.50'), texts.join(' | '));
    assert.ok(texts.includes('Request HD-2026-0042 – Exchange migration takes longer'), texts.join(' | '));
    assert.deepEqual(card.actions?.map((action) => action.verb), ['overage.approve', 'overage.decline']);
    assert.deepEqual(card.refresh, {
      action: { type: 'Action.Execute', verb: 'overage.refresh', data: { customerId: 'fabrikam', month: '2026-12', approvalId: 'a1' } },
      userIds: ['29:jana-becker'],
    });
  });

  it('billing month shows month name and year', () => {
    const german = cardTexts(renderOverageApprovalCard({ view: view(), lang: 'de', zone: ZONE, audience: 'approver' }));
    const english = cardTexts(renderOverageApprovalCard({ view: view(), lang: 'en', zone: ZONE, audience: 'approver' }));

    assert.ok(german.includes('Abrechnungsmonat Dezember 2026'), german.join(' | '));
    assert.ok(english.includes('Billing month December 2026'), english.join(' | '));
    assert.ok(!german.some((text) => text.includes('2026-12')), 'no ISO month on the card');
  });

  it('decided card shows who and when', () => {
    const decided = view({ decision: 'declined', decidedBy: 'Petra Klein', decidedAt: '2026-12-07T10:00:00.000Z' });
    const card = renderOverageApprovalCard({ view: decided, lang: 'de', zone: ZONE, audience: 'approver' });

    assert.ok(cardTexts(card).includes('Abgelehnt von Petra Klein am Montag, 07.12.2026, 11:00 Uhr'), cardTexts(card).join(' | '));
    assert.deepEqual(card.actions, []);
    assert.equal(card.refresh, undefined);
  });

  it('consultant copy has no actions', () => {
    const card = renderOverageApprovalCard({ view: view(), lang: 'de', zone: ZONE, audience: 'consultant' });

    assert.equal(cardTexts(card)[0], 'Entscheidung über Mehrstunden von Fabrikam Logistik GmbH');
    assert.deepEqual(card.actions, []);
    assert.equal(card.refresh, undefined);
  });
});

describe('card input parsing', () => {
  it('hours become whole minutes', () => {
    assert.equal(parseHoursInput('2'), 120);
    assert.equal(parseHoursInput('1,5'), 90);
    assert.equal(parseHoursInput(' 0.25 '), 15);
    assert.equal(parseHoursInput(1.5), 90);
    assert.equal(parseHoursInput('0,01'), undefined);
    assert.equal(parseHoursInput('-1'), undefined);
    assert.equal(parseHoursInput('zwei'), undefined);
    assert.equal(parseHoursInput(undefined), undefined);
  });

  it('minutes must be whole numbers', () => {
    assert.equal(parseMinutesInput('45'), 45);
    assert.equal(parseMinutesInput(45), 45);
    assert.equal(parseMinutesInput('45.5'), undefined);
    assert.equal(parseMinutesInput(-3), undefined);
    assert.equal(parseMinutesInput(''), undefined);
  });

  it('approval data needs month and id', () => {
    assert.equal(isOverageDecisionData({ customerId: 'fabrikam', month: '2026-12', approvalId: 'a1' }), true);
    assert.equal(isOverageDecisionData({ customerId: 'fabrikam', month: '2026-13', approvalId: 'a1' }), false);
    assert.equal(isOverageDecisionData({ customerId: 'fabrikam', month: '2026-12', approvalId: 'a/1' }), false);
    assert.equal(isOverageDecisionData({ customerId: '', month: '2026-12', approvalId: 'a1' }), false);
  });
});
