import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse' },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalS },
  header: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    paddingRight: tokens.spacingHorizontalXL,
    paddingBlock: tokens.spacingVerticalXXS,
  },
  value: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
});

/** One figure: its label, which becomes the row header, and its formatted value. */
export type Figure = readonly [label: string, value: string];

/** Renders a captioned two-column table of figures, so screen readers announce each value with its label. */
export function FigureTable({ caption, rows }: { caption: string; rows: readonly Figure[] }) {
  const styles = useStyles();
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{caption}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row" className={styles.header}>
              {label}
            </th>
            <td className={styles.value}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
