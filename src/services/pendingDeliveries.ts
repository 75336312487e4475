import type { Logger } from '../logger.js';
import type { DeliveryKey, DeliveryRepository } from '../storage/deliveries.js';
import type { HoursWarningService } from './hoursWarningService.js';
import type { OverageApprovalService } from './overageApprovalService.js';

/** Counts of one {@link PendingDeliveries.tick}. */
export interface DeliveryTickSummary {
  /** Unsent rows found. */
  unsent: number;
  /** Rows whose delivery failed with an error; they are tried again on a later tick. */
  failed: number;
}

/** Collaborators of {@link PendingDeliveries}. */
export interface PendingDeliveriesDeps {
  deliveries: Pick<DeliveryRepository, 'listUnsent'>;
  hoursWarnings: Pick<HoursWarningService, 'deliver'>;
  overage: Pick<OverageApprovalService, 'deliver'>;
  logger: Logger;
}

/**
 * Sends what other processes recorded as due, such as hours warnings and approval cards from the `desk`
 * command line, and retries deliveries whose claim went stale. Runs in every app instance, and the
 * claim of each delivery keeps two instances from sending it twice.
 */
export class PendingDeliveries {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly deps: PendingDeliveriesDeps) {}

  /**
   * Delivers every unsent row once. A failure of one row is logged and does not stop the others.
   *
   * @throws StorageUnavailableError when the unsent rows cannot be listed.
   */
  async tick(): Promise<DeliveryTickSummary> {
    const unsent = await this.deps.deliveries.listUnsent();
    const summary: DeliveryTickSummary = { unsent: unsent.length, failed: 0 };

    for (const delivery of unsent) {
      const key: DeliveryKey = { customerId: delivery.customerId, kind: delivery.kind, subject: delivery.subject };
      try {
        if (key.kind === 'hoursWarning') {
          await this.deps.hoursWarnings.deliver(key);
        } else {
          await this.deps.overage.deliver(key);
        }
      } catch (error) {
        summary.failed += 1;
        this.deps.logger.error({ ...key, err: error }, 'pending delivery failed; it is tried again on a later tick');
      }
    }
    return summary;
  }

  /**
   * Runs a tick right away and then `intervalMs` after the end of each tick.
   *
   * @throws RangeError when `intervalMs` is not a positive whole number.
   */
  start(intervalMs: number): void {
    if (!Number.isInteger(intervalMs) || intervalMs <= 0) {
      throw new RangeError(`PendingDeliveries.start: invalid intervalMs ${intervalMs}, expected a positive whole number of milliseconds`);
    }
    this.stopped = false;
    this.schedule(0, intervalMs);
  }

  /** Stops the timer and waits for a running tick. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(delayMs: number, intervalMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.tick()
        .then(
          (summary) => this.deps.logger.debug(summary, 'pending deliveries tick done'),
          (error: unknown) => this.deps.logger.error({ err: error }, 'pending deliveries tick failed'),
        )
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.schedule(intervalMs, intervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}
