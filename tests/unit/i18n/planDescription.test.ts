import assert from 'node:assert/strict';

import { findPlan, type Plan } from '../../../src/domain/catalog.js';
import { describePlan } from '../../../src/i18n/planDescription.js';
import { loadCatalog } from '../cards/cardQueries.js';

const NBSP = '\u00a0';
const EMERGENCY_PHONE = '+49 221 9999999';

describe('describePlan', () => {
  const catalog = loadCatalog();
  const describeById = (planId: string, lang: 'de' | 'en') =>
    describePlan(findPlan(catalog, planId), catalog.emergencyLine, EMERGENCY_PHONE, lang);

  it('Gold in German', () => {
    const gold = describeById('gold', 'de');
    assert.equal(gold.planName, 'Gold Hotline');
    assert.equal(gold.callbackGuarantee, 'Rückruf innerhalb von 1 Std. während der Servicezeiten');
    assert.equal(gold.serviceHours, 'Mo–Fr 07:00–21:00, nicht an Feiertagen');
    assert.equal(gold.includedHours, '8 Std. pro Monat für Support');
    assert.equal(gold.rollover, undefined);
    assert.deepEqual(gold.bonuses, ['Check-in-Call (15 Min.), einmal pro Woche']);
  });

  it('Gold in English', () => {
    const gold = describeById('gold', 'en');
    assert.equal(gold.callbackGuarantee, 'Callback within 1 h during service hours');
    assert.equal(gold.serviceHours, 'Mon–Fri 07:00–21:00, not on public holidays');
    assert.equal(gold.includedHours, '8 h per month for support');
    assert.deepEqual(gold.bonuses, ['Check-in call (15 min), once a week']);
  });

  it('Enterprise states the weekend guarantee and window', () => {
    const enterprise = describeById('enterprise', 'de');
    assert.equal(
      enterprise.callbackGuarantee,
      'Rückruf innerhalb von 30 Min. an Werktagen und innerhalb von 2 Std. an Wochenenden und Feiertagen, ' +
        'jeweils während der Servicezeiten',
    );
    assert.equal(enterprise.serviceHours, 'Mo–Fr 08:00–18:00 sowie Sa, So und Feiertage 10:00–18:00');
    assert.equal(enterprise.includedHours, '50 Std. pro Monat für Support und Projektarbeit');
    assert.match(enterprise.rollover ?? '', /^Ungenutztes Kontingent bis zu 15 Std\./);
    assert.deepEqual(enterprise.bonuses, ['Roadmap-Review (1 Std. 30 Min.), einmal im Quartal']);
  });

  it('Enterprise in English', () => {
    const enterprise = describeById('enterprise', 'en');
    assert.match(enterprise.callbackGuarantee, /within 2 h on weekends and public holidays/);
    assert.equal(enterprise.serviceHours, 'Mon–Fri 08:00–18:00; Sat, Sun and public holidays 10:00–18:00');
  });

  it('Bronze has no bonus', () => {
    assert.deepEqual(describeById('bronze', 'de').bonuses, []);
  });

  it('emergency paragraph states phone, guarantee and cost', () => {
    const { emergency } = describeById('gold', 'de');
    assert.match(emergency, /24\/7-Notfall-Hotline unter \+49 221 9999999 an/);
    assert.match(emergency, /rund um die Uhr innerhalb von 2 Std\. einen Rückruf/);
    assert.ok(emergency.includes(`299,00${NBSP}€ Grundgebühr plus 199,00${NBSP}€ pro Stunde`), emergency);
    assert.match(emergency, /nicht von Ihrem Stundenkontingent abgezogen/);
  });

  it('emergency paragraph in English', () => {
    const { emergency } = describeById('gold', 'en');
    assert.match(emergency, /call the 24\/7 emergency line at \+49 221 9999999/);
    assert.match(emergency, /€299\.00 base fee plus €199\.00 per hour/);
    assert.match(emergency, /not taken from your included hours/);
  });

  it('takes every value from the plan data', () => {
    const gold = findPlan(catalog, 'gold');
    const edited: Plan = {
      ...gold,
      guarantee: { workingDayMinutes: 45, weekendMinutes: null },
      serviceWindows: { workingDay: { start: '06:30', end: '22:00' }, weekend: null },
      includedMinutes: 150,
    };
    const line = { ...catalog.emergencyLine, baseFeeCents: 35000 };
    const text = describePlan(edited, line, EMERGENCY_PHONE, 'de');
    assert.equal(text.callbackGuarantee, 'Rückruf innerhalb von 45 Min. während der Servicezeiten');
    assert.equal(text.serviceHours, 'Mo–Fr 06:30–22:00, nicht an Feiertagen');
    assert.equal(text.includedHours, '2 Std. 30 Min. pro Monat für Support');
    assert.ok(text.emergency.includes(`350,00${NBSP}€ Grundgebühr`), text.emergency);
  });
});
