import assert from 'node:assert/strict';

import { de, en, messagesFor, resolveLanguage } from '../../../src/i18n/index.js';

const NBSP = '\u00a0';

/** Lists the dotted key paths of a catalog, functions counted as leaves. */
function keyPaths(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null ? keyPaths(child, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('resolveLanguage', () => {
  it('prefers a stored English preference over a German locale', () => {
    assert.equal(resolveLanguage('en', 'de-DE'), 'en');
  });

  it('prefers a stored German preference over an English locale', () => {
    assert.equal(resolveLanguage('de', 'en-US'), 'de');
  });

  it('selects English for locales starting with en', () => {
    assert.equal(resolveLanguage(undefined, 'en-US'), 'en');
    assert.equal(resolveLanguage(undefined, 'en'), 'en');
    assert.equal(resolveLanguage(undefined, 'EN-gb'), 'en');
  });

  it('selects German for other locales', () => {
    assert.equal(resolveLanguage(undefined, 'de-DE'), 'de');
    assert.equal(resolveLanguage(undefined, 'fr-FR'), 'de');
  });

  it('selects German without locale', () => {
    assert.equal(resolveLanguage(), 'de');
    assert.equal(resolveLanguage(undefined, ''), 'de');
  });
});

describe('message catalogs', () => {
  it('en has exactly the keys of de', () => {
    assert.deepEqual(keyPaths(en).sort(), keyPaths(de).sort());
  });

  it('messagesFor returns the catalog per language', () => {
    assert.equal(messagesFor('de'), de);
    assert.equal(messagesFor('en'), en);
  });

  it('no plain message is empty', () => {
    for (const catalog of [de, en]) {
      for (const path of keyPaths(catalog)) {
        const leaf = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalog);
        if (typeof leaf === 'string') {
          assert.notEqual(leaf.trim(), '', path);
        }
      }
    }
  });

  it('names the request states in German', () => {
    assert.deepEqual(Object.values(de.states), [
      'neu',
      'übernommen',
      'Rückruf erfolgt',
      'in Arbeit',
      'wartet auf Kunde',
      'gelöst',
      'geschlossen',
    ]);
  });

  it('names the request states in English', () => {
    assert.deepEqual(Object.values(en.states), [
      'new',
      'acknowledged',
      'callback done',
      'in progress',
      'waiting for customer',
      'resolved',
      'closed',
    ]);
  });

  it('names urgencies and callback channels in German', () => {
    assert.deepEqual(de.urgencies, { low: 'niedrig', normal: 'normal', high: 'hoch' });
    assert.deepEqual(de.callbackChannels, { phone: 'Telefon', 'teams-call': 'Teams-Anruf', 'teams-chat': 'Teams-Chat' });
  });

  it('names the plan channels in German', () => {
    assert.equal(de.channels.phone, 'Telefon');
    assert.equal(de.channels.whatsapp, 'WhatsApp');
    assert.equal(de.channels['priority-phone'], 'Prioritäts-Hotline');
  });
});

describe('plain-text replies', () => {
  it('noTeamsChannel names the plan channels and the phone number', () => {
    assert.equal(
      de.replies.noTeamsChannel('Silver Hotline', ['phone', 'whatsapp'], '+49 221 1234567'),
      'Anfragen über Microsoft Teams sind in Ihrem Paket „Silver Hotline“ nicht enthalten. ' +
        'Ihr Paket umfasst Telefon und WhatsApp. Sie erreichen den Support unter +49 221 1234567.',
    );
  });

  it('noTeamsChannel names the priority hotline', () => {
    const reply = de.replies.noTeamsChannel('Starter Partner', ['priority-phone'], '+49 221 7654321');
    assert.match(reply, /Ihr Paket umfasst Prioritäts-Hotline\./);
    assert.match(reply, /\+49 221 7654321/);
  });

  it('noTeamsChannel in English', () => {
    assert.equal(
      en.replies.noTeamsChannel('Bronze Hotline', ['phone'], '+49 221 1234567'),
      'Requests through Microsoft Teams are not part of your plan "Bronze Hotline". ' +
        'Your plan includes phone. You can reach support at +49 221 1234567.',
    );
  });

  it('unknownTenant says the consultant was informed', () => {
    assert.match(de.replies.unknownTenant, /^Ihre Organisation ist noch nicht für Hotline Desk registriert\. /);
    assert.match(de.replies.unknownTenant, /Der Berater wurde informiert/);
    assert.match(en.replies.unknownTenant, /The consultant has been informed/);
  });

  it('descriptionTooLong names the limit and the actual length', () => {
    const german = de.replies.descriptionTooLong(2000, 2345);
    assert.match(german, /2\.345 Zeichen lang/);
    assert.match(german, /höchstens 2\.000 Zeichen/);
    const english = en.replies.descriptionTooLong(2000, 2345);
    assert.match(english, /2,345 characters long/);
    assert.match(english, /at most 2,000 characters/);
  });

  it('invalidPhone shows the value', () => {
    assert.match(de.replies.invalidPhone('12ab'), /^„12ab“ ist keine gültige Telefonnummer\./);
    assert.match(en.replies.invalidPhone('12ab'), /^"12ab" is not a valid phone number\./);
  });

  it('storageUnavailable says the input is not lost', () => {
    assert.match(de.replies.storageUnavailable, /Ihre Eingabe ist nicht verloren\./);
    assert.match(de.replies.storageUnavailable, /in einigen Minuten erneut/);
    assert.match(en.replies.storageUnavailable, /Your input is not lost\./);
  });

  it('requestNotFound names the number', () => {
    assert.equal(
      de.replies.requestNotFound('HD-2026-0042'),
      'Die Anfrage HD-2026-0042 wurde nicht gefunden. Bitte prüfen Sie die Nummer.',
    );
    assert.match(en.replies.requestNotFound('HD-2026-0042'), /^Request HD-2026-0042 was not found\./);
  });

  it('consultantChatRegistered confirms the consultant cards', () => {
    assert.match(de.replies.consultantChatRegistered, /^Dieser Chat erhält ab jetzt die Berater-Karten\./);
    assert.match(en.replies.consultantChatRegistered, /^From now on this chat receives the consultant cards\./);
  });

  it('replies for rejected form and card input', () => {
    assert.equal(de.replies.invalidChoice, 'Bitte wählen Sie Dringlichkeit und Rückrufweg aus den angebotenen Optionen aus.');
    assert.match(de.replies.invalidCardData, /keine gültige Anfragenummer/);
    assert.match(de.replies.requestInProgress, /bereits gesendet/);
    assert.match(en.replies.requestInProgress, /already been sent/);
  });

  it('fixed replies are set in both languages', () => {
    assert.equal(de.replies.consultantOnly, 'Diese Aktion ist dem Berater vorbehalten.');
    assert.equal(en.replies.consultantOnly, 'Only the consultant can perform this action.');
    assert.match(de.replies.descriptionMissing, /^Bitte beschreiben Sie Ihr Anliegen/);
    assert.match(de.replies.genericError, /in einigen Minuten erneut/);
  });
});

describe('plan messages', () => {
  it('emergency paragraph uses the values passed in', () => {
    const text = de.plan.emergency({
      lineName: '24/7-Notfall-Hotline',
      phone: '+49 221 9999999',
      guaranteeMinutes: 90,
      baseFeeCents: 35000,
      hourlyRateCents: 21000,
    });
    assert.match(text, /unter \+49 221 9999999 an/);
    assert.match(text, /innerhalb von 1 Std\. 30 Min\. einen Rückruf/);
    assert.ok(text.includes(`350,00${NBSP}€ Grundgebühr plus 210,00${NBSP}€ pro Stunde`), text);
    assert.match(text, /nicht von Ihrem Stundenkontingent abgezogen/);
  });

  it('request callback lines format the deadline', () => {
    assert.equal(
      de.request.callbackBy('2026-12-07T11:00:00+01:00', 'Europe/Berlin'),
      'Rückruf spätestens Montag, 07.12.2026, 11:00 Uhr',
    );
    assert.equal(
      en.request.callbackBy('2026-12-07T11:00:00+01:00', 'Europe/Berlin'),
      'Callback by Monday, 7 December 2026, 11:00',
    );
  });
});
