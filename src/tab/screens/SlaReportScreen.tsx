import { Body1, Text, Title2 } from '@fluentui/react-components';
import { useCallback } from 'react';
import { useApi } from '../api/apiContext.js';
import { loadSlaReport } from '../api/slaReport.js';
import { useLanguage } from '../i18n/index.js';
import { CustomerMonthPicker } from './monthly/CustomerMonthPicker.js';
import { LoadError } from './monthly/LoadError.js';
import { formatMonth } from './monthly/month.js';
import { MonthSection, RefreshButton, useMonthlyStyles } from './monthly/MonthlyLayout.js';
import { useCustomerList } from './monthly/useCustomerList.js';
import { useCustomerMonth } from './monthly/useCustomerMonth.js';
import { useLoaded } from './monthly/useLoaded.js';
import type { ScreenDefinition } from './screen.js';
import { SlaChart } from './slaReport/SlaChart.js';
import { SlaTable } from './slaReport/SlaTable.js';

/** Shows the SLA report of a month: per customer the share of callbacks in time and the median callback time. */
function SlaReportScreen() {
  const api = useApi();
  const { language, messages } = useLanguage();
  const texts = messages.slaReport;
  const styles = useMonthlyStyles();
  const customers = useCustomerList();
  const { customerId, month, picker } = useCustomerMonth(customers.data, true);
  // Each result keeps the customer it was loaded for, so the heading matches the data while a newer load runs.
  const loaded = useLoaded(
    useCallback(async () => ({ customerId, report: await loadSlaReport(api, month, customerId) }), [api, month, customerId]),
  );
  const heading = ({ customerId: reportCustomerId, report }: NonNullable<typeof loaded.data>) => {
    const reportCustomer = customers.data?.find((customer) => customer.id === reportCustomerId);
    return reportCustomer === undefined
      ? texts.sectionLabel(formatMonth(report.month, language))
      : texts.customerSectionLabel(formatMonth(report.month, language), reportCustomer.name);
  };

  return (
    <div className={styles.screen}>
      <Title2 as="h2">{texts.heading}</Title2>
      <Body1 as="p">{texts.intro}</Body1>
      <div className={styles.toolbar}>
        <CustomerMonthPicker {...picker} allCustomersOption />
        <RefreshButton loaded={loaded} />
      </div>
      <LoadError error={customers.error ?? loaded.error} />

      <MonthSection loaded={loaded} heading={heading}>
        {(data) =>
          data.report.customers.length === 0 ? (
            <Text>{texts.empty}</Text>
          ) : (
            <>
              <SlaChart customers={data.report.customers} />
              <SlaTable customers={data.report.customers} label={heading(data)} />
            </>
          )
        }
      </MonthSection>
    </div>
  );
}

/** The SLA report of the tab. */
export const slaReportScreen: ScreenDefinition = {
  id: 'sla',
  title: (messages) => messages.slaReport.title,
  Component: SlaReportScreen,
};
