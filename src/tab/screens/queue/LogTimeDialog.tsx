import { useApi } from '../../api/apiContext.js';
import { logTime, type RequestKey } from '../../api/requests.js';
import { FormDialog } from '../../components/FormDialog.js';
import { formatMinutes } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { useTimeEntryFields } from './TimeEntryFields.js';

/** Logs worked minutes of a type, with an optional note, on a request. */
export function LogTimeDialog(props: { request: RequestKey; emergency: boolean; onClose: () => void; onDone: (text: string) => void }) {
  const api = useApi();
  const { language, messages } = useLanguage();
  const form = useTimeEntryFields({ minutes: '15', type: props.emergency ? 'emergency' : 'support', note: '' });

  const submit = async () => {
    const values = form.read();
    if (values === undefined) {
      return messages.common.fixFields;
    }
    await logTime(api, props.request, values.minutes, values.type, values.note);
    props.onDone(messages.queue.timeLogged(props.request.number, formatMinutes(values.minutes, language)));
  };

  return (
    <FormDialog
      open
      title={messages.logTime.title(props.request.number)}
      submitLabel={messages.common.save}
      onClose={props.onClose}
      onSubmit={submit}
    >
      {form.fields}
    </FormDialog>
  );
}
