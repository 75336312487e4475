import { makeStyles, tokens } from '@fluentui/react-components';
import type { CustomerSlaCompliance } from '../../api/slaReport.js';
import { useLanguage } from '../../i18n/index.js';
import { formatPercent } from '../monthly/formatPercent.js';

/** Drawing size in SVG units. The SVG scales to the width of its container. */
const WIDTH = 640;
const LABEL_WIDTH = 200;
const BAR_LEFT = LABEL_WIDTH + 8;
const VALUE_WIDTH = 64;
const BAR_WIDTH = WIDTH - BAR_LEFT - VALUE_WIDTH;
const ROW_HEIGHT = 32;
const BAR_HEIGHT = 20;
const AXIS_HEIGHT = 24;
const TICKS_PERCENT = [0, 50, 100] as const;

const useStyles = makeStyles({
  chart: { width: '100%', maxWidth: '48rem', height: 'auto', display: 'block' },
  text: { fill: tokens.colorNeutralForeground1, fontSize: '13px', fontFamily: tokens.fontFamilyBase },
  quietText: { fill: tokens.colorNeutralForeground3, fontSize: '12px', fontFamily: tokens.fontFamilyBase },
  track: { fill: tokens.colorNeutralBackground3, stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  bar: { fill: tokens.colorBrandBackground, stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: 1 },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1, strokeDasharray: '2 3' },
});

/** Shortens a customer name to fit the label column of the chart. The full name stays in the bar's title. */
function shortName(name: string): string {
  return name.length > 26 ? `${name.slice(0, 25)}…` : name;
}

/**
 * Draws a horizontal bar chart of the share of callbacks in time per customer, 0 to 100 %. A customer without
 * decided requests gets no bar and "–". Screen readers read the label that lists every customer's value.
 */
export function SlaChart({ customers }: { customers: readonly CustomerSlaCompliance[] }) {
  const { language, messages } = useLanguage();
  const texts = messages.slaReport;
  const styles = useStyles();
  const height = customers.length * ROW_HEIGHT + AXIS_HEIGHT;
  const value = (row: CustomerSlaCompliance) => (row.metPercent === null ? messages.common.none : formatPercent(row.metPercent, language));
  const summary = texts.chartSummary(customers.map((row) => `${row.customerName} ${value(row)}`).join(', '));

  return (
    <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary}>
      <title>{summary}</title>
      {TICKS_PERCENT.map((tick) => {
        const x = BAR_LEFT + (tick / 100) * BAR_WIDTH;
        return (
          <g key={tick}>
            <line className={styles.grid} x1={x} x2={x} y1={0} y2={customers.length * ROW_HEIGHT} />
            <text className={styles.quietText} x={x} y={customers.length * ROW_HEIGHT + 16} textAnchor="middle">
              {formatPercent(tick, language)}
            </text>
          </g>
        );
      })}
      {customers.map((row, index) => {
        const y = index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
        const width = row.metPercent === null ? 0 : (row.metPercent / 100) * BAR_WIDTH;
        return (
          <g key={row.customerId}>
            <text className={styles.text} x={LABEL_WIDTH} y={y + BAR_HEIGHT / 2} textAnchor="end" dominantBaseline="middle">
              {shortName(row.customerName)}
            </text>
            <rect className={styles.track} x={BAR_LEFT} y={y} width={BAR_WIDTH} height={BAR_HEIGHT} />
            {width > 0 && (
              <rect className={styles.bar} x={BAR_LEFT} y={y} width={width} height={BAR_HEIGHT}>
                <title>{`${row.customerName}: ${value(row)}`}</title>
              </rect>
            )}
            <text className={styles.text} x={WIDTH - 4} y={y + BAR_HEIGHT / 2} textAnchor="end" dominantBaseline="middle">
              {value(row)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
