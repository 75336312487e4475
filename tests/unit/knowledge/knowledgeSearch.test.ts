import assert from 'node:assert/strict';

import {
  isSuggestion,
  normalizeGerman,
  queryTermsOf,
  requiredSuggestionTermCount,
  searchArticles,
  stemGerman,
  SUGGESTION_SEARCH_FIELDS,
  tokenizeGerman,
  type SearchableArticle,
} from '../../../src/domain/knowledgeSearch.js';

const outlookSync: SearchableArticle = {
  id: '00000000000000a1',
  title: 'Outlook synchronisiert keine E-Mails',
  problem: 'Outlook zeigt neue Mails nicht an, der Posteingang bleibt leer.',
  solution: 'Den Exchange-Cache-Modus ausschalten und das Outlook-Profil neu anlegen.',
  tags: ['Outlook', 'Exchange'],
  updatedAt: '2026-11-01T10:00:00Z',
};
const printer: SearchableArticle = {
  id: '00000000000000a2',
  title: 'Drucker druckt nicht nach Windows-Update',
  problem: 'Nach dem Update druckt der Netzwerkdrucker nicht mehr.',
  solution: 'Den Druckertreiber neu installieren.',
  tags: ['Drucker'],
  updatedAt: '2026-11-02T10:00:00Z',
};
const password: SearchableArticle = {
  id: '00000000000000a3',
  title: 'Kennwort zurücksetzen',
  problem: 'Ein Benutzer hat sein Kennwort vergessen.',
  solution: 'Im Microsoft 365 Admin Center das Kennwort zurücksetzen und Outlook danach neu starten.',
  tags: ['Konto'],
  updatedAt: '2026-11-03T10:00:00Z',
};
const articles = [outlookSync, printer, password];

function ids(query: string, fields?: Parameters<typeof searchArticles>[2]): string[] {
  return searchArticles(articles, query, fields).map((match) => match.id);
}

describe('knowledge search', () => {
  describe('German text handling', () => {
    it('writes umlauts as two letters', () => {
      assert.equal(normalizeGerman('Zurücksetzen GRÖẞE Straße'), 'zuruecksetzen groesse strasse');
    });

    it('splits hyphenated words and joins them', () => {
      assert.deepEqual(tokenizeGerman('E-Mail-Adresse, Outlook!'), ['E', 'Mail', 'Adresse', 'EMailAdresse', 'Outlook']);
    });

    it('stems plural and verb endings', () => {
      assert.equal(stemGerman('druckern'), 'druck');
      assert.equal(stemGerman('drucker'), 'druck');
      assert.equal(stemGerman('drucken'), 'druck');
    });

    it('keeps short words whole', () => {
      assert.equal(stemGerman('user'), 'user');
      assert.equal(stemGerman('mail'), 'mail');
    });

    it('drops stop words from queries', () => {
      assert.deepEqual(queryTermsOf('Mein Outlook geht nicht mehr'), ['outlook', 'geht']);
    });
  });

  describe('ranking', () => {
    it('title match ranks above solution mention', () => {
      assert.deepEqual(ids('Outlook'), [outlookSync.id, password.id]);
    });

    it('umlaut spelling finds the same article', () => {
      assert.deepEqual(ids('zuruecksetzen'), [password.id]);
      assert.deepEqual(ids('ZURÜCKSETZEN'), [password.id]);
    });

    it('inflected form finds the stem', () => {
      assert.deepEqual(ids('Druckern'), [printer.id]);
    });

    it('prefix finds a compound word', () => {
      assert.deepEqual(ids('Netzwerk'), [printer.id]);
    });

    it('typo finds the word fuzzily', () => {
      assert.deepEqual(ids('Kenwort'), [password.id]);
    });

    it('joined spelling finds the hyphenated word', () => {
      assert.deepEqual(ids('Email'), [outlookSync.id]);
    });

    it('more matching terms rank first', () => {
      const [first, second] = searchArticles(articles, 'Outlook Kennwort vergessen');
      assert.equal(first?.id, password.id);
      assert.equal(first?.matchedTermCount, 3);
      assert.equal(second?.id, outlookSync.id);
    });

    it('equal scores rank the newest change first', () => {
      const twin = { ...printer, id: '00000000000000b2', updatedAt: '2026-11-20T10:00:00Z' };
      const matches = searchArticles([printer, twin], 'Drucker');
      assert.deepEqual(
        matches.map((match) => match.id),
        [twin.id, printer.id],
      );
    });

    it('stop words alone match nothing', () => {
      assert.deepEqual(ids('der die das nicht'), []);
    });

    it('suggestion fields ignore the solution', () => {
      assert.deepEqual(ids('Outlook', SUGGESTION_SEARCH_FIELDS), [outlookSync.id]);
    });
  });

  describe('suggestion threshold', () => {
    it('requires every term of short queries', () => {
      assert.equal(requiredSuggestionTermCount(1), 1);
      assert.equal(requiredSuggestionTermCount(2), 2);
    });

    it('requires a third of longer queries, 2 to 4', () => {
      assert.equal(requiredSuggestionTermCount(3), 2);
      assert.equal(requiredSuggestionTermCount(9), 3);
      assert.equal(requiredSuggestionTermCount(30), 4);
    });

    it('two matching terms make a suggestion', () => {
      const [match] = searchArticles(articles, 'Outlook synchronisiert nicht', SUGGESTION_SEARCH_FIELDS);
      assert.equal(match?.id, outlookSync.id);
      assert.equal(isSuggestion(match!), true);
    });

    it('one of two terms is no suggestion', () => {
      const matches = searchArticles(articles, 'Teams Drucker', SUGGESTION_SEARCH_FIELDS);
      assert.deepEqual(
        matches.map((match) => match.id),
        [printer.id],
      );
      assert.equal(isSuggestion(matches[0]!), false);
    });
  });
});
