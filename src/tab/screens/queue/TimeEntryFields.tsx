import { Field, Input, Option, Textarea } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { TimeType } from '../../api/types.js';
import { Dropdown } from '../../components/Dropdown.js';
import { useLanguage } from '../../i18n/index.js';

/** Time types in the order the type dropdowns list them. */
import { TIME_TYPES } from '../../../domain/timeTypes.js';

/** Largest duration of one time entry, in minutes; the server rejects longer entries too. */
export const MAX_ENTRY_MINUTES = 24 * 60;

/** Maximum length of a time entry's note, in characters. */
const MAX_NOTE_LENGTH = 4000;

/** Minutes, type and note of a time entry as the dialog fields contain them. */
export interface TimeEntryDraft {
  /** Minutes as typed. */
  minutes: string;
  type: TimeType;
  note: string;
}

/** Checked values of the fields: whole minutes in range and the trimmed note. */
export interface TimeEntryValues {
  minutes: number;
  type: TimeType;
  note: string;
}

/** Fields and check of a time entry form, for {@link useTimeEntryFields}. */
export interface TimeEntryForm {
  /** The minutes, type and note fields, to render inside the dialog. */
  fields: ReactElement;
  /** Returns the checked values, or undefined after showing the minutes error on the field. */
  read: () => TimeEntryValues | undefined;
}

/**
 * Keeps the state of the minutes, type and note fields of a time entry dialog and checks the minutes
 * (a whole number from 1 to {@link MAX_ENTRY_MINUTES}) before the dialog submits.
 *
 * @param initial - Values the fields start with.
 */
export function useTimeEntryFields(initial: TimeEntryDraft): TimeEntryForm {
  const { messages } = useLanguage();
  const [minutes, setMinutes] = useState(initial.minutes);
  const [type, setType] = useState<TimeType>(initial.type);
  const [note, setNote] = useState(initial.note);
  const [minutesError, setMinutesError] = useState<string>();

  const read = (): TimeEntryValues | undefined => {
    const value = Number(minutes);
    // An empty field is Number('') = 0, so it fails the range check too.
    if (!Number.isInteger(value) || value < 1 || value > MAX_ENTRY_MINUTES) {
      setMinutesError(messages.logTime.invalidMinutes);
      return undefined;
    }
    return { minutes: value, type, note: note.trim() };
  };

  const fields = (
    <>
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
        <Textarea value={note} maxLength={MAX_NOTE_LENGTH} onChange={(_event, data) => setNote(data.value)} />
      </Field>
    </>
  );

  return { fields, read };
}
