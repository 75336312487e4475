import { Button, Spinner, Subtitle1, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useCallback } from 'react';
import { useApi } from '../api/apiContext.js';
import { loadHours } from '../api/hours.js';
import { useLanguage } from '../i18n/index.js';
import { HoursChart } from './hours/HoursChart.js';
import { HoursFigures } from './hours/HoursFigures.js';
import { HoursWarnings } from './hours/HoursWarnings.js';
import { CustomerMonthPicker } from './monthly/CustomerMonthPicker.js';
import { LoadError } from './monthly/LoadError.js';
import { formatMonth } from './monthly/month.js';
import { useCustomerList } from './monthly/useCustomerList.js';
import { useCustomerMonth } from './monthly/useCustomerMonth.js';
import { useLoaded } from './monthly/useLoaded.js';
import type { ScreenDefinition } from './screen.js';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '72rem' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
});

/** A customer's hours in one month: warnings, a chart of used against available hours, and the figures. */
function HoursScreen() {
  const api = useApi();
  const { language, messages } = useLanguage();
  const texts = messages.hours;
  const styles = useStyles();
  const customers = useCustomerList();
  const { customerId, setCustomerId, month, setMonth } = useCustomerMonth(customers.data);
  const hours = useLoaded(
    useCallback(() => (customerId === undefined ? undefined : loadHours(api, customerId, month)), [api, customerId, month]),
  );

  // The heading names the customer and month of the shown data, which lag behind the pickers while loading.
  const heading = (data: { customerId: string; month: string }) =>
    texts.sectionLabel(
      customers.data?.find((customer) => customer.id === data.customerId)?.name ?? data.customerId,
      formatMonth(data.month, language),
    );

  return (
    <div className={styles.screen}>
      <Title2 as="h2">{texts.heading}</Title2>
      <div className={styles.toolbar}>
        <CustomerMonthPicker
          customers={customers.data ?? []}
          customerId={customerId}
          onCustomerChange={setCustomerId}
          month={month}
          onMonthChange={setMonth}
        />
        <Button icon={<ArrowClockwiseRegular />} onClick={() => void hours.reload()} disabled={customerId === undefined}>
          {messages.common.refresh}
        </Button>
      </div>
      <LoadError error={customers.error ?? hours.error} />

      {customerId === undefined ? (
        customers.data?.length === 0 ? <Text>{messages.monthly.noCustomers}</Text> : customers.loading && <Spinner label={messages.common.loading} />
      ) : hours.data === undefined ? (
        hours.loading && <Spinner label={messages.common.loading} />
      ) : (
        <section className={styles.section} aria-label={heading(hours.data)} aria-busy={hours.loading}>
          <Subtitle1 as="h3">{heading(hours.data)}</Subtitle1>
          <HoursWarnings hours={hours.data} />
          <HoursChart hours={hours.data} />
          <HoursFigures hours={hours.data} />
        </section>
      )}
    </div>
  );
}

/** The hours view of the tab. */
export const hoursScreen: ScreenDefinition = {
  id: 'hours',
  title: (messages) => messages.hours.title,
  Component: HoursScreen,
};
