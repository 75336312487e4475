import type { Catalog } from '../domain/catalog.js';
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../logger.js';
import type { CallerDirectory } from '../services/callers.js';
import type { RequestService } from '../services/requestService.js';
import type { SubmissionRepository } from '../storage/submissions.js';
import type { Notifier } from './notifier.js';

/** Everything the bot's handlers use; built once in the composition root. */
export interface BotDeps {
  catalog: Catalog;
  /** IANA zone in which cards show instants. */
  zone: string;
  hotlinePhone: string;
  emergencyPhone: string;
  clock: Clock;
  callers: CallerDirectory;
  requests: RequestService;
  submissions: SubmissionRepository;
  notifier: Notifier;
  logger: Logger;
}
