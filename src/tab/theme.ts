import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { TeamsThemeName } from './host/teamsHost.js';

/** Returns the Fluent UI theme that matches a Teams theme. */
export function fluentThemeFor(theme: TeamsThemeName): Theme {
  if (theme === 'dark') return teamsDarkTheme;
  if (theme === 'contrast') return teamsHighContrastTheme;
  return teamsLightTheme;
}
