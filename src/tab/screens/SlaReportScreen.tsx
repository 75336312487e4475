import { Body1, Button, Spinner, Subtitle1, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useCallback } from 'react';
import { useApi } from '../api/apiContext.js';
import { loadSlaReport } from '../api/slaReport.js';
import { useLanguage } from '../i18n/index.js';
import { CustomerMonthPicker } from './monthly/CustomerMonthPicker.js';
import { LoadError } from './monthly/LoadError.js';
import { formatMonth } from './monthly/month.js';
import { useCustomerList } from './monthly/useCustomerList.js';
import { useCustomerMonth } from './monthly/useCustomerMonth.js';
import { useLoaded } from './monthly/useLoaded.js';
import type { ScreenDefinition } from './screen.js';
import { SlaChart } from './slaReport/SlaChart.js';
import { SlaTable } from './slaReport/SlaTable.js';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '72rem' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** The SLA report of a month: per customer the share of callbacks in time and the median callback time. */
function SlaReportScreen() {
  const api = useApi();
  const { language, messages } = useLanguage();
  const texts = messages.slaReport;
  const styles = useStyles();
  const customers = useCustomerList();
  const { customerId, setCustomerId, month, setMonth } = useCustomerMonth(customers.data, true);
  // Each result keeps the customer it was loaded for, so the heading matches the data while a newer load runs.
  const loaded = useLoaded(
    useCallback(async () => ({ customerId, report: await loadSlaReport(api, month, customerId) }), [api, month, customerId]),
  );
  const report = loaded.data?.report;
  const shownCustomer = customers.data?.find((customer) => customer.id === loaded.data?.customerId);
  const heading =
    report === undefined
      ? ''
      : shownCustomer === undefined
        ? texts.sectionLabel(formatMonth(report.month, language))
        : texts.customerSectionLabel(formatMonth(report.month, language), shownCustomer.name);

  return (
    <div className={styles.screen}>
      <Title2 as="h2">{texts.heading}</Title2>
      <Body1 as="p">{texts.intro}</Body1>
      <div className={styles.toolbar}>
        <CustomerMonthPicker
          customers={customers.data ?? []}
          customerId={customerId}
          onCustomerChange={setCustomerId}
          month={month}
          onMonthChange={setMonth}
          allCustomersOption
        />
        <Button icon={<ArrowClockwiseRegular />} onClick={() => void loaded.reload()}>
          {messages.common.refresh}
        </Button>
      </div>
      <LoadError error={customers.error ?? loaded.error} />

      {report === undefined ? (
        loaded.loading && <Spinner label={messages.common.loading} />
      ) : (
        <section className={styles.section} aria-label={heading} aria-busy={loaded.loading}>
          <Subtitle1 as="h3">{heading}</Subtitle1>
          {report.customers.length === 0 ? (
            <Text>{texts.empty}</Text>
          ) : (
            <>
              <SlaChart customers={report.customers} />
              <SlaTable customers={report.customers} label={heading} />
            </>
          )}
        </section>
      )}
    </div>
  );
}

/** The SLA report of the tab. */
export const slaReportScreen: ScreenDefinition = {
  id: 'sla',
  title: (messages) => messages.slaReport.title,
  Component: SlaReportScreen,
};
