import { Title2 } from '@fluentui/react-components';
import { loadHours } from '../api/hours.js';
import { useLanguage } from '../i18n/index.js';
import { HoursChart } from './hours/HoursChart.js';
import { HoursFigures } from './hours/HoursFigures.js';
import { HoursWarnings } from './hours/HoursWarnings.js';
import { CustomerMonthPicker } from './monthly/CustomerMonthPicker.js';
import { LoadError } from './monthly/LoadError.js';
import { formatMonth } from './monthly/month.js';
import { customerNameOf, MonthSection, NoCustomerChosen, RefreshButton, useMonthlyStyles } from './monthly/MonthlyLayout.js';
import { useCustomerMonthData } from './monthly/useCustomerMonthData.js';
import type { ScreenDefinition } from './screen.js';

/** Shows a customer's hours in one month: warnings, a chart of used against available hours, and the figures. */
function HoursScreen() {
  const { language, messages } = useLanguage();
  const texts = messages.hours;
  const styles = useMonthlyStyles();
  const { customers, customerId, picker, loaded: hours } = useCustomerMonthData(loadHours);

  // The heading names the customer and month of the shown data, which lag behind the pickers while loading.
  const heading = (data: { customerId: string; month: string }) =>
    texts.sectionLabel(customerNameOf(customers.data, data.customerId), formatMonth(data.month, language));

  return (
    <div className={styles.screen}>
      <Title2 as="h2">{texts.heading}</Title2>
      <div className={styles.toolbar}>
        <CustomerMonthPicker {...picker} />
        <RefreshButton loaded={hours} disabled={customerId === undefined} />
      </div>
      <LoadError error={customers.error ?? hours.error} />

      {customerId === undefined ? (
        <NoCustomerChosen customers={customers} />
      ) : (
        <MonthSection loaded={hours} heading={heading}>
          {(data) => (
            <>
              <HoursWarnings hours={data} />
              <HoursChart hours={data} />
              <HoursFigures hours={data} />
            </>
          )}
        </MonthSection>
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
