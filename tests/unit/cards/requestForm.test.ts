import assert from 'node:assert/strict';

import { renderRequestFormCard } from '../../../src/bot/cards/requestForm.js';
import { CALLBACK_PHONE_PATTERN } from '../../../src/domain/requestInput.js';
import { actionsOf, hasUnboundExpression, inputById, textBlocksOf } from './cardQueries.js';

describe('renderRequestFormCard', () => {
  it('is an Adaptive Card 1.5 with every expression bound', () => {
    const card = renderRequestFormCard({ lang: 'de', maxDescriptionLength: 2000 });
    assert.equal(card.version, '1.5');
    assert.equal(card.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
    assert.equal(hasUnboundExpression(card), false);
  });

  it('description input is multiline, required and limited', () => {
    const description = inputById(renderRequestFormCard({ lang: 'de', maxDescriptionLength: 2000 }), 'description');
    assert.equal(description.type, 'Input.Text');
    assert.equal(description.isMultiline, true);
    assert.equal(description.isRequired, true);
    assert.equal(description.maxLength, 2000);
    assert.equal(description.label, 'Beschreibung');
    assert.equal(description.errorMessage, 'Bitte beschreiben Sie Ihr Anliegen (höchstens 2.000 Zeichen).');
    assert.equal(description.value, '');
  });

  it('prefills every input', () => {
    const card = renderRequestFormCard({
      lang: 'de',
      description: 'Teams-Telefonie fällt aus',
      urgency: 'high',
      callbackPhone: '0221 1234567',
      callbackChannel: 'teams-call',
      maxDescriptionLength: 500,
    });
    assert.equal(inputById(card, 'description').value, 'Teams-Telefonie fällt aus');
    assert.equal(inputById(card, 'description').maxLength, 500);
    assert.equal(inputById(card, 'urgency').value, 'high');
    assert.equal(inputById(card, 'callbackPhone').value, '0221 1234567');
    assert.equal(inputById(card, 'callbackChannel').value, 'teams-call');
  });

  it('keeps template syntax in a prefilled description as text', () => {
    const card = renderRequestFormCard({ lang: 'de', description: 'Fehler ${title} in Skript', maxDescriptionLength: 2000 });
    assert.equal(inputById(card, 'description').value, 'Fehler ${title} in Skript');
  });

  it('urgency defaults to normal', () => {
    const urgency = inputById(renderRequestFormCard({ lang: 'de', maxDescriptionLength: 2000 }), 'urgency');
    assert.equal(urgency.type, 'Input.ChoiceSet');
    assert.equal(urgency.value, 'normal');
    assert.deepEqual(urgency.choices, [
      { title: 'niedrig', value: 'low' },
      { title: 'normal', value: 'normal' },
      { title: 'hoch', value: 'high' },
    ]);
  });

  it('callback phone is optional with a tel style and pattern', () => {
    const phone = inputById(renderRequestFormCard({ lang: 'de', maxDescriptionLength: 2000 }), 'callbackPhone');
    assert.equal(phone.type, 'Input.Text');
    assert.equal(phone.style, 'tel');
    assert.equal(phone.isRequired, undefined);
    assert.equal(phone.regex, CALLBACK_PHONE_PATTERN);
    assert.equal(phone.label, 'Rückrufnummer (optional)');
    assert.match(String(phone.errorMessage), /mit Vorwahl/);
  });

  it('callback channel offers phone, Teams call and Teams chat', () => {
    const channel = inputById(renderRequestFormCard({ lang: 'de', maxDescriptionLength: 2000 }), 'callbackChannel');
    assert.equal(channel.value, 'phone');
    assert.deepEqual(channel.choices, [
      { title: 'Telefon', value: 'phone' },
      { title: 'Teams-Anruf', value: 'teams-call' },
      { title: 'Teams-Chat', value: 'teams-chat' },
    ]);
  });

  it('English labels and choices', () => {
    const card = renderRequestFormCard({ lang: 'en', maxDescriptionLength: 2000 });
    assert.equal(inputById(card, 'description').errorMessage, 'Please describe your issue (at most 2,000 characters).');
    assert.deepEqual(
      (inputById(card, 'callbackChannel').choices as { title: string }[]).map((choice) => choice.title),
      ['phone', 'Teams call', 'Teams chat'],
    );
    assert.equal(actionsOf(card)[0]?.title, 'Send request');
  });

  it('submits with verb request.submit and all inputs', () => {
    const actions = actionsOf(renderRequestFormCard({ lang: 'de', maxDescriptionLength: 2000 }));
    assert.equal(actions.length, 1);
    assert.equal(actions[0]?.type, 'Action.Execute');
    assert.equal(actions[0]?.verb, 'request.submit');
    assert.equal(actions[0]?.associatedInputs, 'auto');
    assert.equal(actions[0]?.title, 'Anfrage senden');
  });

  it('shows no error block without error', () => {
    const card = renderRequestFormCard({ lang: 'de', maxDescriptionLength: 2000 });
    assert.equal(card.body.filter((node) => node.color === 'Attention').length, 0);
  });

  it('shows the error in the attention color', () => {
    const error = 'Die Beschreibung ist 2.345 Zeichen lang, erlaubt sind höchstens 2.000 Zeichen.';
    const card = renderRequestFormCard({ lang: 'de', maxDescriptionLength: 2000, error });
    const block = card.body.find((node) => node.text === error);
    assert.equal(block?.type, 'TextBlock');
    assert.equal(block?.color, 'Attention');
    assert.ok(textBlocksOf(card).indexOf(error) < card.body.findIndex((node) => node.id === 'description'));
  });

  it('rejects a non-positive maximum length', () => {
    assert.throws(() => renderRequestFormCard({ lang: 'de', maxDescriptionLength: 0 }), /maxDescriptionLength/);
  });
});
