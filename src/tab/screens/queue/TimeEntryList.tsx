import { Body1, Button, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useApi } from '../../api/apiContext.js';
import { deleteTime, type RequestKey } from '../../api/requests.js';
import type { RequestDetail } from '../../api/types.js';
import { FormDialog } from '../../components/FormDialog.js';
import { formatMinutes } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { EditTimeDialog, type RequestTimeEntry } from './EditTimeDialog.js';

type TimeEntryVersion = RequestTimeEntry['history'][number]['before'];

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  entry: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
  heading: { display: 'block', marginBottom: tokens.spacingVerticalXS },
});

type OpenDialog = { kind: 'edit' | 'delete'; entry: RequestTimeEntry };

/**
 * Lists the time entries of a request with "Bearbeiten" and "Löschen" on each and the change history of
 * each entry, followed by the deleted entries and who deleted them.
 */
export function TimeEntryList(props: {
  request: RequestKey;
  detail: RequestDetail;
  /** Formats an instant as the drawer shows it. */
  formatTime: (iso: string) => string;
  onChanged: (text: string) => void;
}) {
  const api = useApi();
  const { language, messages } = useLanguage();
  const styles = useStyles();
  const texts = messages.timeEntry;
  const [dialog, setDialog] = useState<OpenDialog>();

  const summary = (version: TimeEntryVersion) =>
    texts.summary(formatMinutes(version.minutes, language), formatMinutes(version.billedMinutes, language), messages.timeTypes[version.type]) +
    (version.note ? ` · ${version.note}` : '');

  const historyOf = (history: RequestTimeEntry['history']) =>
    history.length === 0 ? null : (
      <ul className={styles.history} aria-label={texts.history}>
        {history.map((change) => (
          <li key={change.before.version}>
            <Text size={200}>
              {texts.historyEntry(props.formatTime(change.changedAt), change.changedBy, texts.actions[change.action], summary(change.before))}
            </Text>
          </li>
        ))}
      </ul>
    );

  const { timeEntries, deletedTimeEntries } = props.detail;
  return (
    <>
      {timeEntries.length === 0 ? (
        <Body1 as="p">{messages.detail.noTimeEntries}</Body1>
      ) : (
        <ul className={styles.list}>
          {timeEntries.map((entry) => (
            <li key={entry.id} className={styles.entry} data-entry-id={entry.id}>
              <div className={styles.row}>
                <Text>
                  {props.formatTime(entry.start)} · {summary(entry)}
                </Text>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<EditRegular />}
                  aria-label={texts.editLabel(props.formatTime(entry.start))}
                  onClick={() => setDialog({ kind: 'edit', entry })}
                >
                  {texts.edit}
                </Button>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={texts.deleteLabel(props.formatTime(entry.start))}
                  onClick={() => setDialog({ kind: 'delete', entry })}
                >
                  {texts.delete}
                </Button>
              </div>
              {historyOf(entry.history)}
            </li>
          ))}
        </ul>
      )}

      {deletedTimeEntries.length > 0 && (
        <section aria-label={texts.deletedHeading}>
          <Subtitle2 as="h4" className={styles.heading}>{texts.deletedHeading}</Subtitle2>
          <ul className={styles.list}>
            {deletedTimeEntries.map((deleted) => (
              <li key={`${deleted.month}/${deleted.id}`} className={styles.entry}>
                <Text>
                  {props.formatTime(deleted.last.start)} ·{' '}
                  {texts.deletedEntry(summary(deleted.last), deleted.deletedBy, props.formatTime(deleted.deletedAt))}
                </Text>
                {historyOf(deleted.history)}
              </li>
            ))}
          </ul>
        </section>
      )}

      {dialog?.kind === 'edit' && (
        <EditTimeDialog
          request={props.request}
          entry={dialog.entry}
          startText={props.formatTime(dialog.entry.start)}
          onClose={() => setDialog(undefined)}
          onDone={props.onChanged}
        />
      )}
      {dialog?.kind === 'delete' && (
        <FormDialog
          open
          title={texts.deleteTitle}
          submitLabel={texts.delete}
          onClose={() => setDialog(undefined)}
          onSubmit={async () => {
            await deleteTime(api, props.request, dialog.entry);
            props.onChanged(texts.deleted);
          }}
        >
          <Text>{texts.deleteQuestion(`${props.formatTime(dialog.entry.start)} · ${summary(dialog.entry)}`)}</Text>
        </FormDialog>
      )}
    </>
  );
}
