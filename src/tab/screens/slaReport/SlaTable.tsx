import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import type { CustomerSlaCompliance } from '../../api/slaReport.js';
import { formatMinutes } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { formatPercent } from '../monthly/formatPercent.js';

const useStyles = makeStyles({
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  numberHeader: { justifyContent: 'flex-end', textAlign: 'end' },
});

/** Shows the SLA report as a table: per customer the requests, callbacks in time and late, the share and the median. */
export function SlaTable({ customers, label }: { customers: readonly CustomerSlaCompliance[]; label: string }) {
  const { language, messages } = useLanguage();
  const columns = messages.slaReport.columns;
  const styles = useStyles();

  return (
    <Table aria-label={label} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{columns.customer}</TableHeaderCell>
          <TableHeaderCell button={{ className: styles.numberHeader }}>{columns.requests}</TableHeaderCell>
          <TableHeaderCell button={{ className: styles.numberHeader }}>{columns.met}</TableHeaderCell>
          <TableHeaderCell button={{ className: styles.numberHeader }}>{columns.missed}</TableHeaderCell>
          <TableHeaderCell button={{ className: styles.numberHeader }}>{columns.pending}</TableHeaderCell>
          <TableHeaderCell button={{ className: styles.numberHeader }}>{columns.metPercent}</TableHeaderCell>
          <TableHeaderCell button={{ className: styles.numberHeader }}>{columns.median}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {customers.map((row) => (
          <TableRow key={row.customerId}>
            <TableCell>{row.customerName}</TableCell>
            <TableCell className={styles.number}>{row.requestCount}</TableCell>
            <TableCell className={styles.number}>{row.metCount}</TableCell>
            <TableCell className={styles.number}>{row.missedCount}</TableCell>
            <TableCell className={styles.number}>{row.pendingCount}</TableCell>
            <TableCell className={styles.number}>
              {row.metPercent === null ? messages.common.none : formatPercent(row.metPercent, language)}
            </TableCell>
            <TableCell className={styles.number}>
              {row.medianCallbackMinutes === null ? messages.common.none : formatMinutes(row.medianCallbackMinutes, language)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
