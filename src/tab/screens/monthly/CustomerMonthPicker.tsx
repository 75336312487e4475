import { Field, Input, Option, makeStyles, tokens } from '@fluentui/react-components';
import { Dropdown } from '../../components/Dropdown.js';
import { useEffect, useState } from 'react';
import type { CustomerSummary } from '../../api/types.js';
import { useLanguage } from '../../i18n/index.js';
import { MONTH_PATTERN } from './month.js';

const useStyles = makeStyles({
  pickers: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalL },
  customer: { minWidth: '16rem' },
});

/** Value of the "all customers" option, which no customer id can have because ids start with a letter or digit. */
const ALL_CUSTOMERS = '';

/**
 * Picks the customer and month of a monthly view. The month changes only to a complete "yyyy-MM", so a
 * half-typed month loads nothing. With `allCustomersOption` the first option clears the customer.
 */
export function CustomerMonthPicker(props: {
  customers: readonly CustomerSummary[];
  customerId: string | undefined;
  onCustomerChange: (customerId: string | undefined) => void;
  month: string;
  onMonthChange: (month: string) => void;
  allCustomersOption?: boolean;
}) {
  const { messages } = useLanguage();
  const texts = messages.monthly;
  const styles = useStyles();
  const [monthText, setMonthText] = useState(props.month);

  useEffect(() => setMonthText(props.month), [props.month]);

  const options = props.allCustomersOption
    ? [{ id: ALL_CUSTOMERS, name: texts.allCustomers }, ...props.customers]
    : props.customers;
  const selectedId = props.customerId ?? (props.allCustomersOption ? ALL_CUSTOMERS : undefined);
  const selected = options.find((customer) => customer.id === selectedId);

  return (
    <div className={styles.pickers}>
      <Field label={texts.customer} className={styles.customer}>
        <Dropdown
          value={selected?.name ?? ''}
          placeholder={texts.chooseCustomer}
          selectedOptions={selectedId === undefined ? [] : [selectedId]}
          onOptionSelect={(_event, data) =>
            props.onCustomerChange(data.optionValue === ALL_CUSTOMERS ? undefined : data.optionValue)
          }
        >
          {options.map((customer) => (
            <Option key={customer.id} value={customer.id}>
              {customer.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={texts.month} validationMessage={MONTH_PATTERN.test(monthText) ? undefined : texts.invalidMonth}>
        <Input
          type="month"
          value={monthText}
          onChange={(_event, data) => {
            setMonthText(data.value);
            if (MONTH_PATTERN.test(data.value)) props.onMonthChange(data.value);
          }}
        />
      </Field>
    </div>
  );
}
