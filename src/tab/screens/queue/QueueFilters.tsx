import { Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import { Dropdown } from '../../components/Dropdown.js';
import { isOpenState } from '../../../domain/lifecycle.js';
import type { QueueFilter } from '../../api/requests.js';
import type { CustomerSummary, RequestListChannel, RequestState } from '../../api/types.js';
import { useLanguage } from '../../i18n/index.js';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  field: { minWidth: '12rem' },
});

const ALL_STATES: readonly RequestState[] = [
  'new',
  'acknowledged',
  'callbackDone',
  'inProgress',
  'waitingForCustomer',
  'resolved',
  'closed',
];

/** States the queue can filter by: the open ones, because the queue lists open requests only. */
const QUEUE_STATES = ALL_STATES.filter(isOpenState);

const CHANNELS: readonly RequestListChannel[] = ['teams', 'phone', 'whatsapp', 'emergency-line'];

interface FilterOption {
  value: string;
  text: string;
}

/** Renders one labelled drop-down whose first option, "Alle", clears the filter. */
function FilterDropdown(props: {
  label: string;
  value: string | undefined;
  options: readonly FilterOption[];
  onChange: (value: string | undefined) => void;
}) {
  const { messages } = useLanguage();
  const styles = useStyles();
  const all: FilterOption = { value: '', text: messages.common.all };
  const options = [all, ...props.options];
  const selected = options.find((option) => option.value === (props.value ?? '')) ?? all;

  return (
    <Field label={props.label} className={styles.field}>
      <Dropdown
        value={selected.text}
        selectedOptions={[selected.value]}
        onOptionSelect={(_event, data) => props.onChange(data.optionValue === '' ? undefined : data.optionValue)}
      >
        {options.map((option) => (
          <Option key={option.value} value={option.value}>
            {option.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** Shows the filters of the queue by customer, state and channel. */
export function QueueFilters(props: {
  filter: QueueFilter;
  customers: readonly CustomerSummary[];
  onChange: (filter: QueueFilter) => void;
}) {
  const { messages } = useLanguage();
  const styles = useStyles();
  const { filter, onChange } = props;

  return (
    <div className={styles.filters}>
      <FilterDropdown
        label={messages.queue.filterCustomer}
        value={filter.customerId}
        options={props.customers.map((customer) => ({ value: customer.id, text: customer.name }))}
        onChange={(customerId) => onChange({ ...filter, customerId })}
      />
      <FilterDropdown
        label={messages.queue.filterState}
        value={filter.state}
        options={QUEUE_STATES.map((state) => ({ value: state, text: messages.states[state] }))}
        onChange={(state) => onChange({ ...filter, state: state as RequestState | undefined })}
      />
      <FilterDropdown
        label={messages.queue.filterChannel}
        value={filter.channel}
        options={CHANNELS.map((channel) => ({ value: channel, text: messages.channels[channel] }))}
        onChange={(channel) => onChange({ ...filter, channel: channel as RequestListChannel | undefined })}
      />
    </div>
  );
}
