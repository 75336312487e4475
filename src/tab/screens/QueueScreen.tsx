import { Button, Spinner, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, CallAddRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../api/apiContext.js';
import { listCustomers } from '../api/customers.js';
import { listQueue, recordCallback, takeOver, type QueueFilter, type RequestKey } from '../api/requests.js';
import type { CustomerSummary, QueueItem } from '../api/types.js';
import { StatusMessage, useStatus } from '../components/StatusMessage.js';
import { useNow } from '../components/useNow.js';
import { useLanguage } from '../i18n/index.js';
import { ChangeStateDialog } from './queue/ChangeStateDialog.js';
import { LogTimeDialog } from './queue/LogTimeDialog.js';
import { QueueFilters } from './queue/QueueFilters.js';
import { QueueTable, type QueueAction } from './queue/QueueTable.js';
import { RecordCallDialog } from './queue/RecordCallDialog.js';
import { RequestDetailDrawer } from './queue/RequestDetailDrawer.js';
import type { ScreenDefinition } from './screen.js';

/** How often the queue reloads by itself, so requests opened in Teams appear without a click. */
const RELOAD_INTERVAL_MS = 30_000;

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  heading: { margin: 0 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** The dialog or drawer open over the queue. */
type OpenPanel =
  | { kind: 'details'; item: QueueItem }
  | { kind: 'logTime'; item: QueueItem }
  | { kind: 'changeState'; item: QueueItem }
  | { kind: 'resolve'; item: QueueItem }
  | { kind: 'recordCall' };

function keyOf(item: QueueItem): RequestKey {
  return { customerId: item.customerId, number: item.number };
}

/** Lists the open requests ordered by deadline, with live countdown, filters and the consultant's actions. */
function QueueScreen() {
  const api = useApi();
  const { messages } = useLanguage();
  const styles = useStyles();
  const now = useNow();
  const [filter, setFilter] = useState<QueueFilter>({});
  const [customers, setCustomers] = useState<CustomerSummary[]>([]);
  const [items, setItems] = useState<QueueItem[]>();
  const [nextCursor, setNextCursor] = useState<string>();
  const [busyNumber, setBusyNumber] = useState<string>();
  const [panel, setPanel] = useState<OpenPanel>();
  const { status, succeed, fail, clear } = useStatus();
  /** Number of requests shown, including the pages added with "load more", which a reload keeps. */
  const shownCount = useRef(0);

  const reload = useCallback(async () => {
    try {
      let page = await listQueue(api, filter);
      const loaded = [...page.items];
      while (page.nextCursor && loaded.length < shownCount.current) {
        page = await listQueue(api, filter, page.nextCursor);
        loaded.push(...page.items);
      }
      shownCount.current = loaded.length;
      setItems(loaded);
      setNextCursor(page.nextCursor ?? undefined);
    } catch (error) {
      fail(error);
    }
  }, [api, filter, fail]);

  useEffect(() => {
    // Another filter starts again with one page.
    shownCount.current = 0;
    void reload();
    const timer = window.setInterval(() => void reload(), RELOAD_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  useEffect(() => {
    listCustomers(api).then(setCustomers, fail);
  }, [api, fail]);

  const loadMore = async () => {
    if (nextCursor === undefined) return;
    try {
      const page = await listQueue(api, filter, nextCursor);
      shownCount.current += page.items.length;
      setItems((current) => [...(current ?? []), ...page.items]);
      setNextCursor(page.nextCursor ?? undefined);
    } catch (error) {
      fail(error);
    }
  };

  /** Runs a one-click action on a row, reports the outcome and reloads the queue. */
  const runRowAction = async (item: QueueItem, action: () => Promise<unknown>, successText: string) => {
    setBusyNumber(item.number);
    try {
      await action();
      succeed(successText);
    } catch (error) {
      fail(error);
    } finally {
      setBusyNumber(undefined);
      await reload();
    }
  };

  const onAction = (action: QueueAction, item: QueueItem) => {
    if (action === 'takeOver') {
      void runRowAction(item, () => takeOver(api, keyOf(item)), messages.queue.tookOver(item.number));
    } else if (action === 'callback') {
      void runRowAction(item, () => recordCallback(api, keyOf(item)), messages.queue.callbackRecorded(item.number));
    } else {
      setPanel({ kind: action, item });
    }
  };

  const finishPanel = (text: string) => {
    setPanel(undefined);
    succeed(text);
    void reload();
  };

  return (
    <div className={styles.screen}>
      <div className={styles.toolbar}>
        <Title2 as="h2" className={styles.heading}>
          {messages.queue.heading}
        </Title2>
        <div className={styles.buttons}>
          <Button icon={<ArrowClockwiseRegular />} onClick={() => void reload()}>
            {messages.common.refresh}
          </Button>
          <Button appearance="primary" icon={<CallAddRegular />} onClick={() => setPanel({ kind: 'recordCall' })}>
            {messages.queue.recordCall}
          </Button>
        </div>
      </div>
      <QueueFilters filter={filter} customers={customers} onChange={setFilter} />
      <StatusMessage status={status} onDismiss={clear} />

      {items === undefined ? (
        <Spinner label={messages.common.loading} />
      ) : items.length === 0 ? (
        <Text>{messages.queue.empty}</Text>
      ) : (
        <QueueTable items={items} now={now} busyNumber={busyNumber} onAction={onAction} />
      )}
      {nextCursor !== undefined && (
        <div>
          <Button onClick={() => void loadMore()}>{messages.common.loadMore}</Button>
        </div>
      )}

      {panel?.kind === 'details' && (
        <RequestDetailDrawer request={keyOf(panel.item)} onClose={() => setPanel(undefined)} onChanged={() => void reload()} />
      )}
      {panel?.kind === 'logTime' && (
        <LogTimeDialog
          request={keyOf(panel.item)}
          emergency={panel.item.emergency}
          onClose={() => setPanel(undefined)}
          onDone={finishPanel}
        />
      )}
      {(panel?.kind === 'changeState' || panel?.kind === 'resolve') && (
        <ChangeStateDialog
          request={{ ...keyOf(panel.item), state: panel.item.state }}
          resolveOnly={panel.kind === 'resolve'}
          onClose={() => setPanel(undefined)}
          onDone={finishPanel}
        />
      )}
      {panel?.kind === 'recordCall' && (
        <RecordCallDialog customers={customers} onClose={() => setPanel(undefined)} onDone={finishPanel} />
      )}
    </div>
  );
}

/** The queue as the tab's first screen. */
export const queueScreen: ScreenDefinition = {
  id: 'queue',
  title: (messages) => messages.queue.title,
  Component: QueueScreen,
};
