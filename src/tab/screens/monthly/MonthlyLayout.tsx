import { Button, Spinner, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { CustomerSummary } from '../../api/types.js';
import { useLanguage } from '../../i18n/index.js';
import type { Loaded } from './useLoaded.js';

/** Layout of a monthly screen: the column of the screen, its toolbar with the pickers, and the section of the loaded month. */
export const useMonthlyStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '72rem' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** Returns the name of a listed customer, or its id while the list has not arrived or lacks it. */
export function customerNameOf(customers: readonly CustomerSummary[] | undefined, customerId: string): string {
  return customers?.find((customer) => customer.id === customerId)?.name ?? customerId;
}

/** Renders a button that loads the displayed month again. */
export function RefreshButton({ loaded, disabled = false }: { loaded: Loaded<unknown>; disabled?: boolean }) {
  const { messages } = useLanguage();
  return (
    <Button icon={<ArrowClockwiseRegular />} onClick={() => void loaded.reload()} disabled={disabled}>
      {messages.common.refresh}
    </Button>
  );
}

/**
 * Replaces a monthly section while no customer is chosen: shows a note when there are no customers and a
 * spinner while they load.
 */
export function NoCustomerChosen({ customers }: { customers: Loaded<CustomerSummary[]> }) {
  const { messages } = useLanguage();
  if (customers.data?.length === 0) return <Text>{messages.monthly.noCustomers}</Text>;
  return customers.loading ? <Spinner label={messages.common.loading} /> : null;
}

/**
 * Renders the section of a loaded month, labelled and headed by `heading(data)` and marked busy while a newer
 * load runs. During the first load it shows a spinner.
 */
export function MonthSection<Data>(props: { loaded: Loaded<Data>; heading: (data: Data) => string; children: (data: Data) => ReactNode }) {
  const { messages } = useLanguage();
  const styles = useMonthlyStyles();
  const { data, loading } = props.loaded;
  if (data === undefined) return loading ? <Spinner label={messages.common.loading} /> : null;

  const heading = props.heading(data);
  return (
    <section className={styles.section} aria-label={heading} aria-busy={loading}>
      <Subtitle1 as="h3">{heading}</Subtitle1>
      {props.children(data)}
    </section>
  );
}
