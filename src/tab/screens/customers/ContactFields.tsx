import { Button, Checkbox, Field, Input, Option, makeStyles, tokens } from '@fluentui/react-components';
import { Dropdown } from '../../components/Dropdown.js';
import { DeleteRegular } from '@fluentui/react-icons';
import { useLanguage } from '../../i18n/index.js';
import type { ContactForm, ContactLanguage } from './customerForm.js';
import type { FieldErrors } from './fieldErrors.js';

const LANGUAGES: readonly ContactLanguage[] = ['', 'de', 'en'];

const useStyles = makeStyles({
  // GUIDs get a whole row, so all 36 characters stay visible.
  fullWidth: { gridColumn: '1 / -1' },
  contact: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    margin: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  actions: {
    gridColumn: '1 / -1',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
});

/**
 * Renders the fields of contact number `index` (0-based) in a fieldset named after the contact, so that screen
 * readers and tests tell the contacts apart. Field errors use the API's paths, e.g. "contacts.0.email".
 */
export function ContactFields(props: {
  contact: ContactForm;
  index: number;
  errors: FieldErrors;
  onChange: (contact: ContactForm) => void;
  onRemove: () => void;
}) {
  const { messages } = useLanguage();
  const texts = messages.customers.contact;
  const styles = useStyles();
  const { contact, index } = props;
  const label = texts.legend(index + 1, contact.name.trim());
  const error = (field: string) => props.errors[`contacts.${index}.${field}`];
  const set = (change: Partial<ContactForm>) => props.onChange({ ...contact, ...change });

  return (
    <fieldset className={styles.contact} aria-label={label}>
      <legend className={styles.legend}>{label}</legend>
      <Field label={texts.name} required validationMessage={error('name')}>
        <Input value={contact.name} onChange={(_event, data) => set({ name: data.value })} />
      </Field>
      <Field label={texts.email} validationMessage={error('email')}>
        <Input type="email" value={contact.email} onChange={(_event, data) => set({ email: data.value })} />
      </Field>
      <Field label={texts.phone} validationMessage={error('phone')}>
        <Input type="tel" value={contact.phone} onChange={(_event, data) => set({ phone: data.value })} />
      </Field>
      <Field label={texts.aadObjectId} hint={texts.aadObjectIdHint} required validationMessage={error('aadObjectId')} className={styles.fullWidth}>
        <Input value={contact.aadObjectId} onChange={(_event, data) => set({ aadObjectId: data.value })} />
      </Field>
      <Field label={texts.language} validationMessage={error('language')}>
        <Dropdown
          value={texts.languages[contact.language === '' ? 'teams' : contact.language]}
          selectedOptions={[contact.language]}
          onOptionSelect={(_event, data) => set({ language: (data.optionValue ?? '') as ContactLanguage })}
        >
          {LANGUAGES.map((language) => (
            <Option key={language} value={language}>
              {texts.languages[language === '' ? 'teams' : language]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.actions}>
        <Checkbox label={texts.approver} checked={contact.approver} onChange={(_event, data) => set({ approver: data.checked === true })} />
        <Button icon={<DeleteRegular />} aria-label={texts.removeLabel(label)} onClick={props.onRemove}>
          {texts.remove}
        </Button>
      </div>
    </fieldset>
  );
}
