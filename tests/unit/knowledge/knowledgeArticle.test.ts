import assert from 'node:assert/strict';

import {
  articleContentProblems,
  articleIdForSource,
  draftFromRequest,
  normalizeArticleContent,
  titleFromDescription,
} from '../../../src/domain/knowledgeArticle.js';

describe('knowledge article', () => {
  it('title is the first sentence', () => {
    assert.equal(titleFromDescription('Outlook startet nicht. Seit heute früh kommt eine Fehlermeldung.'), 'Outlook startet nicht.');
  });

  it('title is the first line', () => {
    assert.equal(titleFromDescription('  VPN trennt ständig\nBetrifft drei Kollegen im Homeoffice'), 'VPN trennt ständig');
  });

  it('long title is cut to 120 characters', () => {
    const title = titleFromDescription('x'.repeat(300));
    assert.equal(Array.from(title).length, 120);
    assert.ok(title.endsWith('…'));
  });

  it('draft from a request is internal', () => {
    const draft = draftFromRequest({
      description: 'Drucker im 2. OG druckt nicht. Warteschlange hängt.',
      solution: 'Druckwarteschlange geleert und Spooler neu gestartet.',
    });

    assert.deepEqual(draft, {
      title: 'Drucker im 2. OG druckt nicht.',
      problem: 'Drucker im 2. OG druckt nicht. Warteschlange hängt.',
      solution: 'Druckwarteschlange geleert und Spooler neu gestartet.',
      tags: [],
      visibility: 'internal',
    });
  });

  it('tags are trimmed and unique by case', () => {
    const content = normalizeArticleContent({
      title: ' Titel ',
      problem: 'Problem',
      solution: 'Lösung',
      tags: [' Outlook', 'outlook', '', 'Exchange '],
      visibility: 'public',
    });
    assert.equal(content.title, 'Titel');
    assert.deepEqual(content.tags, ['Outlook', 'Exchange']);
  });

  it('problems name each invalid field', () => {
    const problems = articleContentProblems({
      title: '',
      problem: 'p'.repeat(4001),
      solution: 'Lösung',
      tags: Array.from({ length: 11 }, (_, index) => `tag${index}`),
      visibility: 'secret' as 'public',
    });
    assert.deepEqual(
      problems.map((problem) => [problem.field, problem.reason]),
      [
        ['title', 'is required'],
        ['problem', 'has 4001 characters, the maximum is 4000'],
        ['tags', 'has more than 10 tags'],
        ['visibility', 'must be public or internal'],
      ],
    );
  });

  it('request article id is stable', () => {
    const id = articleIdForSource({ customerId: 'fabrikam', number: 'HD-2026-0042' });
    assert.match(id, /^[0-9a-f]{16}$/);
    assert.equal(articleIdForSource({ customerId: 'fabrikam', number: 'HD-2026-0042' }), id);
    assert.notEqual(articleIdForSource({ customerId: 'fabrikam', number: 'HD-2026-0043' }), id);
  });
});
