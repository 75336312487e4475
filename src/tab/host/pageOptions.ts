import type { TeamsThemeName } from './teamsHost.js';

/** Language and theme chosen in the page URL, used outside Teams, e.g. `/tab/?lang=en&theme=dark`. */
export interface PageOptions {
  /** Locale to use instead of the browser's, from `?lang=`. */
  locale?: string;
  theme?: TeamsThemeName;
}

/** Reads `?lang=` and `?theme=dark|contrast|default` from a query string and ignores unknown values. */
export function readPageOptions(search: string): PageOptions {
  const parameters = new URLSearchParams(search);
  const options: PageOptions = {};
  const lang = parameters.get('lang');
  if (lang !== null && /^[a-z]{2}(-[A-Za-z]{2})?$/.test(lang)) options.locale = lang;
  const theme = parameters.get('theme');
  if (theme === 'dark' || theme === 'contrast' || theme === 'default') options.theme = theme;
  return options;
}
