import assert from 'node:assert/strict';

import { renderHoursCard } from '../../../src/bot/cards/hours.js';
import { findPlan } from '../../../src/domain/catalog.js';
import type { Language } from '../../../src/domain/customer.js';
import { computeMonthStatement, type MonthStatementInput } from '../../../src/domain/hours/index.js';
import { factsOf, hasUnboundExpression, loadCatalog, textBlocksOf, ZONE } from './cardQueries.js';

describe('renderHoursCard', () => {
  const catalog = loadCatalog();
  const render = (
    input: Pick<MonthStatementInput, 'planId' | 'month' | 'entries' | 'rolloverInMinutes'> & Partial<Pick<MonthStatementInput, 'approvals'>>,
    lang: Language,
  ) =>
    renderHoursCard({
      lang,
      customerName: 'Northwind Energie AG',
      plan: findPlan(catalog, input.planId),
      statement: { customerId: 'northwind', ...computeMonthStatement({ catalog, approvals: [], ...input }) },
      zone: ZONE,
    });

  // Gold includes 8 hours: 540 support minutes are 480 from the included hours and 60 beyond, with 90 approved.
  const goldWithOverage = {
    planId: 'gold',
    month: '2026-12',
    entries: [{ type: 'support', minutes: 540 }],
    rolloverInMinutes: 0,
    approvals: [{ minutes: 90, decision: 'approved' }],
  } as const;

  it('used hours split into total, included and overage', () => {
    const facts = factsOf(render(goldWithOverage, 'de'));

    assert.equal(facts.get('Verbraucht gesamt'), '9 Std.');
    assert.equal(facts.get('davon aus dem Kontingent'), '8 Std. / 8 Std.');
    assert.equal(facts.get('Mehrstunden'), '1 Std.');
    assert.equal(facts.get('Verbleibend'), '0 Min.');
    assert.equal(facts.get('Freigegebene Mehrstunden übrig'), '30 Min.');
    assert.equal(facts.get('Mehrstunden ohne Freigabe'), '0 Min.');
    assert.equal(facts.get('Support'), '9 Std.');
    assert.equal(facts.has('Verbraucht'), false);
  });

  it('used hours in English use the same split', () => {
    const facts = factsOf(render(goldWithOverage, 'en'));

    assert.equal(facts.get('Used in total'), '9 h');
    assert.equal(facts.get('of which from the included hours'), '8 h / 8 h');
    assert.equal(facts.get('Extra hours'), '1 h');
  });

  it('rolled-over lot is valid until the month end', () => {
    const card = render({ planId: 'enterprise', month: '2026-12', entries: [], rolloverInMinutes: 900 }, 'de');

    assert.equal(hasUnboundExpression(card), false);
    assert.equal(factsOf(card).get('Übertrag aus dem Vormonat'), '15 Std., gültig bis 31.12.2026');
  });

  it('rolled-over lot in English names the last day', () => {
    const card = render({ planId: 'enterprise', month: '2027-02', entries: [], rolloverInMinutes: 90 }, 'en');

    assert.match(factsOf(card).get('Rolled over from last month') ?? '', /^1 h 30 min, valid until 28\/02\/2027$/);
  });

  it('empty rolled-over lot names no validity', () => {
    const card = render({ planId: 'enterprise', month: '2026-12', entries: [], rolloverInMinutes: 0 }, 'de');

    assert.equal(factsOf(card).get('Übertrag aus dem Vormonat'), '0 Min.');
  });

  it('unapproved overage hint points to the approvers', () => {
    const card = render({ planId: 'gold', month: '2026-12', entries: [{ type: 'support', minutes: 540 }], rolloverInMinutes: 0 }, 'de');

    const hint = textBlocksOf(card).find((text) => text.startsWith('Mehrstunden ohne Freigabe werden nicht berechnet.'));
    assert.equal(
      hint,
      'Mehrstunden ohne Freigabe werden nicht berechnet. Ihr Berater bittet die freigebenden Personen Ihres Unternehmens ' +
        'mit einer eigenen Karte um die Freigabe.',
    );
    assert.equal(card.actions, undefined);
  });

  it('unapproved overage hint in English names no approval here', () => {
    const card = render({ planId: 'gold', month: '2026-12', entries: [{ type: 'support', minutes: 540 }], rolloverInMinutes: 0 }, 'en');

    const hint = textBlocksOf(card).find((text) => text.startsWith('Extra hours without approval'));
    assert.equal(hint, 'Extra hours without approval are not billed. Your consultant asks the approvers of your organisation for approval with a separate card.');
    assert.doesNotMatch(hint ?? '', /until you approve/);
  });
});
