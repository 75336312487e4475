import { hostname } from 'node:os';

import type { ConversationReference } from 'botbuilder';
import { DateTime } from 'luxon';

import { renderSlaWarningCard } from '../bot/cards/slaWarning.js';
import type { AdaptiveCard } from '../bot/cards/template.js';
import type { SubstituteConversationLookup } from '../bot/deps.js';
import type { Notifier } from '../bot/notifier.js';
import type { Catalog } from '../domain/catalog.js';
import type { Clock } from '../domain/clock.js';
import type { Language } from '../domain/customer.js';
import type { BusinessCalendar } from '../domain/serviceWindows.js';
import { dueSlaWarnings, type DueSlaWarning } from '../domain/slaWarnings.js';
import type { Logger } from '../logger.js';
import type { CardCopy, RequestRepository, StoredRequest } from '../storage/requests.js';
import type { WarningKey, WarningRecipient, WarningRepository } from '../storage/warnings.js';

/** Collaborators of {@link SlaWatcher}, built in the composition root. */
export interface SlaWatcherDeps {
  requests: Pick<RequestRepository, 'listOpen' | 'addCard'>;
  warnings: WarningRepository;
  catalog: Catalog;
  calendar: BusinessCalendar;
  /** Source of "now" for every tick; the timer only decides when a tick runs. */
  clock: Clock;
  notifier: Pick<Notifier, 'sendToConsultant' | 'sendToConversation'>;
  /** Display name of a customer, or undefined for an unknown id. */
  customerName(customerId: string): Promise<string | undefined>;
  /** The consultant's display name, shown on the substitute's card. */
  consultantName: string;
  /** Finds the substitute's chat for `emergencyUnacknowledged`; without it no substitute is notified. */
  substituteConversation?: SubstituteConversationLookup;
  logger: Logger;
  /** Id of this app instance in the warning rows; defaults to "<hostname>:<pid>". */
  instanceId?: string;
}

/** Counts of one {@link SlaWatcher.tick}. */
export interface SlaTickSummary {
  /** Warnings this instance sent. */
  sent: number;
  /** Due warnings of normal requests that wait for their plan's service window. */
  waitingForServiceWindow: number;
  /** Warnings that were sent before or that another instance is sending. */
  handledElsewhere: number;
  /** Warnings that failed; they are tried again once their claim is stale. */
  failed: number;
}

type TickOutcome = keyof SlaTickSummary;

/**
 * Sends the SLA warnings of open requests: at risk, breach and unacknowledged emergency. Each warning
 * goes out once per request, also across restarts and several app instances, because every send is
 * guarded by a claim row in the warnings table. A warning that fell due while the app was down is
 * sent on the first tick after the start and marked late.
 *
 * NOTE: two cases send a warning twice. An instance may crash after sending but before marking the
 * warning sent, or a send may take longer than the stale limit. In both cases another instance takes
 * the claim over and sends again.
 */
export class SlaWatcher {
  private readonly instanceId: string;

  /** Warnings seen in state "sent"; a sent row never changes back, so they need no further read. */
  private readonly knownSent = new Set<string>();

  /** Waiting warnings already logged at info level, so each night logs one line per warning. */
  private readonly loggedWaiting = new Set<string>();

  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly deps: SlaWatcherDeps) {
    this.instanceId = deps.instanceId ?? `${hostname()}:${process.pid}`;
    if (this.instanceId.trim() === '') {
      throw new RangeError('SlaWatcher: invalid instanceId "": expected a non-empty id of this app instance');
    }
  }

  /**
   * Checks every open request once: computes its due warnings, claims each unsent one, sends it and
   * marks it sent. A failure of one warning is logged and does not stop the others.
   *
   * @throws StorageUnavailableError when the open requests cannot be listed.
   */
  async tick(): Promise<SlaTickSummary> {
    const now = this.deps.clock.now();
    const summary: SlaTickSummary = { sent: 0, waitingForServiceWindow: 0, handledElsewhere: 0, failed: 0 };
    const dueKeys = new Set<string>();

    for (const stored of await this.deps.requests.listOpen()) {
      const { request } = stored;
      const ids = { customerId: request.customerId, requestNumber: request.number, instanceId: this.instanceId };

      let due: DueSlaWarning[];
      try {
        due = this.dueWarnings(stored, now);
      } catch (error) {
        this.deps.logger.error({ ...ids, err: error }, 'computing the SLA warnings of a request failed');
        summary.failed += 1;
        continue;
      }

      for (const warning of due) {
        const key: WarningKey = { customerId: request.customerId, number: request.number, kind: warning.kind };
        const cacheKey = cacheKeyOf(key);
        dueKeys.add(cacheKey);
        if (this.knownSent.has(cacheKey)) {
          continue;
        }

        const warningIds = { ...ids, kind: warning.kind, dueAt: warning.dueAt };
        try {
          const outcome =
            warning.delivery === 'waitForServiceWindow'
              ? await this.noteWaiting(key, cacheKey, warningIds)
              : await this.deliver(stored, warning, key, now, warningIds);
          summary[outcome] += 1;
        } catch (error) {
          this.deps.logger.error({ ...warningIds, err: error }, 'SLA warning failed');
          summary.failed += 1;
        }
      }
    }

    // Forget what is no longer due, e.g. warnings of requests that were called back or resolved.
    for (const cacheKey of [...this.knownSent, ...this.loggedWaiting]) {
      if (!dueKeys.has(cacheKey)) {
        this.knownSent.delete(cacheKey);
        this.loggedWaiting.delete(cacheKey);
      }
    }
    return summary;
  }

  /**
   * Runs a tick right away and then `intervalMs` after the end of each tick, so ticks of one instance
   * never overlap. Errors of a tick are logged and the next tick still runs.
   *
   * @throws RangeError when `intervalMs` is not a positive whole number.
   * @throws Error when the watcher is already started.
   */
  start(intervalMs: number): void {
    if (!Number.isInteger(intervalMs) || intervalMs <= 0) {
      throw new RangeError(`SlaWatcher.start: invalid intervalMs ${intervalMs}, expected a positive whole number of milliseconds`);
    }
    if (!this.stopped) {
      throw new Error('SlaWatcher.start: the watcher is already started; call stop() first');
    }

    this.stopped = false;
    this.deps.logger.info({ instanceId: this.instanceId, intervalMs }, 'SLA watcher started');
    this.schedule(0, intervalMs);
  }

  /** Stops the timer and waits for a running tick to finish, so no storage call outlives the app. */
  async stop(): Promise<void> {
    const wasRunning = !this.stopped;
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    if (wasRunning) {
      this.deps.logger.info({ instanceId: this.instanceId }, 'SLA watcher stopped');
    }
  }

  private schedule(delayMs: number, intervalMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.tick()
        .then(
          (summary) => this.deps.logger.debug({ instanceId: this.instanceId, ...summary }, 'SLA watcher tick done'),
          (error: unknown) => this.deps.logger.error({ instanceId: this.instanceId, err: error }, 'SLA watcher tick failed'),
        )
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.schedule(intervalMs, intervalMs);
        });
    }, delayMs);
    // The HTTP server keeps the process alive; the watcher alone must not delay its exit.
    this.timer.unref();
  }

  private dueWarnings(stored: StoredRequest, now: Date): DueSlaWarning[] {
    const { request } = stored;
    const plan = this.deps.catalog.plans.find((candidate) => candidate.id === request.planId);
    return dueSlaWarnings({
      request,
      plan,
      emergencyLine: this.deps.catalog.emergencyLine,
      calendar: this.deps.calendar,
      now,
    });
  }

  /** Logs a warning that waits for the service window at info level once, then at debug level. */
  private async noteWaiting(key: WarningKey, cacheKey: string, ids: Record<string, unknown>): Promise<TickOutcome> {
    if (this.loggedWaiting.has(cacheKey)) {
      this.deps.logger.debug(ids, 'SLA warning skipped outside the service window');
      return 'waitingForServiceWindow';
    }

    // Another instance may have sent it just before closing time; then it is not waiting at all.
    const stored = await this.deps.warnings.get(key);
    if (stored?.state === 'sent') {
      this.knownSent.add(cacheKey);
      return 'handledElsewhere';
    }
    this.loggedWaiting.add(cacheKey);
    this.deps.logger.info(ids, 'SLA warning skipped outside the service window; it is sent when the window opens');
    return 'waitingForServiceWindow';
  }

  /** Claims, sends and marks one warning. */
  private async deliver(
    stored: StoredRequest,
    warning: DueSlaWarning,
    key: WarningKey,
    now: Date,
    ids: Record<string, unknown>,
  ): Promise<TickOutcome> {
    const { logger } = this.deps;
    const nowIso = toZonedIso(now, this.deps.calendar.zone);

    const claim = await this.deps.warnings.claim(key, { dueAt: warning.dueAt, claimedAt: nowIso, instanceId: this.instanceId });
    if (claim.status === 'alreadySent') {
      this.knownSent.add(cacheKeyOf(key));
      return 'handledElsewhere';
    }
    if (claim.status === 'claimedElsewhere') {
      logger.debug({ ...ids, claimedBy: claim.claimedBy }, 'SLA warning claimed by another instance');
      return 'handledElsewhere';
    }
    if (claim.takenOverFrom !== undefined) {
      logger.warn({ ...ids, takenOverFrom: claim.takenOverFrom }, 'stale SLA warning claim taken over');
    }

    const { request } = stored;
    const customerName = (await this.deps.customerName(request.customerId)) ?? request.customerId;
    const render = (lang: Language, substituteFor?: string): AdaptiveCard =>
      renderSlaWarningCard({
        lang,
        kind: warning.kind,
        request,
        customerName,
        planName: this.planNameOf(request.planId, lang),
        zone: this.deps.calendar.zone,
        now,
        dueAt: warning.dueAt,
        late: warning.late,
        substituteFor,
      });

    const copies: CardCopy[] = [];
    const consultantCopy = await this.deps.notifier.sendToConsultant((lang) => render(lang), ids);
    if (consultantCopy) {
      copies.push(consultantCopy);
    }
    if (warning.kind === 'emergencyUnacknowledged') {
      const substituteCopy = await this.sendToSubstitute(now, (lang) => render(lang, this.deps.consultantName), ids);
      if (substituteCopy) {
        copies.push(substituteCopy);
      }
    }

    if (copies.length === 0) {
      // The claim stays, so the next attempt comes after the stale limit instead of on every tick.
      logger.error(ids, 'SLA warning not delivered to anyone; it is tried again when its claim is stale');
      return 'failed';
    }

    const recipients: WarningRecipient[] = copies.map((copy) => (copy.role === 'substitute' ? 'substitute' : 'consultant'));
    const marked = await this.deps.warnings.markSent(key, claim.etag, { sentAt: nowIso, late: warning.late, sentBy: this.instanceId, recipients });
    if (!marked) {
      logger.warn(ids, 'SLA warning claim was taken over while sending; the warning may have gone out twice');
    }
    this.knownSent.add(cacheKeyOf(key));
    logger.info({ ...ids, late: warning.late, recipients, activityIds: copies.map((copy) => copy.activityId) }, 'SLA warning sent');

    // Stored copies are re-rendered by the card action handlers, so a later acknowledgement or callback updates them.
    for (const copy of copies) {
      try {
        await this.deps.requests.addCard(request.customerId, request.number, copy);
      } catch (error) {
        logger.error(
          { ...ids, err: error, activityId: copy.activityId, role: copy.role },
          'storing the SLA warning card copy failed; later changes will not update it',
        );
      }
    }
    return 'sent';
  }

  /**
   * Sends the substitute's card and returns its copy, or undefined when there is no substitute or the
   * send failed. A failed lookup is logged and counts as no substitute.
   */
  private async sendToSubstitute(
    now: Date,
    render: (lang: Language) => AdaptiveCard,
    ids: Record<string, unknown>,
  ): Promise<CardCopy | undefined> {
    const lookup = this.deps.substituteConversation;
    if (!lookup) {
      return undefined;
    }

    let reference: Partial<ConversationReference> | undefined;
    try {
      reference = await lookup(now);
    } catch (error) {
      this.deps.logger.error({ ...ids, err: error }, 'looking up the absence substitute failed; the substitute is not notified');
      return undefined;
    }
    if (!reference) {
      return undefined;
    }

    const activityId = await this.deps.notifier.sendToConversation(reference, render, { ...ids, recipient: 'substitute' });
    return activityId === undefined ? undefined : { role: 'substitute', conversation: reference, activityId };
  }

  private planNameOf(planId: string, lang: Language): string {
    const plan = this.deps.catalog.plans.find((candidate) => candidate.id === planId);
    if (plan) {
      return plan.name[lang];
    }
    return planId === this.deps.catalog.emergencyLine.id ? this.deps.catalog.emergencyLine.name[lang] : planId;
  }
}

function cacheKeyOf(key: WarningKey): string {
  return `${key.customerId}\u0000${key.number}\u0000${key.kind}`;
}

function toZonedIso(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true }) as string;
}
