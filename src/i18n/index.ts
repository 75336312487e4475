export type { Language } from '../domain/customer.js';
export { de, type EmergencyTextValues, type Messages } from './de.js';
export { en } from './en.js';
export { messagesFor, resolveLanguage } from './messages.js';
export {
  formatDuration,
  formatEuro,
  formatInstant,
  formatInteger,
  formatList,
  formatTimeLeft,
  localeOf,
} from './format.js';
export { describePlan, type PlanDescription } from './planDescription.js';
