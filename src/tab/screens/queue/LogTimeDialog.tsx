import { Field, Input, Option, Textarea } from '@fluentui/react-components';
import { Dropdown } from '../../components/Dropdown.js';
import { useState } from 'react';
import { useApi } from '../../api/apiContext.js';
import { logTime, type RequestKey } from '../../api/requests.js';
import type { TimeType } from '../../api/types.js';
import { FormDialog } from '../../components/FormDialog.js';
import { formatMinutes } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';

/** Time types in the order the type dropdowns list them. */
export const TIME_TYPES: readonly TimeType[] = ['support', 'project', 'emergency', 'on-site'];

/** Largest duration of one time entry, in minutes; the server rejects longer entries too. */
export const MAX_ENTRY_MINUTES = 24 * 60;

/** Logs worked minutes of a type, with an optional note, on a request. */
export function LogTimeDialog(props: { request: RequestKey; emergency: boolean; onClose: () => void; onDone: (text: string) => void }) {
  const api = useApi();
  const { language, messages } = useLanguage();
  const [minutes, setMinutes] = useState('15');
  const [type, setType] = useState<TimeType>(props.emergency ? 'emergency' : 'support');
  const [note, setNote] = useState('');
  const [minutesError, setMinutesError] = useState<string>();

  const submit = async () => {
    const value = Number(minutes);
    // An empty field is Number('') = 0, so it fails the range check too.
    if (!Number.isInteger(value) || value < 1 || value > MAX_ENTRY_MINUTES) {
      setMinutesError(messages.logTime.invalidMinutes);
      return messages.common.fixFields;
    }
    await logTime(api, props.request, value, type, note.trim());
    props.onDone(messages.queue.timeLogged(props.request.number, formatMinutes(value, language)));
  };

  return (
    <FormDialog
      open
      title={messages.logTime.title(props.request.number)}
      submitLabel={messages.common.save}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <Field label={messages.logTime.minutes} hint={messages.logTime.minutesHint} required validationMessage={minutesError}>
        <Input
          type="number"
          min={1}
          max={MAX_ENTRY_MINUTES}
          step={1}
          value={minutes}
          onChange={(_event, data) => {
            setMinutes(data.value);
            setMinutesError(undefined);
          }}
        />
      </Field>
      <Field label={messages.logTime.type}>
        <Dropdown
          value={messages.timeTypes[type]}
          selectedOptions={[type]}
          onOptionSelect={(_event, data) => setType(data.optionValue as TimeType)}
        >
          {TIME_TYPES.map((timeType) => (
            <Option key={timeType} value={timeType}>
              {messages.timeTypes[timeType]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={messages.logTime.note}>
        <Textarea value={note} maxLength={4000} onChange={(_event, data) => setNote(data.value)} />
      </Field>
    </FormDialog>
  );
}
