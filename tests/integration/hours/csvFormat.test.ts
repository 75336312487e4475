import assert from 'node:assert/strict';

import { formatEuroCents, toCsv } from '../../../src/cli/csvFormat.js';

describe('statement CSV formatting', () => {
  it('euro cents get a decimal comma', () => {
    assert.equal(formatEuroCents(0), '0,00');
    assert.equal(formatEuroCents(5), '0,05');
    assert.equal(formatEuroCents(112800), '1128,00');
    assert.equal(formatEuroCents(134232), '1342,32');
    assert.equal(formatEuroCents(-150), '-1,50');
  });

  it('fractional cents are rejected', () => {
    assert.throws(() => formatEuroCents(12.5), /Invalid amount 12.5: expected a whole number of euro cents/);
  });

  it('rows start with a byte order mark', () => {
    const csv = toCsv([
      ['Position', 'Betrag EUR'],
      ['Monatspauschale', { euroCents: 99900 }],
    ]);

    assert.equal(csv, '\uFEFFPosition;Betrag EUR\nMonatspauschale;999,00\n');
  });

  it('separators and quotes are quoted', () => {
    assert.equal(toCsv([['a;b', 'say "hi"', 'two\nlines']]), '\uFEFF"a;b";"say ""hi""";"two\nlines"\n');
  });

  it('formula-like text gets an apostrophe', () => {
    assert.equal(toCsv([['=SUM(A1)', '-5', '@x', 'HD-2026-0001', 7]]), "\uFEFF'=SUM(A1);'-5;'@x;HD-2026-0001;7\n");
  });
});
