import { useApi } from '../../api/apiContext.js';
import { editTime, type RequestKey } from '../../api/requests.js';
import type { RequestDetail } from '../../api/types.js';
import { FormDialog } from '../../components/FormDialog.js';
import { formatMinutes } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { useTimeEntryFields } from './TimeEntryFields.js';

/** A time entry as the request detail lists it. */
export type RequestTimeEntry = RequestDetail['timeEntries'][number];

/**
 * Changes minutes, type and note of a request's time entry. The server keeps the replaced version in the
 * entry's change history.
 */
export function EditTimeDialog(props: {
  request: RequestKey;
  entry: RequestTimeEntry;
  /** The entry's start as the drawer shows it, for the title. */
  startText: string;
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const api = useApi();
  const { language, messages } = useLanguage();
  const form = useTimeEntryFields({ minutes: String(props.entry.minutes), type: props.entry.type, note: props.entry.note ?? '' });

  const submit = async () => {
    const values = form.read();
    if (values === undefined) {
      return messages.common.fixFields;
    }
    await editTime(api, props.request, props.entry, values);
    props.onDone(messages.timeEntry.edited(formatMinutes(values.minutes, language)));
  };

  return (
    <FormDialog
      open
      title={messages.timeEntry.editTitle(props.startText)}
      submitLabel={messages.common.save}
      onClose={props.onClose}
      onSubmit={submit}
    >
      {form.fields}
    </FormDialog>
  );
}
