import assert from 'node:assert/strict';
import { hostname } from 'node:os';

import { RequestRepository } from '../../../src/storage/requests.js';
import { STALE_CLAIM_MS, WarningRepository, type WarningKey } from '../../../src/storage/warnings.js';
import {
  actionVerbs,
  cardOf,
  cardTexts,
  consultant,
  startDeskHarness,
  type DeskHarness,
} from '../../support/deskHarness.js';
import { actionExecuteActivity, installActivity, personalChat, type PersonalChat } from '../../support/teamsActivity.js';
import { memoryLogger, storeRequest, watcherOn } from './watcherFixture.js';

/** Friday 2026-12-04 17:00 in Berlin: one hour before Bronze closes for the weekend. */
const FRIDAY_FIVE_PM = '2026-12-04T17:00:00+01:00';

/** Instance id of the app's own watcher, as SlaWatcher derives it. */
const DESK_INSTANCE = `${hostname()}:${process.pid}`;

describe('SLA watcher', () => {
  let harness: DeskHarness;
  let requests: RequestRepository;
  let warnings: WarningRepository;
  let consultantChat: PersonalChat;

  beforeEach(async () => {
    harness = await startDeskHarness(FRIDAY_FIVE_PM);
    requests = new RequestRepository(harness.storage.tables);
    warnings = new WarningRepository(harness.storage.tables);
    consultantChat = personalChat(consultant);
    await harness.post(installActivity(consultantChat, harness.connector.url));
    harness.connector.clear();
  });

  afterEach(async () => {
    await harness.stop();
  });

  /** Sets the clock, runs one tick of the app's own watcher and returns the titles of the new consultant cards. */
  async function tickAt(instant: string): Promise<string[]> {
    harness.clock.set(instant);
    const before = harness.connector.sentTo(consultantChat.conversationId).length;
    await harness.desk.slaWatcher.tick();
    return consultantCards().slice(before).map((card) => titleOf(card));
  }

  function consultantCards(): any[] {
    return harness.connector.sentTo(consultantChat.conversationId).map((call) => cardOf(call.activity));
  }

  function titleOf(card: any): string {
    return cardTexts(card).find((text) => /^(Frist|Notfall nicht)/.test(text)) ?? '';
  }

  function key(number: string, kind: WarningKey['kind'], customerId = 'contoso-praxis'): WarningKey {
    return { customerId, number, kind };
  }

  describe('Bronze opened Friday 2026-12-04 17:00', () => {
    beforeEach(async () => {
      await storeRequest(harness, { number: 'HD-2026-0004', customerId: 'contoso-praxis', openedAt: FRIDAY_FIVE_PM });
    });

    it('sends nothing over the weekend', async () => {
      for (const instant of [
        '2026-12-04T17:30:00+01:00',
        '2026-12-04T18:00:00+01:00',
        '2026-12-05T10:00:00+01:00',
        '2026-12-06T15:00:00+01:00',
        '2026-12-07T08:00:00+01:00',
        '2026-12-07T09:59:00+01:00',
      ]) {
        assert.deepEqual(await tickAt(instant), [], `card sent at ${instant}`);
      }
      assert.deepEqual(await warnings.listByCustomer('contoso-praxis'), []);
    });

    it('warns at risk Monday 10:00 and at breach 11:00', async () => {
      assert.deepEqual(await tickAt('2026-12-07T10:00:00+01:00'), ['Frist in Gefahr: HD-2026-0004']);
      assert.deepEqual(await tickAt('2026-12-07T10:30:00+01:00'), []);
      assert.deepEqual(await tickAt('2026-12-07T11:00:00+01:00'), ['Frist überschritten: HD-2026-0004']);
      assert.deepEqual(await tickAt('2026-12-07T11:30:00+01:00'), []);

      const atRisk = await warnings.get(key('HD-2026-0004', 'atRisk'));
      assert.equal(atRisk?.state, 'sent');
      assert.equal(atRisk?.dueAt, '2026-12-07T10:00:00+01:00');
      assert.equal(atRisk?.sentAt, '2026-12-07T10:00:00+01:00');
      assert.equal(atRisk?.late, false);
      assert.equal(atRisk?.sentBy, DESK_INSTANCE);
      assert.deepEqual(atRisk?.recipients, ['consultant']);

      const breach = await warnings.get(key('HD-2026-0004', 'breach'));
      assert.equal(breach?.dueAt, '2026-12-07T11:00:00+01:00');
      assert.equal(breach?.sentAt, '2026-12-07T11:00:00+01:00');
      assert.equal(breach?.late, false);
    });

    it('card shows customer, plan and deadline', async () => {
      await tickAt('2026-12-07T10:00:00+01:00');

      const [card] = consultantCards();
      const texts = cardTexts(card);
      assert.ok(texts.includes('Kunde Contoso Praxisgemeinschaft'));
      assert.ok(texts.includes('Paket Bronze Hotline'));
      assert.ok(texts.includes('Rückruf bis Montag, 07.12.2026, 11:00 Uhr'));
      assert.ok(texts.includes('Noch 1 Std.'));
      assert.deepEqual(actionVerbs(card), ['request.acknowledge', 'request.callbackDone']);
    });

    it('stores each card copy on the request', async () => {
      await tickAt('2026-12-07T10:00:00+01:00');
      await tickAt('2026-12-07T11:00:00+01:00');

      const stored = await requests.get('contoso-praxis', 'HD-2026-0004');
      const sentIds = harness.connector.sentTo(consultantChat.conversationId).map((call) => call.assignedId);
      assert.deepEqual(
        stored?.cards.map((copy) => [copy.role, copy.activityId]),
        sentIds.map((id) => ['consultant', id]),
      );
    });

    it('sends nothing once the callback is recorded', async () => {
      await requests.update('contoso-praxis', 'HD-2026-0004', (current) => ({
        ...current,
        request: {
          ...current.request,
          state: 'callbackDone',
          acknowledgedAt: '2026-12-07T09:15:00+01:00',
          acknowledgedBy: consultant.name,
          firstContactAt: '2026-12-07T09:15:00+01:00',
          slaMet: true,
        },
      }));

      assert.deepEqual(await tickAt('2026-12-07T10:00:00+01:00'), []);
      assert.deepEqual(await tickAt('2026-12-07T11:00:00+01:00'), []);
      assert.deepEqual(await warnings.listByCustomer('contoso-praxis'), []);
    });

    it('callback on the warning card ends the warnings', async () => {
      await tickAt('2026-12-07T10:00:00+01:00');
      const warningCard = harness.connector.sentTo(consultantChat.conversationId).at(-1)!;

      harness.clock.set('2026-12-07T10:10:00+01:00');
      const { status, body } = await harness.post(
        actionExecuteActivity(consultantChat, harness.connector.url, warningCard.assignedId, 'request.callbackDone', {
          customerId: 'contoso-praxis',
          number: 'HD-2026-0004',
        }),
      );

      assert.equal(status, 200);
      assert.match(cardTexts(body.value).join('\n'), /SLA eingehalten/);
      const stored = await requests.get('contoso-praxis', 'HD-2026-0004');
      assert.equal(stored?.request.firstContactAt, '2026-12-07T10:10:00+01:00');
      assert.deepEqual(await tickAt('2026-12-07T11:00:00+01:00'), []);
    });

    it('restart catches up once, marked late', async () => {
      // The app was down from Friday until Monday 10:20, 20 minutes after the at-risk instant.
      harness.clock.set('2026-12-07T10:20:00+01:00');
      const restarted = watcherOn(harness, 'web-1:restarted');

      await restarted.tick();
      await restarted.tick();
      await harness.desk.slaWatcher.tick();

      assert.deepEqual(consultantCards().map((card) => titleOf(card)), ['Frist in Gefahr: HD-2026-0004']);
      assert.match(cardTexts(consultantCards()[0]).join('\n'), /Verspätet zugestellt\. Fällig seit Montag, 07\.12\.2026, 10:00 Uhr\./);
      const atRisk = await warnings.get(key('HD-2026-0004', 'atRisk'));
      assert.equal(atRisk?.dueAt, '2026-12-07T10:00:00+01:00');
      assert.equal(atRisk?.sentAt, '2026-12-07T10:20:00+01:00');
      assert.equal(atRisk?.late, true);
      assert.equal(atRisk?.sentBy, 'web-1:restarted');
    });

    it('restart after the deadline sends only the breach', async () => {
      harness.clock.set('2026-12-07T14:00:00+01:00');

      await watcherOn(harness, 'web-1:restarted').tick();

      assert.deepEqual(consultantCards().map((card) => titleOf(card)), ['Frist überschritten: HD-2026-0004']);
      assert.equal(await warnings.get(key('HD-2026-0004', 'atRisk')), undefined);
      assert.equal((await warnings.get(key('HD-2026-0004', 'breach')))?.late, true);
    });
  });

  it('Easter: Bronze from Thursday 16:30 warns Tuesday 09:30 and 10:30', async () => {
    await storeRequest(harness, { number: 'HD-2026-0004', customerId: 'contoso-praxis', openedAt: '2026-04-02T16:30:00+02:00' });

    for (const instant of ['2026-04-02T18:00:00+02:00', '2026-04-03T10:00:00+02:00', '2026-04-06T10:00:00+02:00', '2026-04-07T09:29:00+02:00']) {
      assert.deepEqual(await tickAt(instant), [], `card sent at ${instant}`);
    }
    assert.deepEqual(await tickAt('2026-04-07T09:30:00+02:00'), ['Frist in Gefahr: HD-2026-0004']);
    assert.deepEqual(await tickAt('2026-04-07T10:30:00+02:00'), ['Frist überschritten: HD-2026-0004']);

    assert.equal((await warnings.get(key('HD-2026-0004', 'atRisk')))?.sentAt, '2026-04-07T09:30:00+02:00');
    assert.equal((await warnings.get(key('HD-2026-0004', 'breach')))?.sentAt, '2026-04-07T10:30:00+02:00');
  });

  it('two instances ticking together send each card once', async () => {
    for (const number of ['HD-2026-0004', 'HD-2026-0005', 'HD-2026-0006']) {
      await storeRequest(harness, { number, customerId: 'contoso-praxis', openedAt: FRIDAY_FIVE_PM });
    }
    harness.clock.set('2026-12-07T10:00:00+01:00');
    const first = watcherOn(harness, 'web-1:101');
    const second = watcherOn(harness, 'web-2:202');

    const [firstSummary, secondSummary] = await Promise.all([first.tick(), second.tick()]);

    assert.equal(harness.connector.sentTo(consultantChat.conversationId).length, 3);
    assert.equal(firstSummary.sent + secondSummary.sent, 3);
    assert.equal(firstSummary.handledElsewhere + secondSummary.handledElsewhere, 3);
    const rows = await warnings.listByCustomer('contoso-praxis');
    assert.deepEqual(rows.map((row) => [row.number, row.kind, row.state]), [
      ['HD-2026-0004', 'atRisk', 'sent'],
      ['HD-2026-0005', 'atRisk', 'sent'],
      ['HD-2026-0006', 'atRisk', 'sent'],
    ]);
  });

  describe('night', () => {
    beforeEach(async () => {
      // Gold opened Monday 20:00: deadline at closing time 21:00. Emergency opened Tuesday 02:45.
      await storeRequest(harness, { number: 'HD-2026-0005', customerId: 'fabrikam', openedAt: '2026-12-07T20:00:00+01:00' });
      await storeRequest(harness, { number: 'HD-2026-0006', customerId: 'fabrikam', openedAt: '2026-12-08T02:45:00+01:00', emergency: true });
    });

    it('normal breach waits for the window, emergency goes out at 03:00', async () => {
      assert.deepEqual(await tickAt('2026-12-08T03:00:00+01:00'), ['Notfall nicht bestätigt: HD-2026-0006']);
      assert.equal(await warnings.get(key('HD-2026-0005', 'breach', 'fabrikam')), undefined);
      const emergency = await warnings.get(key('HD-2026-0006', 'emergencyUnacknowledged', 'fabrikam'));
      assert.equal(emergency?.dueAt, '2026-12-08T03:00:00+01:00');
      assert.equal(emergency?.sentAt, '2026-12-08T03:00:00+01:00');
      assert.equal(emergency?.late, false);

      // The consultant calls the emergency back at 03:10, so only the normal breach is left.
      await requests.update('fabrikam', 'HD-2026-0006', (current) => ({
        ...current,
        request: { ...current.request, state: 'callbackDone', acknowledgedAt: '2026-12-08T03:10:00+01:00', firstContactAt: '2026-12-08T03:10:00+01:00', slaMet: true },
      }));
      assert.deepEqual(await tickAt('2026-12-08T06:59:00+01:00'), []);
      assert.deepEqual(await tickAt('2026-12-08T07:00:00+01:00'), ['Frist überschritten: HD-2026-0005']);

      const breach = await warnings.get(key('HD-2026-0005', 'breach', 'fabrikam'));
      assert.equal(breach?.dueAt, '2026-12-07T21:00:00+01:00');
      assert.equal(breach?.sentAt, '2026-12-08T07:00:00+01:00');
      assert.equal(breach?.late, true);
    });

    it('breach at closing time goes out right after closing', async () => {
      assert.deepEqual(await tickAt('2026-12-07T20:45:00+01:00'), ['Frist in Gefahr: HD-2026-0005']);
      assert.deepEqual(await tickAt('2026-12-07T21:00:20+01:00'), ['Frist überschritten: HD-2026-0005']);
      assert.equal((await warnings.get(key('HD-2026-0005', 'breach', 'fabrikam')))?.late, false);
    });

    it('breach sent at closing is not reported as waiting', async () => {
      await tickAt('2026-12-07T21:00:20+01:00');
      harness.clock.set('2026-12-07T21:10:00+01:00');

      const summary = await watcherOn(harness, 'web-2:202').tick();

      assert.deepEqual(summary, { sent: 0, waitingForServiceWindow: 0, handledElsewhere: 1, failed: 0 });
    });

    it('emergency also goes to the absence substitute', async () => {
      const substituteChat = 'a:1substitute-chat';
      const lookups: string[] = [];
      const watcher = watcherOn(harness, 'web-1:101', {
        substituteConversation: async (now) => {
          lookups.push(now.toISOString());
          return {
            serviceUrl: harness.connector.url,
            channelId: 'msteams',
            conversation: { id: substituteChat, conversationType: 'personal', isGroup: false, name: '' },
            bot: { id: '28:hotline-desk-bot', name: 'Hotline Desk' },
            locale: 'de-DE',
          };
        },
      });
      harness.clock.set('2026-12-08T03:00:00+01:00');

      await watcher.tick();

      assert.deepEqual(lookups, ['2026-12-08T02:00:00.000Z']);
      assert.equal(harness.connector.sentTo(consultantChat.conversationId).length, 1);
      const [substituteCall] = harness.connector.sentTo(substituteChat);
      const substituteCard = cardOf(substituteCall?.activity);
      assert.match(cardTexts(substituteCard).join('\n'), /Notfall nicht bestätigt: HD-2026-0006/);
      assert.match(cardTexts(substituteCard).join('\n'), /weil Sie Sebastian Krüger während der Abwesenheit vertreten/);
      assert.deepEqual(actionVerbs(substituteCard), []);
      const row = await warnings.get(key('HD-2026-0006', 'emergencyUnacknowledged', 'fabrikam'));
      assert.deepEqual(row?.recipients, ['consultant', 'substitute']);

      const stored = await requests.get('fabrikam', 'HD-2026-0006');
      assert.deepEqual(
        stored?.cards.map((copy) => [copy.role, copy.activityId, copy.conversation.conversation?.id]),
        [
          ['consultant', harness.connector.sentTo(consultantChat.conversationId)[0]?.assignedId, consultantChat.conversationId],
          ['substitute', substituteCall?.assignedId, substituteChat],
        ],
      );
    });

    it('logs sent and waiting warnings with ids', async () => {
      const { logger, lines } = memoryLogger();
      const watcher = watcherOn(harness, 'web-1:101', { logger });
      harness.clock.set('2026-12-08T03:00:00+01:00');

      await watcher.tick();
      await watcher.tick();

      const sent = lines.filter((line) => line.msg === 'SLA warning sent');
      assert.equal(sent.length, 1);
      assert.equal(sent[0]?.customerId, 'fabrikam');
      assert.equal(sent[0]?.requestNumber, 'HD-2026-0006');
      assert.equal(sent[0]?.kind, 'emergencyUnacknowledged');
      assert.equal(sent[0]?.instanceId, 'web-1:101');
      assert.equal(sent[0]?.activityIds.length, 1);
      const waiting = lines.filter((line) => String(line.msg).startsWith('SLA warning skipped outside the service window'));
      assert.deepEqual(
        waiting.map((line) => [line.level, line.requestNumber, line.kind, line.dueAt]),
        [
          [30, 'HD-2026-0005', 'breach', '2026-12-07T21:00:00+01:00'],
          [20, 'HD-2026-0005', 'breach', '2026-12-07T21:00:00+01:00'],
        ],
      );
    });
  });

  describe('undeliverable warning', () => {
    it('keeps its claim and is retried after the stale limit', async () => {
      const { logger, lines } = memoryLogger();
      // A fresh storage prefix has no consultant chat, so the first attempt reaches no recipient.
      const unregistered = await startDeskHarness(FRIDAY_FIVE_PM);
      try {
        await storeRequest(unregistered, { number: 'HD-2026-0004', customerId: 'contoso-praxis', openedAt: FRIDAY_FIVE_PM });
        const watcher = watcherOn(unregistered, 'web-1:101', { logger });
        const unregisteredWarnings = new WarningRepository(unregistered.storage.tables);

        unregistered.clock.set('2026-12-07T10:00:00+01:00');
        const firstSummary = await watcher.tick();
        const firstRow = await unregisteredWarnings.get(key('HD-2026-0004', 'atRisk'));

        unregistered.clock.set(new Date(Date.parse('2026-12-07T10:00:00+01:00') + STALE_CLAIM_MS).toISOString());
        const withinLimit = await watcher.tick();

        const chat = personalChat(consultant);
        await unregistered.post(installActivity(chat, unregistered.connector.url));
        unregistered.clock.set('2026-12-07T10:06:00+01:00');
        const afterLimit = await watcher.tick();

        assert.equal(firstSummary.failed, 1);
        assert.equal(firstRow?.state, 'claimed');
        assert.equal(firstRow?.sentAt, undefined);
        assert.ok(lines.some((line) => line.msg.startsWith('SLA warning not delivered') && line.requestNumber === 'HD-2026-0004'));
        assert.equal(withinLimit.handledElsewhere, 1);
        assert.equal(afterLimit.sent, 1);
        assert.equal(unregistered.connector.sentTo(chat.conversationId).filter((call) => cardOf(call.activity)).length, 1);
        const sentRow = await unregisteredWarnings.get(key('HD-2026-0004', 'atRisk'));
        assert.equal(sentRow?.sentAt, '2026-12-07T10:06:00+01:00');
        assert.equal(sentRow?.late, true);
      } finally {
        await unregistered.stop();
      }
    });
  });

  describe('timer', () => {
    it('start ticks with the injected clock until stop', async () => {
      await storeRequest(harness, { number: 'HD-2026-0004', customerId: 'contoso-praxis', openedAt: FRIDAY_FIVE_PM });
      harness.clock.set('2026-12-07T10:00:00+01:00');
      const watcher = watcherOn(harness, 'web-1:101');

      watcher.start(20);
      await harness.connector.waitFor(() => harness.connector.sentTo(consultantChat.conversationId).length === 1);
      await watcher.stop();
      harness.clock.set('2026-12-07T11:00:00+01:00');
      await new Promise((resolve) => setTimeout(resolve, 100));

      assert.deepEqual(consultantCards().map((card) => titleOf(card)), ['Frist in Gefahr: HD-2026-0004']);
    });

    it('start rejects a bad interval and a second start', async () => {
      const watcher = watcherOn(harness, 'web-1:101');

      assert.throws(() => watcher.start(0), /invalid intervalMs 0/);
      assert.throws(() => watcher.start(1.5), /invalid intervalMs 1\.5/);
      watcher.start(60_000);
      try {
        assert.throws(() => watcher.start(60_000), /already started/);
      } finally {
        await watcher.stop();
      }
    });
  });
});
