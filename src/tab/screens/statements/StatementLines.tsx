import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { Statement, StatementLine } from '../../api/statements.js';
import { formatMinutes } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { formatEuro } from './formatEuro.js';

const useStyles = makeStyles({
  amount: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  amountHeader: { justifyContent: 'flex-end', textAlign: 'end' },
  total: { fontWeight: tokens.fontWeightSemibold },
  grossRow: { borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
});

/** Lists the statement's lines with quantity, unit price and amount, then net, VAT and gross. */
export function StatementLines({ statement }: { statement: Statement }) {
  const { language, messages } = useLanguage();
  const texts = messages.statements;
  const styles = useStyles();
  const euro = (cents: number) => formatEuro(cents, language);

  const quantity = (line: StatementLine) =>
    line.unit === 'minute'
      ? texts.billedMinutes(formatMinutes(line.quantity, language), statement.billingIncrementMinutes)
      : texts.quantities[line.unit](line.quantity);

  const totals = [
    [texts.net, statement.netCents],
    [texts.vat, statement.vatCents],
    [texts.gross, statement.grossCents],
  ] as const;

  return (
    <Table aria-label={texts.linesLabel} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{texts.columns.item}</TableHeaderCell>
          <TableHeaderCell>{texts.columns.reference}</TableHeaderCell>
          <TableHeaderCell>{texts.columns.quantity}</TableHeaderCell>
          <TableHeaderCell button={{ className: styles.amountHeader }}>{texts.columns.unitPrice}</TableHeaderCell>
          <TableHeaderCell button={{ className: styles.amountHeader }}>{texts.columns.amount}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {statement.lines.map((line, index) => (
          <TableRow key={`${line.descriptionKey}-${line.reference ?? index}`}>
            <TableCell>{texts.lines[line.descriptionKey]}</TableCell>
            <TableCell>{line.reference ?? messages.common.none}</TableCell>
            <TableCell>{quantity(line)}</TableCell>
            <TableCell className={styles.amount}>{texts.unitPrice(euro(line.unitPriceCents), texts.priceUnits[line.priceUnit])}</TableCell>
            <TableCell className={styles.amount}>{euro(line.amountCents)}</TableCell>
          </TableRow>
        ))}
        {totals.map(([label, cents]) => (
          <TableRow key={label} className={label === texts.gross ? styles.grossRow : undefined}>
            <TableCell className={styles.total}>{label}</TableCell>
            <TableCell />
            <TableCell />
            <TableCell />
            <TableCell className={mergeClasses(styles.amount, styles.total)}>{euro(cents)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
