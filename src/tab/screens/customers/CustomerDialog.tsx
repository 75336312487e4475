import { Button, Caption1, Field, Input, Option, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Dropdown } from '../../components/Dropdown.js';
import { PersonAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useApi } from '../../api/apiContext.js';
import { createCustomer, updateCustomer, type CustomerRecord } from '../../api/customers.js';
import { FormDialog } from '../../components/FormDialog.js';
import { useLanguage } from '../../i18n/index.js';
import { ContactFields } from './ContactFields.js';
import { customerBodyOf, customerFormOf, emptyContact, emptyCustomerForm, type ContactForm, type CustomerForm } from './customerForm.js';
import { customerFieldErrors, type FieldErrors } from './fieldErrors.js';
import type { PlanOption } from './planOptions.js';

const useStyles = makeStyles({
  // GUIDs get a whole row, so all 36 characters stay visible.
  fullWidth: { gridColumn: '1 / -1' },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
  },
  contacts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  planOption: { display: 'flex', flexDirection: 'column' },
  planDetails: { color: tokens.colorNeutralForeground3 },
});

/**
 * Creates a customer (without `customer`) or edits one, with all of its contacts. The API validates the
 * input. The fields it names in a 400, 409 or 422 response show their error, and the dialog stays open.
 */
export function CustomerDialog(props: {
  customer?: CustomerRecord;
  plans: readonly PlanOption[];
  onClose: () => void;
  onSaved: (customer: CustomerRecord, created: boolean) => void;
}) {
  const api = useApi();
  const { messages } = useLanguage();
  const texts = messages.customers;
  const styles = useStyles();
  const editing = props.customer !== undefined;
  const [form, setForm] = useState<CustomerForm>(() => (props.customer ? customerFormOf(props.customer) : emptyCustomerForm()));
  const [errors, setErrors] = useState<FieldErrors>({});

  /** Applies a change and drops the errors of the changed fields, whose values the API has not seen. */
  const change = (update: Partial<CustomerForm>, fields: string[]) => {
    setForm((current) => ({ ...current, ...update }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !fields.includes(field))));
  };

  const changeContact = (index: number, contact: ContactForm) => {
    const previous = form.contacts[index];
    const changed = previous === undefined ? [] : (Object.keys(contact) as Array<keyof ContactForm>).filter((key) => contact[key] !== previous[key]);
    change(
      { contacts: form.contacts.map((candidate, position) => (position === index ? contact : candidate)) },
      changed.map((key) => `contacts.${index}.${key}`),
    );
  };

  // Removing a contact renumbers the ones after it, so the errors of every contact go.
  const removeContact = (index: number) => {
    setForm((current) => ({ ...current, contacts: current.contacts.filter((_contact, position) => position !== index) }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !field.startsWith('contacts.'))));
  };

  const submit = async () => {
    const body = customerBodyOf(form);
    try {
      const saved = editing
        ? await updateCustomer(api, form.id, body)
        : await createCustomer(api, { ...body, id: form.id.trim() });
      setErrors({});
      props.onSaved(saved, !editing);
    } catch (error) {
      const fieldErrors = customerFieldErrors(error, messages);
      if (fieldErrors === undefined) throw error;
      setErrors(fieldErrors);
      return texts.fixFields;
    }
  };

  const plan = props.plans.find((candidate) => candidate.id === form.planId);

  return (
    <FormDialog
      open
      wide
      title={editing ? texts.editTitle(props.customer?.name ?? form.id) : texts.createTitle}
      submitLabel={editing ? messages.common.save : texts.create}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <div className={styles.row}>
        <Field label={texts.fields.id} hint={editing ? undefined : texts.fields.idHint} required validationMessage={errors.id}>
          <Input value={form.id} readOnly={editing} onChange={(_event, data) => change({ id: data.value }, ['id'])} />
        </Field>
        <Field label={texts.fields.name} required validationMessage={errors.name}>
          <Input value={form.name} onChange={(_event, data) => change({ name: data.value }, ['name'])} />
        </Field>
        <Field label={texts.fields.plan} hint={plan?.details} required validationMessage={errors.planId}>
          <Dropdown
            value={plan?.name ?? ''}
            placeholder={texts.fields.choosePlan}
            selectedOptions={form.planId === '' ? [] : [form.planId]}
            onOptionSelect={(_event, data) => change({ planId: data.optionValue ?? '' }, ['planId'])}
          >
            {props.plans.map((option) => (
              <Option key={option.id} value={option.id} text={option.name}>
                <span className={styles.planOption}>
                  <span>{option.name}</span>
                  <Caption1 className={styles.planDetails}>{option.details}</Caption1>
                </span>
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={texts.fields.tenantId} hint={texts.fields.tenantIdHint} required validationMessage={errors.tenantId} className={styles.fullWidth}>
          <Input value={form.tenantId} onChange={(_event, data) => change({ tenantId: data.value }, ['tenantId'])} />
        </Field>
        <Field label={texts.fields.contractStart} required validationMessage={errors.contractStart}>
          <Input type="date" value={form.contractStart} onChange={(_event, data) => change({ contractStart: data.value }, ['contractStart'])} />
        </Field>
      </div>

      <Subtitle2 as="h3">{texts.contact.heading}</Subtitle2>
      {errors.contacts !== undefined && <Text role="alert">{errors.contacts}</Text>}
      <div className={styles.contacts}>
        {form.contacts.length === 0 && <Text>{texts.contact.none}</Text>}
        {form.contacts.map((contact, index) => (
          <ContactFields
            key={contact.key}
            contact={contact}
            index={index}
            errors={errors}
            onChange={(changed) => changeContact(index, changed)}
            onRemove={() => removeContact(index)}
          />
        ))}
        <div>
          <Button icon={<PersonAddRegular />} onClick={() => change({ contacts: [...form.contacts, emptyContact()] }, [])}>
            {texts.contact.add}
          </Button>
        </div>
      </div>
    </FormDialog>
  );
}
