import assert from 'node:assert/strict';

import { writeAbsenceNotice } from '../../../src/bot/absenceNotice.js';
import { renderRequestFormCard } from '../../../src/bot/cards/requestForm.js';
import type { ActiveAbsence } from '../../../src/domain/absence.js';
import { allNodes, hasUnboundExpression, textBlocksOf } from '../cards/cardQueries.js';

const BERLIN = 'Europe/Berlin';
const emergencyLine = { lineName: '24/7-Notfall-Hotline', phone: '+49 171 5550199' };

const christmas: ActiveAbsence = {
  id: '01KCHRISTMAS0000000000000A',
  from: '2026-12-21T00:00:00+01:00',
  to: '2027-01-04T00:00:00+01:00',
  backAt: '2027-01-04T00:00:00+01:00',
  note: 'Weihnachtsurlaub',
  substitute: { name: 'Petra Lang', phone: '+49 171 5550123' },
};

describe('writeAbsenceNotice', () => {
  it('names return date and substitute phone', () => {
    assert.equal(
      writeAbsenceNotice(christmas, 'de', BERLIN, emergencyLine),
      'Der Berater ist zurzeit abwesend und ab Montag, 04.01.2027 wieder für Sie da. ' +
        'Sie können Ihre Anfrage trotzdem schon jetzt senden. Die garantierte Rückrufzeit beginnt erst nach der Rückkehr. ' +
        'In Notfällen erreichen Sie die Vertretung Petra Lang unter +49 171 5550123.',
    );
  });

  it('never shows the note', () => {
    assert.doesNotMatch(writeAbsenceNotice(christmas, 'de', BERLIN, emergencyLine), /Weihnachtsurlaub/);
  });

  it('without substitute names the emergency line', () => {
    const notice = writeAbsenceNotice({ ...christmas, substitute: undefined }, 'de', BERLIN, emergencyLine);

    assert.match(notice, / In Notfällen erreichen Sie weiterhin die 24\/7-Notfall-Hotline unter \+49 171 5550199\.$/);
  });

  it('substitute without phone points to the emergency line', () => {
    const notice = writeAbsenceNotice({ ...christmas, substitute: { name: 'Petra Lang' } }, 'de', BERLIN, emergencyLine);

    assert.match(
      notice,
      / Notfälle übernimmt in dieser Zeit Petra Lang\. Rufen Sie dafür bitte die 24\/7-Notfall-Hotline unter \+49 171 5550199 an\.$/,
    );
  });

  it('return during the day shows the time', () => {
    const notice = writeAbsenceNotice({ ...christmas, backAt: '2026-07-06T13:00:00+02:00' }, 'de', BERLIN, emergencyLine);

    assert.match(notice, /^Der Berater ist zurzeit abwesend und ab Montag, 06\.07\.2026, 13:00 Uhr wieder für Sie da\./);
  });

  it('return at summer-time midnight shows the date alone', () => {
    const notice = writeAbsenceNotice({ ...christmas, backAt: '2026-03-30T00:00:00+02:00' }, 'de', BERLIN, emergencyLine);

    assert.match(notice, /ab Montag, 30\.03\.2026 wieder/);
  });

  it('English notice reads in English', () => {
    const notice = writeAbsenceNotice(christmas, 'en', BERLIN, { lineName: '24/7 emergency line', phone: '+49 171 5550199' });

    assert.equal(
      notice,
      'The consultant is away at the moment and back for you on Monday, 4 January 2027. ' +
        'You can still send your request now. The guaranteed callback time starts only when the consultant is back. ' +
        'In an emergency, please call the substitute Petra Lang at +49 171 5550123.',
    );
  });
});

describe('request form card notice', () => {
  it('shows the notice below the introduction', () => {
    const card = renderRequestFormCard({ lang: 'de', maxDescriptionLength: 2000, notice: 'Der Berater ist zurzeit abwesend.' });

    assert.equal(textBlocksOf(card)[2], 'Der Berater ist zurzeit abwesend.');
    assert.equal(allNodes(card).find((node) => node.id === 'notice')?.color, 'Warning');
    assert.equal(hasUnboundExpression(card), false);
  });

  it('has no notice block without a notice', () => {
    const card = renderRequestFormCard({ lang: 'de', maxDescriptionLength: 2000 });

    assert.equal(allNodes(card).some((node) => node.id === 'notice'), false);
  });
});
