import type { TimeType } from '../domain/catalog.js';
import type { PriceUnit, QuantityUnit, StatementLineKey } from '../domain/hours/index.js';
import type { CustomerMonthStatement } from '../services/statementService.js';
import { toCsv, type CsvCell } from './csvFormat.js';

/** Column headings of the statement CSV, German because the file goes to German spreadsheets and accountants. */
export const STATEMENT_CSV_HEADER = [
  'Kunde',
  'Monat',
  'Position',
  'Referenz',
  'Menge',
  'Einheit',
  'Einzelpreis EUR',
  'Preis je',
  'Betrag EUR',
] as const;

// Keyed by each union member, so the compiler reports a line key or unit without a German label.
const LINE_LABELS: Record<StatementLineKey, string> = {
  monthlyFee: 'Monatspauschale',
  overage: 'Genehmigte Mehrstunden',
  projectWork: 'Projektarbeit remote',
  onSiteDays: 'Vor-Ort-Einsatz',
  emergencyBaseFee: 'Notfall-Grundgebühr',
  emergencyTime: 'Notfall-Arbeitszeit',
};
const PRICE_UNIT_LABELS: Record<PriceUnit, string> = { month: 'Monat', hour: 'Stunde', day: 'Tag', emergency: 'Notfall' };

/**
 * Writes a statement as CSV for German spreadsheets: one header row, one row per statement line, then
 * the rows "Summe netto", "Umsatzsteuer" and "Summe brutto", then the month's hours in minutes (included,
 * rolled over, used in total and from the pool, overage approved, billed and unapproved, used per type). Amounts have a decimal comma, and minutes
 * name the billing increment they are rounded to. A statement with a service record ends with rows for the
 * SLA compliance and the bonus calls held, which carry a quantity and a unit but no amount.
 *
 * @param vatPercent - VAT rate of the catalog, shown in the label of the VAT row.
 */
export function statementToCsv(statement: CustomerMonthStatement, vatPercent: number): string {
  const rows: CsvCell[][] = [[...STATEMENT_CSV_HEADER]];

  for (const line of statement.lines) {
    rows.push([
      statement.customerId,
      statement.month,
      LINE_LABELS[line.descriptionKey],
      line.reference ?? '',
      line.quantity,
      quantityUnitLabel(line.unit, statement.billingIncrementMinutes),
      { euroCents: line.unitPriceCents },
      PRICE_UNIT_LABELS[line.priceUnit],
      { euroCents: line.amountCents },
    ]);
  }

  const totalRow = (label: string, cents: number): CsvCell[] => [
    statement.customerId,
    statement.month,
    label,
    '',
    '',
    '',
    '',
    '',
    { euroCents: cents },
  ];
  rows.push(
    totalRow('Summe netto', statement.netCents),
    totalRow(`Umsatzsteuer ${String(vatPercent).replace('.', ',')} %`, statement.vatCents),
    totalRow('Summe brutto', statement.grossCents),
  );
  rows.push(...hoursRecordRows(statement));
  rows.push(...serviceRecordRows(statement));

  return toCsv(rows);
}

/**
 * Labels of the hours rows, in CSV order, keyed by the statement field whose minutes the row carries. Used
 * minutes are billed minutes, so each entry is rounded up to the billing increment. "Verbraucht gesamt" is all
 * billed minutes of the pool's time types, "davon aus dem Kontingent" the part covered by the rolled-over lot
 * and the included minutes, and "Mehrstunden" the part beyond, as on the bot's hours card and in the tab.
 */
export const HOURS_CSV_ROWS = [
  ['includedMinutes', 'Inklusive im Monat'],
  ['rolloverInMinutes', 'Übertrag aus dem Vormonat'],
  ['availableMinutes', 'Verfügbar im Monat'],
  ['billableMinutes', 'Verbraucht gesamt'],
  ['includedUsedMinutes', 'davon aus dem Kontingent'],
  ['rolledLotUsedMinutes', 'Übertrag verbraucht'],
  ['ownUsedMinutes', 'Inklusive im Monat verbraucht'],
  ['rolledLotExpiredMinutes', 'Übertrag verfallen'],
  ['rolloverOutMinutes', 'Übertrag in den Folgemonat'],
  ['overageMinutes', 'Mehrstunden'],
  ['overageApprovedMinutes', 'Mehrstunden freigegeben'],
  ['overageBilledMinutes', 'Mehrstunden berechnet'],
  ['unapprovedOverageMinutes', 'Mehrstunden ohne Freigabe (nicht berechnet)'],
] as const satisfies readonly (readonly [keyof CustomerMonthStatement, string])[];

const TIME_TYPE_LABELS: Record<TimeType, string> = {
  support: 'Verbraucht: Support',
  project: 'Verbraucht: Projektarbeit',
  emergency: 'Verbraucht: Notfall',
  'on-site': 'Verbraucht: Vor Ort',
};

/** Rows of the month's hours (pool, rolled-over lot, used minutes per type, overage), with minutes and no amount. */
function hoursRecordRows(statement: CustomerMonthStatement): CsvCell[][] {
  const unit = `Minuten (${statement.billingIncrementMinutes}-Minuten-Takt)`;
  const row = (label: string, minutes: number): CsvCell[] => [statement.customerId, statement.month, label, '', minutes, unit, '', '', ''];

  const rows = HOURS_CSV_ROWS.map(([field, label]) => row(label, statement[field]));
  for (const [type, label] of Object.entries(TIME_TYPE_LABELS) as [TimeType, string][]) {
    rows.push(row(label, statement.usedByType[type]));
  }
  return rows;
}

/**
 * Labels of the SLA rows, worded as the tab's SLA report. A request counts in the month of its callback deadline.
 * The first row is the total, which is the decided requests (met or missed) plus the pending ones, and the quota
 * counts decided requests only.
 */
export const SLA_CSV_LABELS = {
  requests: 'Anfragen mit Rückruffrist im Monat',
  decided: 'davon entschieden (rechtzeitig oder verspätet)',
  met: 'davon rechtzeitig',
  missed: 'davon verspätet',
  pending: 'davon offen, Frist läuft noch',
  metPercent: 'Anteil rechtzeitig an den entschiedenen',
  median: 'Rückrufzeit (Median)',
} as const;

/** Rows of the SLA compliance and bonus calls, empty when the statement has no service record. */
function serviceRecordRows(statement: CustomerMonthStatement): CsvCell[][] {
  const row = (label: string, quantity: number | string, unit: string): CsvCell[] => [
    statement.customerId,
    statement.month,
    label,
    '',
    quantity,
    unit,
    '',
    '',
    '',
  ];

  const rows: CsvCell[][] = [];
  const sla = statement.slaCompliance;
  if (sla !== undefined) {
    rows.push(
      row(SLA_CSV_LABELS.requests, sla.requestCount, 'Anfragen'),
      row(SLA_CSV_LABELS.decided, sla.decidedCount, 'Anfragen'),
      row(SLA_CSV_LABELS.met, sla.metCount, 'Anfragen'),
      row(SLA_CSV_LABELS.missed, sla.missedCount, 'Anfragen'),
      row(SLA_CSV_LABELS.pending, sla.pendingCount, 'Anfragen'),
      row(SLA_CSV_LABELS.metPercent, sla.metPercent === null ? '' : String(sla.metPercent).replace('.', ','), '%'),
      row(SLA_CSV_LABELS.median, sla.medianCallbackMinutes ?? '', 'Minuten'),
    );
  }
  if (statement.bonusCallsHeld !== undefined) {
    rows.push(row('Bonus-Termine gehalten', statement.bonusCallsHeld.count, 'Termine'));
  }
  return rows;
}

function quantityUnitLabel(unit: QuantityUnit, incrementMinutes: number): string {
  const labels: Record<QuantityUnit, string> = {
    month: 'Monat',
    minute: `Minuten (${incrementMinutes}-Minuten-Takt)`,
    day: 'Tage',
    emergency: 'Notfall',
  };
  return labels[unit];
}
