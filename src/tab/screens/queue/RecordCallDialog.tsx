import { Field, Input, Option, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Dropdown } from '../../components/Dropdown.js';
import { useState } from 'react';
import { URGENCIES } from '../../../domain/request.js';
import { useApi } from '../../api/apiContext.js';
import { recordCall } from '../../api/requests.js';
import type { CallChannel, CustomerSummary, Urgency } from '../../api/types.js';
import { FormDialog } from '../../components/FormDialog.js';
import { formatDateTime, wallTime, wallTimeToInstant } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { useTimeZone } from '../../i18n/timeZone.js';

const CALL_CHANNELS: readonly CallChannel[] = ['phone', 'whatsapp', 'emergency-line'];

/** Fields of the dialog that its own check can mark. */
type CallField = 'customer' | 'dateTime' | 'contactName' | 'description' | 'callbackPhone';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

/**
 * Opens a request for a call that came by phone, WhatsApp or the emergency line ("Anruf erfassen"). The
 * date and time of the call are wall time in the business time zone and default to now. The deadline counts
 * from the call.
 */
export function RecordCallDialog(props: {
  customers: readonly CustomerSummary[];
  onClose: () => void;
  onDone: (text: string) => void;
}) {
  const api = useApi();
  const { language, messages } = useLanguage();
  const styles = useStyles();
  const texts = messages.recordCall;
  const zone = useTimeZone();
  const [initial] = useState(() => wallTime(new Date(), zone));
  const [customerId, setCustomerId] = useState<string>();
  const [channel, setChannel] = useState<CallChannel>('phone');
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const [contactName, setContactName] = useState('');
  const [description, setDescription] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [callbackPhone, setCallbackPhone] = useState('');
  const [errors, setErrors] = useState<Partial<Record<CallField, string>>>({});

  /** Applies a change and drops the error of the changed field. */
  const change = <Value,>(field: CallField, set: (value: Value) => void, value: Value) => {
    set(value);
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async () => {
    const calledAt = wallTimeToInstant(date, time, zone);
    const problems: Partial<Record<CallField, string>> = {};
    if (customerId === undefined) problems.customer = texts.missingCustomer;
    if (calledAt === undefined) problems.dateTime = texts.invalidTime;
    if (contactName.trim() === '') problems.contactName = texts.missingContact;
    if (description.trim() === '') problems.description = texts.missingDescription;
    if (callbackPhone.trim() === '') problems.callbackPhone = texts.missingCallbackPhone;
    setErrors(problems);
    if (customerId === undefined || calledAt === undefined || Object.keys(problems).length > 0) return messages.common.fixFields;

    const created = await recordCall(api, {
      customerId,
      channel,
      calledAt,
      contactName: contactName.trim(),
      description: description.trim(),
      urgency,
      callbackPhone: callbackPhone.trim(),
    });
    props.onDone(texts.created(created.number, formatDateTime(created.deadline, language, zone)));
  };

  const customer = props.customers.find((candidate) => candidate.id === customerId);

  return (
    <FormDialog open title={texts.title} submitLabel={texts.submit} onClose={props.onClose} onSubmit={submit}>
      <span>{texts.intro}</span>
      <Field label={texts.customer} required validationMessage={errors.customer}>
        <Dropdown
          value={customer?.name ?? ''}
          selectedOptions={customerId === undefined ? [] : [customerId]}
          onOptionSelect={(_event, data) => change('customer', setCustomerId, data.optionValue)}
        >
          {props.customers.map((candidate) => (
            <Option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={texts.channel}>
        <RadioGroup layout="horizontal" value={channel} onChange={(_event, data) => setChannel(data.value as CallChannel)}>
          {CALL_CHANNELS.map((option) => (
            <Radio key={option} value={option} label={texts.channels[option]} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Field label={texts.date} hint={zone} required validationMessage={errors.dateTime}>
          <Input type="date" value={date} onChange={(_event, data) => change('dateTime', setDate, data.value)} />
        </Field>
        <Field label={texts.time} required validationState={errors.dateTime === undefined ? 'none' : 'error'}>
          <Input type="time" value={time} onChange={(_event, data) => change('dateTime', setTime, data.value)} />
        </Field>
      </div>
      <Field label={texts.contactName} required validationMessage={errors.contactName}>
        <Input value={contactName} maxLength={200} onChange={(_event, data) => change('contactName', setContactName, data.value)} />
      </Field>
      <Field label={texts.description} required validationMessage={errors.description}>
        <Textarea
          value={description}
          rows={4}
          maxLength={2000}
          onChange={(_event, data) => change('description', setDescription, data.value)}
        />
      </Field>
      <Field label={texts.urgency}>
        <RadioGroup layout="horizontal" value={urgency} onChange={(_event, data) => setUrgency(data.value as Urgency)}>
          {URGENCIES.map((option) => (
            <Radio key={option} value={option} label={messages.urgencies[option]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={texts.callbackPhone} required validationMessage={errors.callbackPhone}>
        <Input
          type="tel"
          value={callbackPhone}
          maxLength={40}
          onChange={(_event, data) => change('callbackPhone', setCallbackPhone, data.value)}
        />
      </Field>
    </FormDialog>
  );
}
