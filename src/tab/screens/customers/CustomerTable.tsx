import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import type { CustomerRecord } from '../../api/customers.js';
import { useLanguage } from '../../i18n/index.js';
import { dayBefore, formatLocalDate } from './formatLocalDate.js';

const useStyles = makeStyles({
  tenant: { fontFamily: 'monospace', wordBreak: 'break-all' },
});

/**
 * Lists the customers with plan, tenant, contract start, end of the minimum term and contacts. Each row has an
 * edit button.
 */
export function CustomerTable(props: { customers: readonly CustomerRecord[]; onEdit: (customer: CustomerRecord) => void }) {
  const { language, messages } = useLanguage();
  const texts = messages.customers;
  const styles = useStyles();

  // minimumTermEnd is the first day after the term, so the term ends the day before.
  const minimumTerm = (customer: CustomerRecord) =>
    customer.minimumTermMonths === null || customer.minimumTermEnd === undefined
      ? texts.noMinimumTerm
      : texts.minimumTerm(customer.minimumTermMonths, formatLocalDate(dayBefore(customer.minimumTermEnd), language));

  return (
    <Table aria-label={texts.listLabel} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{texts.columns.name}</TableHeaderCell>
          <TableHeaderCell>{texts.columns.plan}</TableHeaderCell>
          <TableHeaderCell>{texts.columns.tenantId}</TableHeaderCell>
          <TableHeaderCell>{texts.columns.contractStart}</TableHeaderCell>
          <TableHeaderCell>{texts.columns.minimumTerm}</TableHeaderCell>
          <TableHeaderCell>{texts.columns.contacts}</TableHeaderCell>
          <TableHeaderCell>{texts.columns.actions}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.customers.map((customer) => {
          const approvers = customer.contacts.filter((contact) => contact.approver).map((contact) => contact.name);
          return (
            <TableRow key={customer.id} data-customer-id={customer.id}>
              <TableCell>
                <Text weight="semibold">{customer.name}</Text> <Text size={200}>({customer.id})</Text>
              </TableCell>
              <TableCell>{customer.planName[language]}</TableCell>
              <TableCell className={styles.tenant}>{customer.tenantId}</TableCell>
              <TableCell>{formatLocalDate(customer.contractStart, language)}</TableCell>
              <TableCell>{minimumTerm(customer)}</TableCell>
              <TableCell>
                {texts.contactCount(customer.contacts.length)}
                {approvers.length > 0 && ` · ${texts.approvers(approvers.join(', '))}`}
              </TableCell>
              <TableCell>
                <Button size="small" icon={<EditRegular />} aria-label={texts.editLabel(customer.name)} onClick={() => props.onEdit(customer)}>
                  {texts.edit}
                </Button>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
