import { Dropdown, Field, Input, Option, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { URGENCIES } from '../../../domain/request.js';
import { useApi } from '../../api/apiContext.js';
import { recordCall } from '../../api/requests.js';
import type { CallChannel, CustomerSummary, Urgency } from '../../api/types.js';
import { FormDialog } from '../../components/FormDialog.js';
import { berlinWallTime, berlinWallTimeToInstant, formatDateTime, DISPLAY_ZONE } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';

const CALL_CHANNELS: readonly CallChannel[] = ['phone', 'whatsapp', 'emergency-line'];

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

/**
 * "Anruf erfassen": opens a request for a call that came by phone, WhatsApp or the emergency line. The
 * date and time of the call are Berlin wall time and default to now; the deadline counts from the call.
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
  const [initial] = useState(() => berlinWallTime(new Date()));
  const [customerId, setCustomerId] = useState<string>();
  const [channel, setChannel] = useState<CallChannel>('phone');
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const [contactName, setContactName] = useState('');
  const [description, setDescription] = useState('');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [callbackPhone, setCallbackPhone] = useState('');

  const submit = async () => {
    if (customerId === undefined) return texts.missingCustomer;
    const calledAt = berlinWallTimeToInstant(date, time);
    if (calledAt === undefined) return texts.invalidTime;
    if (contactName.trim() === '') return texts.missingContact;
    if (description.trim() === '') return texts.missingDescription;
    if (callbackPhone.trim() === '') return texts.missingCallbackPhone;

    const created = await recordCall(api, {
      customerId,
      channel,
      calledAt,
      contactName: contactName.trim(),
      description: description.trim(),
      urgency,
      callbackPhone: callbackPhone.trim(),
    });
    props.onDone(texts.created(created.number, formatDateTime(created.deadline, language)));
  };

  const customer = props.customers.find((candidate) => candidate.id === customerId);

  return (
    <FormDialog open title={texts.title} submitLabel={texts.submit} onClose={props.onClose} onSubmit={submit}>
      <span>{texts.intro}</span>
      <Field label={texts.customer} required>
        <Dropdown
          value={customer?.name ?? ''}
          selectedOptions={customerId === undefined ? [] : [customerId]}
          onOptionSelect={(_event, data) => setCustomerId(data.optionValue)}
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
        <Field label={texts.date} hint={DISPLAY_ZONE} required>
          <Input type="date" value={date} onChange={(_event, data) => setDate(data.value)} />
        </Field>
        <Field label={texts.time} required>
          <Input type="time" value={time} onChange={(_event, data) => setTime(data.value)} />
        </Field>
      </div>
      <Field label={texts.contactName} required>
        <Input value={contactName} maxLength={200} onChange={(_event, data) => setContactName(data.value)} />
      </Field>
      <Field label={texts.description} required>
        <Textarea value={description} rows={4} maxLength={2000} onChange={(_event, data) => setDescription(data.value)} />
      </Field>
      <Field label={texts.urgency}>
        <RadioGroup layout="horizontal" value={urgency} onChange={(_event, data) => setUrgency(data.value as Urgency)}>
          {URGENCIES.map((option) => (
            <Radio key={option} value={option} label={messages.urgencies[option]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={texts.callbackPhone} required>
        <Input type="tel" value={callbackPhone} maxLength={40} onChange={(_event, data) => setCallbackPhone(data.value)} />
      </Field>
    </FormDialog>
  );
}
