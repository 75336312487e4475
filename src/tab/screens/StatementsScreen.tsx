import { Button, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useApi } from '../api/apiContext.js';
import { downloadStatementCsv, loadStatement } from '../api/statements.js';
import { StatusMessage, useStatus } from '../components/StatusMessage.js';
import { useLanguage } from '../i18n/index.js';
import { CustomerMonthPicker } from './monthly/CustomerMonthPicker.js';
import { LoadError } from './monthly/LoadError.js';
import { formatMonth } from './monthly/month.js';
import { customerNameOf, MonthSection, NoCustomerChosen, RefreshButton, useMonthlyStyles } from './monthly/MonthlyLayout.js';
import { useCustomerMonthData } from './monthly/useCustomerMonthData.js';
import type { ScreenDefinition } from './screen.js';
import { formatEuro } from './statements/formatEuro.js';
import { saveFile } from './statements/saveFile.js';
import { StatementFacts } from './statements/StatementFacts.js';
import { StatementLines } from './statements/StatementLines.js';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** Shows a customer's monthly statement and offers the server's CSV file as download. */
function StatementsScreen() {
  const api = useApi();
  const { language, messages } = useLanguage();
  const texts = messages.statements;
  const layout = useMonthlyStyles();
  const styles = useStyles();
  const { customers, customerId, picker, loaded: statement } = useCustomerMonthData(loadStatement);
  const { status, succeed, fail, clear } = useStatus();
  const [downloading, setDownloading] = useState(false);

  // The file is the one of the statement on screen, even while another customer or month is loading.
  const download = async () => {
    const displayedStatement = statement.data;
    if (displayedStatement === undefined) return;
    setDownloading(true);
    try {
      const file = await downloadStatementCsv(api, displayedStatement.customerId, displayedStatement.month);
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
    texts.sectionLabel(customerNameOf(customers.data, data.customerId), formatMonth(data.month, language));

  return (
    <div className={layout.screen}>
      <Title2 as="h2">{texts.heading}</Title2>
      <div className={layout.toolbar}>
        <CustomerMonthPicker {...picker} />
        <div className={styles.buttons}>
          <RefreshButton loaded={statement} disabled={customerId === undefined} />
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
        <NoCustomerChosen customers={customers} />
      ) : (
        <MonthSection loaded={statement} heading={heading}>
          {(data) => (
            <>
              <Text>{texts.grossSummary(formatEuro(data.grossCents, language), formatEuro(data.netCents, language))}</Text>
              <StatementLines statement={data} />
              <StatementFacts statement={data} />
            </>
          )}
        </MonthSection>
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
