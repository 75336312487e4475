import assert from 'node:assert/strict';

import { toAttachment } from '../../../src/bot/cards/attachment.js';
import { renderWelcomeCard } from '../../../src/bot/cards/welcome.js';
import { isRequestReferenceData, Verbs } from '../../../src/bot/cards/verbs.js';
import { findPlan } from '../../../src/domain/catalog.js';
import { loadCatalog, ZONE } from './cardQueries.js';

describe('card verbs', () => {
  it('names one verb per action', () => {
    assert.deepEqual(Verbs, {
      requestForm: 'request.form',
      requestSubmit: 'request.submit',
      requestAcknowledge: 'request.acknowledge',
      requestCallbackDone: 'request.callbackDone',
      requestSetState: 'request.setState',
      emergencyStart: 'emergency.start',
      emergencyConfirm: 'emergency.confirm',
      emergencyDecline: 'emergency.decline',
      timeLog: 'time.log',
      overageRequest: 'overage.request',
      overageApprove: 'overage.approve',
      overageDecline: 'overage.decline',
      overageRefresh: 'overage.refresh',
      hoursShow: 'hours.show',
      bookingOffer: 'booking.offer',
      bookingPick: 'booking.pick',
      bookingConfirm: 'booking.confirm',
      bookingList: 'booking.list',
      bookingCancel: 'booking.cancel',
      bookingReschedule: 'booking.reschedule',
      bookingReschedulePick: 'booking.reschedulePick',
      bookingRescheduleConfirm: 'booking.rescheduleConfirm',
      callbackOffer: 'callback.offer',
      callbackPick: 'callback.pick',
      callbackConfirm: 'callback.confirm',
    });
  });

  it('accepts request reference data', () => {
    assert.equal(isRequestReferenceData({ customerId: 'contoso', number: 'HD-2026-0001' }), true);
  });

  it('rejects incomplete reference data', () => {
    assert.equal(isRequestReferenceData({ customerId: 'contoso' }), false);
    assert.equal(isRequestReferenceData({ customerId: '', number: 'HD-2026-0001' }), false);
    assert.equal(isRequestReferenceData({ customerId: 'contoso', number: 42 }), false);
    assert.equal(isRequestReferenceData(null), false);
    assert.equal(isRequestReferenceData('HD-2026-0001'), false);
  });
});

describe('toAttachment', () => {
  it('wraps a card as an Adaptive Card attachment', () => {
    const catalog = loadCatalog();
    const card = renderWelcomeCard({
      lang: 'de',
      contactName: 'Anna Schmidt',
      customerName: 'Contoso GmbH',
      plan: findPlan(catalog, 'gold'),
      emergencyLine: catalog.emergencyLine,
      emergencyPhone: '+49 221 9999999',
      zone: ZONE,
    });
    const attachment = toAttachment(card);
    assert.equal(attachment.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(attachment.content, card);
  });
});
