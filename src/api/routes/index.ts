import type { AnyApiRoute } from '../route.js';
import { absenceRoutes } from './absences.js';
import { articleRoutes } from './articles.js';
import { customerRoutes } from './customers.js';
import { hoursRoutes } from './hours.js';
import { meRoutes } from './me.js';
import { planRoutes } from './plans.js';
import { requestRoutes } from './requests.js';
import { slaReportRoutes } from './slaReport.js';
import { statementRoutes } from './statements.js';
import { timeEntryRoutes } from './timeEntries.js';

/** Every route of the tab API, which the router mounts and the OpenAPI file describes. */
export const tabApiRoutes: readonly AnyApiRoute[] = [
  ...meRoutes,
  ...requestRoutes,
  ...timeEntryRoutes,
  ...planRoutes,
  ...customerRoutes,
  ...absenceRoutes,
  ...hoursRoutes,
  ...statementRoutes,
  ...slaReportRoutes,
  ...articleRoutes,
];
