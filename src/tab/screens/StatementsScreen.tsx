import { Button, Spinner, Subtitle1, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowDownloadRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { useApi } from '../api/apiContext.js';
import { downloadStatementCsv, loadStatement } from '../api/statements.js';
import { StatusMessage, useStatus } from '../components/StatusMessage.js';
import { useLanguage } from '../i18n/index.js';
import { CustomerMonthPicker } from './monthly/CustomerMonthPicker.js';
import { LoadError } from './monthly/LoadError.js';
import { formatMonth } from './monthly/month.js';
import { useCustomerList } from './monthly/useCustomerList.js';
import { useCustomerMonth } from './monthly/useCustomerMonth.js';
import { useLoaded } from './monthly/useLoaded.js';
import type { ScreenDefinition } from './screen.js';
import { formatEuro } from './statements/formatEuro.js';
import { saveFile } from './statements/saveFile.js';
import { StatementFacts } from './statements/StatementFacts.js';
import { StatementLines } from './statements/StatementLines.js';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '72rem' },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** A customer's monthly statement on screen, with the server's CSV as download. */
function StatementsScreen() {
  const api = useApi();
  const { language, messages } = useLanguage();
  const texts = messages.statements;
  const styles = useStyles();
  const customers = useCustomerList();
  const { customerId, setCustomerId, month, setMonth } = useCustomerMonth(customers.data);
  const statement = useLoaded(
    useCallback(() => (customerId === undefined ? undefined : loadStatement(api, customerId, month)), [api, customerId, month]),
  );
  const { status, succeed, fail, clear } = useStatus();
  const [downloading, setDownloading] = useState(false);

  // The file is the one of the statement on screen, even while another customer or month is loading.
  const download = async () => {
    const shown = statement.data;
    if (shown === undefined) return;
    setDownloading(true);
    try {
      const file = await downloadStatementCsv(api, shown.customerId, shown.month);
      saveFile(file.blob, file.fileName);
      succeed(texts.downloaded(file.fileName));
    } catch (error) {
      fail(error);
    } finally {
      setDownloading(false);
    }
  };

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
        <div className={styles.buttons}>
          <Button icon={<ArrowClockwiseRegular />} onClick={() => void statement.reload()} disabled={customerId === undefined}>
            {messages.common.refresh}
          </Button>
          <Button
            appearance="primary"
            icon={<ArrowDownloadRegular />}
            onClick={() => void download()}
            disabled={statement.data === undefined || downloading}
          >
            {texts.downloadCsv}
          </Button>
        </div>
      </div>
      <StatusMessage status={status} onDismiss={clear} />
      <LoadError error={customers.error ?? statement.error} />

      {customerId === undefined ? (
        customers.data?.length === 0 ? <Text>{messages.monthly.noCustomers}</Text> : customers.loading && <Spinner label={messages.common.loading} />
      ) : statement.data === undefined ? (
        statement.loading && <Spinner label={messages.common.loading} />
      ) : (
        <section className={styles.section} aria-label={heading(statement.data)} aria-busy={statement.loading}>
          <Subtitle1 as="h3">{heading(statement.data)}</Subtitle1>
          <Text>{texts.grossSummary(formatEuro(statement.data.grossCents, language), formatEuro(statement.data.netCents, language))}</Text>
          <StatementLines statement={statement.data} />
          <StatementFacts statement={statement.data} />
        </section>
      )}
    </div>
  );
}

/** The statements view of the tab. */
export const statementsScreen: ScreenDefinition = {
  id: 'statements',
  title: (messages) => messages.statements.title,
  Component: StatementsScreen,
};
