import type { ComponentType } from 'react';
import type { TabMessages } from '../i18n/index.js';

/** One screen of the tab's navigation. */
export interface ScreenDefinition {
  /** Stable id, also the URL hash that opens the screen, e.g. "queue" for `/tab/#queue`. */
  id: string;
  /** Name in the navigation, from the tab's catalogs. */
  title(messages: TabMessages): string;
  /** Component of the screen. It reads the API client with `useApi()` and the texts with `useLanguage()`. */
  Component: ComponentType;
}
