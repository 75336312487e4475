import { Button, Spinner, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useCallback, useMemo, useState } from 'react';
import { useApi } from '../api/apiContext.js';
import { listCustomerRecords, type CustomerRecord } from '../api/customers.js';
import { listPlans } from '../api/plans.js';
import { StatusMessage, useStatus } from '../components/StatusMessage.js';
import { useLanguage } from '../i18n/index.js';
import { CustomerDialog } from './customers/CustomerDialog.js';
import { CustomerTable } from './customers/CustomerTable.js';
import { planOptions } from './customers/planOptions.js';
import { LoadError } from './monthly/LoadError.js';
import { useLoaded } from './monthly/useLoaded.js';
import type { ScreenDefinition } from './screen.js';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '84rem' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** The dialog that is open: a new customer, or the edit of one. */
type OpenDialog = { kind: 'create' } | { kind: 'edit'; customer: CustomerRecord };

/** Lists the customer records and opens a dialog to create or edit a customer with its contacts. */
function CustomersScreen() {
  const api = useApi();
  const { language, messages } = useLanguage();
  const texts = messages.customers;
  const styles = useStyles();
  const customers = useLoaded(useCallback(() => listCustomerRecords(api), [api]));
  const catalog = useLoaded(useCallback(() => listPlans(api), [api]));
  const [dialog, setDialog] = useState<OpenDialog>();
  const { status, succeed, clear } = useStatus();
  const plans = useMemo(() => planOptions(catalog.data ?? [], language, messages), [catalog.data, language, messages]);

  const saved = (customer: CustomerRecord, created: boolean) => {
    succeed(created ? texts.created(customer.name) : texts.updated(customer.name));
    void customers.reload();
  };

  return (
    <div className={styles.screen}>
      <div className={styles.toolbar}>
        <Title2 as="h2">{texts.heading}</Title2>
        <div className={styles.buttons}>
          <Button icon={<ArrowClockwiseRegular />} onClick={() => void customers.reload()}>
            {messages.common.refresh}
          </Button>
          <Button appearance="primary" icon={<AddRegular />} onClick={() => setDialog({ kind: 'create' })}>
            {texts.createTitle}
          </Button>
        </div>
      </div>
      <StatusMessage status={status} onDismiss={clear} />
      {/* A failed customer list and a failed catalog usually share one cause, so one message shows. */}
      <LoadError error={customers.error ?? catalog.error} />

      {customers.data === undefined ? (
        customers.loading && <Spinner label={messages.common.loading} />
      ) : customers.data.length === 0 ? (
        <Text>{texts.empty}</Text>
      ) : (
        <CustomerTable customers={customers.data} onEdit={(customer) => setDialog({ kind: 'edit', customer })} />
      )}

      {dialog !== undefined && (
        <CustomerDialog
          customer={dialog.kind === 'edit' ? dialog.customer : undefined}
          plans={plans}
          onClose={() => setDialog(undefined)}
          onSaved={saved}
        />
      )}
    </div>
  );
}

/** The customer records of the tab. */
export const customersScreen: ScreenDefinition = {
  id: 'customers',
  title: (messages) => messages.customers.title,
  Component: CustomersScreen,
};
