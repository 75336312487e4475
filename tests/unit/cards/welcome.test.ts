import assert from 'node:assert/strict';

import { renderWelcomeCard } from '../../../src/bot/cards/welcome.js';
import { findPlan } from '../../../src/domain/catalog.js';
import type { Language } from '../../../src/domain/customer.js';
import { actionsOf, factsOf, hasUnboundExpression, loadCatalog, textBlocksOf, ZONE } from './cardQueries.js';

const NBSP = '\u00a0';

describe('renderWelcomeCard', () => {
  const catalog = loadCatalog();
  const render = (planId: string, lang: Language) =>
    renderWelcomeCard({
      lang,
      contactName: 'Anna Schmidt',
      customerName: 'Contoso GmbH',
      plan: findPlan(catalog, planId),
      emergencyLine: catalog.emergencyLine,
      emergencyPhone: '+49 221 9999999',
      zone: ZONE,
    });

  it('is an Adaptive Card 1.5 with every expression bound', () => {
    const card = render('gold', 'de');
    assert.equal(card.type, 'AdaptiveCard');
    assert.equal(card.version, '1.5');
    assert.equal(card.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
    assert.equal(hasUnboundExpression(card), false);
  });

  it('greets the contact and names the customer', () => {
    const texts = textBlocksOf(render('gold', 'de'));
    assert.equal(texts[0], 'Guten Tag, Anna Schmidt!');
    assert.match(texts[1] ?? '', /Microsoft-365-Support für Contoso GmbH/);
  });

  it('Gold facts in German', () => {
    const facts = factsOf(render('gold', 'de'));
    assert.equal(facts.get('Paket'), 'Gold Hotline');
    assert.match(facts.get('Rückrufgarantie') ?? '', /^Rückruf innerhalb von 1 Std\./);
    assert.match(facts.get('Servicezeiten') ?? '', /^Mo–Fr 07:00–21:00/);
    assert.match(facts.get('Stundenkontingent') ?? '', /^8 Std\. pro Monat/);
    assert.equal(facts.get('Bonus'), 'Check-in-Call (15 Min.), einmal pro Woche');
  });

  it('Gold names no weekend guarantee', () => {
    const facts = factsOf(render('gold', 'de'));
    assert.doesNotMatch(facts.get('Rückrufgarantie') ?? '', /Wochenende/);
    assert.doesNotMatch(facts.get('Servicezeiten') ?? '', /Sa, So/);
    assert.equal(facts.has('Übertrag'), false);
  });

  it('Gold facts in English', () => {
    const facts = factsOf(render('gold', 'en'));
    assert.equal(facts.get('Plan'), 'Gold Hotline');
    assert.match(facts.get('Callback guarantee') ?? '', /^Callback within 1 h/);
    assert.match(facts.get('Service hours') ?? '', /^Mon–Fri 07:00–21:00/);
    assert.match(facts.get('Included hours') ?? '', /^8 h per month/);
  });

  it('Enterprise shows the weekend guarantee', () => {
    const facts = factsOf(render('enterprise', 'de'));
    assert.match(facts.get('Rückrufgarantie') ?? '', /^Rückruf innerhalb von 30 Min\. an Werktagen/);
    assert.match(facts.get('Rückrufgarantie') ?? '', /2 Std\. an Wochenenden und Feiertagen/);
    assert.match(facts.get('Servicezeiten') ?? '', /Sa, So und Feiertage 10:00–18:00$/);
    assert.match(facts.get('Stundenkontingent') ?? '', /^50 Std\./);
    assert.match(facts.get('Übertrag') ?? '', /15 Std\./);
  });

  it('Bronze has no bonus fact', () => {
    assert.equal(factsOf(render('bronze', 'de')).has('Bonus'), false);
  });

  it('states the emergency line and its cost', () => {
    const texts = textBlocksOf(render('gold', 'de'));
    assert.ok(texts.includes('Im Notfall'));
    const emergency = texts.find((text) => text.startsWith('Bei einem Notfall')) ?? '';
    assert.match(emergency, /\+49 221 9999999/);
    assert.match(emergency, /rund um die Uhr innerhalb von 2 Std\./);
    assert.ok(emergency.includes(`299,00${NBSP}€ Grundgebühr plus 199,00${NBSP}€ pro Stunde`), emergency);
    assert.match(emergency, /nicht von Ihrem Stundenkontingent abgezogen/);
  });

  it('offers Neue Anfrage with verb request.form', () => {
    const actions = actionsOf(render('gold', 'de'));
    assert.equal(actions.length, 5);
    assert.equal(actions[0]?.type, 'Action.Execute');
    assert.equal(actions[0]?.title, 'Neue Anfrage');
    assert.equal(actions[0]?.verb, 'request.form');
    assert.deepEqual(actions[0]?.data, {});
  });

  it('offers Notfall with verb emergency.start', () => {
    const emergency = actionsOf(render('gold', 'de'))[4];
    assert.equal(emergency?.type, 'Action.Execute');
    assert.equal(emergency?.title, 'Notfall');
    assert.equal(emergency?.verb, 'emergency.start');
    assert.deepEqual(emergency?.data, {});
  });

  it('offers Termin buchen and Meine Termine', () => {
    const [, booking, myBookings] = actionsOf(render('gold', 'de'));
    assert.equal(booking?.title, 'Termin buchen');
    assert.equal(booking?.verb, 'booking.offer');
    assert.deepEqual(booking?.data, {});
    assert.equal(myBookings?.title, 'Meine Termine');
    assert.equal(myBookings?.verb, 'booking.list');
  });

  it('plan without bookable calls has no Termin buchen', () => {
    const verbs = actionsOf(render('starter', 'de')).map((action) => action.verb);
    assert.deepEqual(verbs, ['request.form', 'booking.list', 'hours.show', 'emergency.start']);
  });

  it('offers Stunden with verb hours.show', () => {
    const hours = actionsOf(render('gold', 'de'))[3];
    assert.equal(hours?.type, 'Action.Execute');
    assert.equal(hours?.title, 'Stunden');
    assert.equal(hours?.verb, 'hours.show');
    assert.deepEqual(hours?.data, {});
    assert.equal(actionsOf(render('gold', 'en'))[3]?.title, 'Hours');
  });

  it('labels the button New request in English', () => {
    assert.equal(actionsOf(render('gold', 'en'))[0]?.title, 'New request');
  });
});
