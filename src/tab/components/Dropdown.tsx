import { Dropdown as FluentDropdown, type DropdownProps } from '@fluentui/react-components';
import { useLanguage } from '../i18n/index.js';

/**
 * Fluent's Dropdown with its clear button labelled from the tab's catalogs. Fluent renders that button in
 * every Dropdown, hidden unless `clearable` is set, with the English label "Clear selection" by default.
 */
export function Dropdown(props: DropdownProps) {
  const { messages } = useLanguage();
  return <FluentDropdown clearButton={{ 'aria-label': messages.common.clearSelection }} {...props} />;
}
