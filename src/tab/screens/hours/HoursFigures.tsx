import { makeStyles, tokens } from '@fluentui/react-components';
import type { HoursOverview } from '../../api/hours.js';
import { formatMinutes } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { FigureTable, type Figure } from '../monthly/FigureTable.js';
import { formatPercent } from '../monthly/formatPercent.js';
import { TIME_TYPES } from '../../../domain/timeTypes.js';


const useStyles = makeStyles({
  tables: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXXL, alignItems: 'flex-start' },
});

/** Lists the figures of a month's hours: the pool, what is left, the overage, and the billed time per type of work. */
export function HoursFigures({ hours }: { hours: HoursOverview }) {
  const { language, messages } = useLanguage();
  const texts = messages.hours.figures;
  const styles = useStyles();
  const duration = (minutes: number) => formatMinutes(minutes, language);

  const pool: Figure[] = [
    [texts.included, duration(hours.includedMinutes)],
    [texts.rolledOver, duration(hours.rolloverInMinutes)],
    [texts.available, duration(hours.availableMinutes)],
    [texts.used, duration(hours.usedMinutes)],
    [texts.includedUsed, duration(hours.includedUsedMinutes)],
    [texts.percentUsed, hours.percentUsed === null ? messages.common.none : formatPercent(hours.percentUsed, language)],
    [texts.remaining, duration(hours.remainingMinutes)],
  ];
  if (hours.rolloverInMinutes > 0) {
    pool.splice(
      2,
      0,
      [texts.rolledLotUsed, duration(hours.rolledLotUsedMinutes)],
      [texts.rolledLotExpiring, duration(hours.rolledLotExpiredMinutes)],
    );
  }
  const overage: Figure[] = [
    [texts.overage, duration(hours.overageMinutes)],
    [texts.overageApproved, duration(hours.overageApprovedMinutes)],
    [texts.overageApprovedLeft, duration(hours.overageApprovedLeftMinutes)],
    [texts.unapprovedOverage, duration(hours.unapprovedOverageMinutes)],
  ];
  const byType = TIME_TYPES.map((type): Figure => [messages.timeTypes[type], duration(hours.usedByType[type])]);

  return (
    <div className={styles.tables}>
      <FigureTable caption={texts.poolCaption} rows={pool} />
      <FigureTable caption={texts.overageCaption} rows={overage} />
      <FigureTable caption={texts.byTypeCaption} rows={byType} />
    </div>
  );
}
