import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useLanguage } from '../../i18n/index.js';
import { describeMonthError } from './describeMonthError.js';

/** Shows why a monthly view could not load, announced as an alert. Renders nothing when `error` is undefined. */
export function LoadError({ error }: { error: unknown }) {
  const { messages } = useLanguage();
  if (error === undefined) return null;
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>{describeMonthError(error, messages)}</MessageBarBody>
    </MessageBar>
  );
}
