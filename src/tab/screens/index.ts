import { absencesScreen } from './AbsencesScreen.js';
import { customersScreen } from './CustomersScreen.js';
import { hoursScreen } from './HoursScreen.js';
import { knowledgeBaseScreen } from './KnowledgeBaseScreen.js';
import { queueScreen } from './QueueScreen.js';
import { slaReportScreen } from './SlaReportScreen.js';
import { statementsScreen } from './StatementsScreen.js';
import type { ScreenDefinition } from './screen.js';

export type { ScreenDefinition } from './screen.js';

/**
 * The screens in navigation order. The first one opens by default. A new screen is one file exporting a
 * {@link ScreenDefinition} and one entry here.
 */
export const screens: readonly ScreenDefinition[] = [
  queueScreen,
  customersScreen,
  hoursScreen,
  statementsScreen,
  slaReportScreen,
  knowledgeBaseScreen,
  absencesScreen,
];
