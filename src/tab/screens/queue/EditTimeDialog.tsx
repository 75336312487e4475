import { Field, Input, Option, Textarea } from '@fluentui/react-components';
import { Dropdown } from '../../components/Dropdown.js';
import { useState } from 'react';
import { useApi } from '../../api/apiContext.js';
import { editTime, type RequestKey } from '../../api/requests.js';
import type { RequestDetail, TimeType } from '../../api/types.js';
import { FormDialog } from '../../components/FormDialog.js';
import { formatMinutes } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { MAX_ENTRY_MINUTES, TIME_TYPES } from './LogTimeDialog.js';

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
  const [minutes, setMinutes] = useState(String(props.entry.minutes));
  const [type, setType] = useState<TimeType>(props.entry.type);
  const [note, setNote] = useState(props.entry.note ?? '');
  const [minutesError, setMinutesError] = useState<string>();

  const submit = async () => {
    const value = Number(minutes);
    // An empty field is Number('') = 0, so it fails the range check too.
    if (!Number.isInteger(value) || value < 1 || value > MAX_ENTRY_MINUTES) {
      setMinutesError(messages.logTime.invalidMinutes);
      return messages.common.fixFields;
    }
    await editTime(api, props.request, props.entry, { minutes: value, type, note: note.trim() });
    props.onDone(messages.timeEntry.edited(formatMinutes(value, language)));
  };

  return (
    <FormDialog
      open
      title={messages.timeEntry.editTitle(props.startText)}
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
