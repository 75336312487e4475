import { makeStyles, tokens } from '@fluentui/react-components';
import type { Statement } from '../../api/statements.js';
import { formatMinutes } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { FigureTable, type Figure } from '../monthly/FigureTable.js';
import { formatPercent } from '../monthly/formatPercent.js';

const useStyles = makeStyles({
  tables: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXXL, alignItems: 'flex-start' },
});

/**
 * Lists the service record of a statement: hours and overage, emergencies and on-site days, SLA compliance and
 * bonus calls.
 */
export function StatementFacts({ statement }: { statement: Statement }) {
  const { language, messages } = useLanguage();
  const texts = messages.statements.facts;
  const styles = useStyles();
  const duration = (minutes: number) => formatMinutes(minutes, language);

  const hours: Figure[] = [
    [texts.billingIncrement, duration(statement.billingIncrementMinutes)],
    [texts.included, duration(statement.includedMinutes)],
    [texts.rolledOverIn, duration(statement.rolloverInMinutes)],
    [texts.rolledLotUsed, duration(statement.rolledLotUsedMinutes)],
    [texts.rolledLotExpired, duration(statement.rolledLotExpiredMinutes)],
    [texts.rolledOverOut, duration(statement.rolloverOutMinutes)],
    [texts.used, duration(statement.billableMinutes)],
    [texts.includedUsed, duration(statement.includedUsedMinutes)],
    [texts.overage, duration(statement.overageMinutes)],
    [texts.overageApproved, duration(statement.overageApprovedMinutes)],
    [texts.overageBilled, duration(statement.overageBilledMinutes)],
    [texts.unapprovedOverage, duration(statement.unapprovedOverageMinutes)],
  ];
  const work: Figure[] = [
    [messages.timeTypes.support, duration(statement.usedByType.support)],
    [messages.timeTypes.project, duration(statement.usedByType.project)],
    [messages.timeTypes.emergency, duration(statement.usedByType.emergency)],
    [messages.timeTypes['on-site'], duration(statement.usedByType['on-site'])],
    [texts.emergencies, String(statement.emergencyCount)],
    [texts.onSiteDays, String(statement.onSiteDays)],
  ];
  const service: Figure[] = [];
  const sla = statement.slaCompliance;
  if (sla !== undefined) {
    service.push(
      [texts.slaMet, sla.metPercent === null ? messages.common.none : formatPercent(sla.metPercent, language)],
      [texts.slaCounts, texts.slaCountsValue(sla.metCount, sla.decidedCount)],
      [texts.medianCallback, sla.medianCallbackMinutes === null ? messages.common.none : duration(sla.medianCallbackMinutes)],
    );
  }
  if (statement.bonusCallsHeld !== undefined) service.push([texts.bonusCalls, String(statement.bonusCallsHeld.count)]);

  return (
    <div className={styles.tables}>
      <FigureTable caption={texts.hoursCaption} rows={hours} />
      <FigureTable caption={texts.workCaption} rows={work} />
      {service.length > 0 && <FigureTable caption={texts.serviceCaption} rows={service} />}
    </div>
  );
}
