import {
  Body1,
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  OverlayDrawer,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useApi } from '../../api/apiContext.js';
import { addNote, loadRequest, type RequestKey } from '../../api/requests.js';
import type { BookingKind, RequestDetail } from '../../api/types.js';
import { StatusMessage, useStatus } from '../../components/StatusMessage.js';
import { formatDateTime, formatMinutes } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { useTimeZone } from '../../i18n/timeZone.js';
import { TimeEntryList } from './TimeEntryList.js';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalXXL },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  sectionHeading: { display: 'block', marginBottom: tokens.spacingVerticalXS },
  definition: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  prewrap: { whiteSpace: 'pre-wrap' },
  noteForm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

/** Renders a titled part of the detail view, which shows `empty` when it has no entries. */
function Section(props: { title: string; empty: string; entries: readonly ReactNode[] }) {
  const styles = useStyles();
  return (
    <section aria-label={props.title}>
      <Subtitle2 as="h3" className={styles.sectionHeading}>{props.title}</Subtitle2>
      {props.entries.length === 0 ? (
        <Body1 as="p">{props.empty}</Body1>
      ) : (
        <ul className={styles.list}>
          {props.entries.map((entry, index) => (
            <li key={index}>{entry}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Shows the details of a request: facts, history, time entries, approvals, bookings, notes and solution. */
export function RequestDetailDrawer(props: { request: RequestKey; onClose: () => void; onChanged: () => void }) {
  const api = useApi();
  const { language, messages } = useLanguage();
  const zone = useTimeZone();
  const styles = useStyles();
  const texts = messages.detail;
  const [detail, setDetail] = useState<RequestDetail>();
  const [note, setNote] = useState('');
  const { status, succeed, fail, clear } = useStatus();

  const reload = useCallback(async () => {
    try {
      setDetail(await loadRequest(api, props.request));
    } catch (error) {
      fail(error);
    }
  }, [api, props.request, fail]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const saveNote = async () => {
    if (note.trim() === '') return;
    try {
      await addNote(api, props.request, note.trim());
      setNote('');
      succeed(texts.noteAdded);
      await reload();
      props.onChanged();
    } catch (error) {
      fail(error);
    }
  };

  const timeChanged = async (text: string) => {
    succeed(text);
    await reload();
    props.onChanged();
  };

  const time = (iso: string | undefined) => (iso === undefined ? messages.common.none : formatDateTime(iso, language, zone));

  return (
    <OverlayDrawer open position="end" size="medium" onOpenChange={(_event, data) => (data.open ? undefined : props.onClose())}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={<Button appearance="subtle" aria-label={texts.close} icon={<DismissRegular />} onClick={props.onClose} />}
        >
          {texts.title(props.request.number)}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        <StatusMessage status={status} onDismiss={clear} />
        {detail === undefined ? (
          <Spinner label={messages.common.loading} />
        ) : (
          <>
            <dl className={styles.facts}>
              {(
                [
                  [texts.facts.customer, detail.customerName],
                  [texts.facts.contact, detail.contactName ?? messages.common.none],
                  [texts.facts.channel, messages.channels[detail.channel]],
                  [texts.facts.urgency, messages.urgencies[detail.urgency]],
                  [texts.facts.state, messages.states[detail.state]],
                  [texts.facts.openedAt, time(detail.openedAt)],
                  [texts.facts.deadline, time(detail.deadline)],
                  [texts.facts.firstContactAt, time(detail.firstContactAt)],
                  [texts.facts.callbackPhone, detail.callbackPhone ?? messages.common.none],
                ] as const
              ).map(([term, value]) => (
                <div key={term} style={{ display: 'contents' }}>
                  <dt className={styles.term}>{term}</dt>
                  <dd className={styles.definition}>{value}</dd>
                </div>
              ))}
            </dl>

            <section aria-label={texts.description}>
              <Subtitle2 as="h3" className={styles.sectionHeading}>{texts.description}</Subtitle2>
              <Body1 as="p" className={styles.prewrap}>
                {detail.description}
              </Body1>
            </section>

            <section aria-label={texts.solution}>
              <Subtitle2 as="h3" className={styles.sectionHeading}>{texts.solution}</Subtitle2>
              <Body1 as="p" className={styles.prewrap}>
                {detail.solution ?? texts.noSolution}
              </Body1>
            </section>

            <Section
              title={texts.history}
              empty={texts.noHistory}
              entries={detail.history.map((entry) => (
                <Text>
                  {time(entry.at)} · {texts.historyActions[entry.action]}
                  {entry.from !== entry.to ? ` (${texts.stateChange(messages.states[entry.from], messages.states[entry.to])})` : ''}
                  {` · ${entry.actor}`}
                  {entry.note !== undefined ? ` · ${entry.note}` : ''}
                </Text>
              ))}
            />

            <section aria-label={texts.timeEntries}>
              <Subtitle2 as="h3" className={styles.sectionHeading}>{texts.timeEntries}</Subtitle2>
              <TimeEntryList request={props.request} detail={detail} formatTime={time} onChanged={(text) => void timeChanged(text)} />
            </section>

            <Section
              title={texts.approvals}
              empty={texts.noApprovals}
              entries={detail.overageApprovals.map((approval) => (
                <Text>
                  {texts.approval(formatMinutes(approval.minutes, language), texts.decisions[approval.decision])}
                  {approval.decidedBy !== undefined && approval.decidedAt !== undefined
                    ? ` · ${texts.decidedBy(approval.decidedBy, time(approval.decidedAt))}`
                    : ''}
                </Text>
              ))}
            />

            <Section
              title={texts.bookings}
              empty={texts.noBookings}
              entries={detail.bookings.map((booking) => (
                <Text>
                  {time(booking.start)} · {texts.bookingKinds[booking.kind as BookingKind] ?? booking.kind} ·{' '}
                  {texts.bookingStatuses[booking.status]}
                </Text>
              ))}
            />

            <Section
              title={texts.notes}
              empty={texts.noNotes}
              entries={detail.notes.map((entry) => (
                <Text className={styles.prewrap}>
                  {time(entry.at)} · {entry.actor}: {entry.note}
                </Text>
              ))}
            />

            <form
              className={styles.noteForm}
              onSubmit={(event) => {
                event.preventDefault();
                void saveNote();
              }}
            >
              <Field label={texts.newNote} style={{ alignSelf: 'stretch' }}>
                <Textarea value={note} maxLength={4000} onChange={(_event, data) => setNote(data.value)} />
              </Field>
              <Button type="submit" disabled={note.trim() === ''}>
                {texts.addNote}
              </Button>
            </form>
          </>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
