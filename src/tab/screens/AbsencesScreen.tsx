import {
  Body1,
  Button,
  Field,
  Input,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { isValidCallbackPhone } from '../../domain/requestInput.js';
import { useApi } from '../api/apiContext.js';
import { addAbsence, listAbsences, removeAbsence } from '../api/absences.js';
import type { AbsenceItem, NewAbsence } from '../api/types.js';
import { StatusMessage, useStatus } from '../components/StatusMessage.js';
import { formatDaySpan } from '../i18n/format.js';
import { useLanguage } from '../i18n/index.js';
import { useTimeZone } from '../i18n/timeZone.js';
import type { ScreenDefinition } from './screen.js';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '64rem' },
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalL },
  wide: { minWidth: '16rem', flexGrow: 1 },
});

/** Shows the consultant's absences: a form to add one and the list with a remove button per absence. */
function AbsencesScreen() {
  const api = useApi();
  const { language, messages } = useLanguage();
  const zone = useTimeZone();
  const texts = messages.absences;
  const styles = useStyles();
  const [absences, setAbsences] = useState<AbsenceItem[]>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [substituteName, setSubstituteName] = useState('');
  const [substitutePhone, setSubstitutePhone] = useState('');
  const [busy, setBusy] = useState(false);
  const { status, succeed, fail, clear } = useStatus();
  const [invalid, setInvalid] = useState<string>();

  const reload = useCallback(async () => {
    try {
      setAbsences(await listAbsences(api));
    } catch (error) {
      fail(error);
    }
  }, [api, fail]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (from === '' || to === '') {
      setInvalid(texts.missingDates);
      return;
    }
    // Both values are "yyyy-MM-dd", so text order is date order.
    if (to < from) {
      setInvalid(texts.toBeforeFrom);
      return;
    }
    if (note.trim() === '') {
      setInvalid(texts.missingNote);
      return;
    }
    if (substituteName.trim() !== '' && substitutePhone.trim() !== '' && !isValidCallbackPhone(substitutePhone)) {
      setInvalid(texts.invalidSubstitutePhone);
      return;
    }
    const absence: NewAbsence = { from, to, note: note.trim() };
    if (substituteName.trim() !== '') {
      absence.substitute = { name: substituteName.trim() };
      if (substitutePhone.trim() !== '') absence.substitute.phone = substitutePhone.trim();
    }

    setBusy(true);
    try {
      await addAbsence(api, absence);
      setFrom('');
      setTo('');
      setNote('');
      setSubstituteName('');
      setSubstitutePhone('');
      succeed(texts.added);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
      await reload();
    }
  };

  const remove = async (id: string) => {
    try {
      await removeAbsence(api, id);
      succeed(texts.removed);
    } catch (error) {
      fail(error);
    } finally {
      await reload();
    }
  };

  return (
    <div className={styles.screen}>
      <Title2 as="h2">{texts.heading}</Title2>
      <Body1 as="p">{texts.intro}</Body1>
      <StatusMessage
        status={invalid !== undefined ? { intent: 'error', text: invalid } : status}
        onDismiss={() => {
          setInvalid(undefined);
          clear();
        }}
      />

      <form className={styles.form} onSubmit={(event) => void add(event)} onChange={() => setInvalid(undefined)} noValidate>
        <Field label={texts.from} required>
          <Input type="date" value={from} onChange={(_event, data) => setFrom(data.value)} />
        </Field>
        <Field label={texts.to} required>
          <Input type="date" value={to} onChange={(_event, data) => setTo(data.value)} />
        </Field>
        <Field label={texts.note} className={styles.wide} required>
          <Input value={note} maxLength={500} onChange={(_event, data) => setNote(data.value)} />
        </Field>
        <Field label={texts.substituteName}>
          <Input value={substituteName} maxLength={200} onChange={(_event, data) => setSubstituteName(data.value)} />
        </Field>
        <Field label={texts.substitutePhone}>
          <Input type="tel" value={substitutePhone} maxLength={40} onChange={(_event, data) => setSubstitutePhone(data.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy}>
          {texts.add}
        </Button>
      </form>

      <Subtitle1 as="h3">{texts.listLabel}</Subtitle1>
      {absences === undefined ? (
        <Spinner label={messages.common.loading} />
      ) : absences.length === 0 ? (
        <Text>{texts.empty}</Text>
      ) : (
        <Table aria-label={texts.listLabel} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{texts.columns.span}</TableHeaderCell>
              <TableHeaderCell>{texts.columns.note}</TableHeaderCell>
              <TableHeaderCell>{texts.columns.substitute}</TableHeaderCell>
              <TableHeaderCell>{texts.columns.actions}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {absences.map((absence) => {
              const span = formatDaySpan(absence.from, absence.to, language, zone);
              return (
                <TableRow key={absence.id}>
                  <TableCell>{texts.span(span.first, span.last)}</TableCell>
                  <TableCell>{absence.note === '' ? messages.common.none : absence.note}</TableCell>
                  <TableCell>
                    {absence.substitute === undefined
                      ? messages.common.none
                      : [absence.substitute.name, absence.substitute.phone].filter(Boolean).join(', ')}
                  </TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      icon={<DeleteRegular />}
                      aria-label={texts.removeLabel(span.first, span.last)}
                      onClick={() => void remove(absence.id)}
                    >
                      {texts.remove}
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}

/** Absences as a screen of the tab. */
export const absencesScreen: ScreenDefinition = {
  id: 'absences',
  title: (messages) => messages.absences.title,
  Component: AbsencesScreen,
};
