import assert from 'node:assert/strict';

import { MAX_SUGGESTED_SOLUTION_LENGTH, renderArticleSuggestionCard } from '../../../src/bot/cards/articleSuggestion.js';
import { hasUnboundExpression } from './cardQueries.js';

const articles = [
  { id: '0000000000000001', title: 'Outlook synchronisiert keine E-Mails', solution: 'Cache-Modus ausschalten.' },
  { id: '0000000000000002', title: 'Kennwort zurücksetzen', solution: 'Im Admin Center zurücksetzen.' },
];

describe('renderArticleSuggestionCard', () => {
  it('binds every expression', () => {
    const card = renderArticleSuggestionCard({ lang: 'de', articles, description: 'Outlook hängt' });
    assert.equal(card.version, '1.5');
    assert.equal(hasUnboundExpression(card), false);
  });

  it('hides each solution behind its own toggle', () => {
    const card = renderArticleSuggestionCard({ lang: 'de', articles, description: 'Outlook hängt' });
    const containers = card.body.filter((node) => node.type === 'Container') as any[];

    assert.equal(containers.length, 2);
    containers.forEach((container, index) => {
      const [title, solution, actionSet] = container.items;
      assert.equal(title.text, articles[index]?.title);
      assert.equal(solution.id, `solution-${index + 1}`);
      assert.equal(solution.isVisible, false);
      assert.equal(actionSet.actions[0].type, 'Action.ToggleVisibility');
      assert.deepEqual(actionSet.actions[0].targetElements, [`solution-${index + 1}`]);
      assert.equal(actionSet.actions[0].title, 'Lösung ein- oder ausblenden');
    });
  });

  it('button opens the form with the description', () => {
    const card = renderArticleSuggestionCard({ lang: 'de', articles, description: 'Outlook hängt; "sofort"' });
    const [action] = card.actions ?? [];

    assert.equal(action?.type, 'Action.Execute');
    assert.equal(action?.verb, 'request.form');
    assert.equal(action?.title, 'Anfrage trotzdem stellen');
    assert.deepEqual(action?.data, { description: 'Outlook hängt; "sofort"' });
  });

  it('cuts a long solution', () => {
    const long = [{ id: '0000000000000003', title: 'Lang', solution: 'x'.repeat(MAX_SUGGESTED_SOLUTION_LENGTH + 50) }];
    const card = renderArticleSuggestionCard({ lang: 'en', articles: long, description: 'x' });
    const container = card.body.find((node) => node.type === 'Container') as any;

    assert.equal(Array.from(container.items[1].text as string).length, MAX_SUGGESTED_SOLUTION_LENGTH);
    assert.equal(card.body[0]?.text, 'Maybe this helps:');
  });

  it('rejects an empty list', () => {
    assert.throws(() => renderArticleSuggestionCard({ lang: 'de', articles: [], description: 'x' }), /articles must not be empty/);
  });
});
