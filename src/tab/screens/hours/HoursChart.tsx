import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { HoursOverview } from '../../api/hours.js';
import { formatMinutes } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { hoursBars, type HoursSegment, type HoursSegmentKind } from './hoursChartSegments.js';

/** Drawing size in SVG units. The SVG scales to the width of its container. */
const WIDTH = 640;
const LABEL_WIDTH = 120;
const BAR_LEFT = LABEL_WIDTH + 8;
const BAR_WIDTH = WIDTH - BAR_LEFT - 24;
const BAR_HEIGHT = 28;
const ROW_GAP = 16;
const TOP = 24;
const HEIGHT = TOP + 2 * BAR_HEIGHT + ROW_GAP + 32;

const useStyles = makeStyles({
  chart: { width: '100%', maxWidth: '48rem', height: 'auto', display: 'block' },
  text: { fill: tokens.colorNeutralForeground1, fontSize: '13px', fontFamily: tokens.fontFamilyBase },
  quietText: { fill: tokens.colorNeutralForeground3, fontSize: '12px', fontFamily: tokens.fontFamilyBase },
  track: { fill: tokens.colorNeutralBackground3, stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  segment: { stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: 1 },
  rolledOver: { fill: tokens.colorPaletteLightTealBackground2 },
  included: { fill: tokens.colorBrandBackground2 },
  usedFromLot: { fill: tokens.colorPaletteLightTealForeground2 },
  usedOwn: { fill: tokens.colorBrandBackground },
  overageApproved: { fill: tokens.colorPaletteMarigoldBackground3 },
  overageUnapproved: { fill: tokens.colorPaletteRedBackground3 },
  limit: { stroke: tokens.colorNeutralForeground1, strokeWidth: 2, strokeDasharray: '4 3' },
  patternOnLight: { stroke: tokens.colorNeutralForeground1, strokeWidth: 1.5 },
  patternOnFill: { stroke: tokens.colorNeutralBackground1, strokeWidth: 1.5 },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { width: '14px', height: '14px', flexShrink: 0 },
});

/** Segment kinds in legend order. */
const KINDS: readonly HoursSegmentKind[] = ['rolledOver', 'included', 'usedFromLot', 'usedOwn', 'overageApproved', 'overageUnapproved'];

/**
 * Line patterns drawn over the colour of some segments, so they stay apart where a theme has few colours (high
 * contrast). Patterns over a light fill use the foreground colour. Patterns over a strong fill ("OnFill") use the
 * background colour, so the lines show in every theme.
 */
type PatternName = 'diagonal' | 'diagonalOnFill' | 'horizontalOnFill' | 'crossOnFill';

const SEGMENT_PATTERNS: Partial<Record<HoursSegmentKind, PatternName>> = {
  rolledOver: 'diagonal',
  usedFromLot: 'diagonalOnFill',
  overageApproved: 'horizontalOnFill',
  overageUnapproved: 'crossOnFill',
};

/** Defines the line patterns in SVG. `idOf` gives each pattern's element id. */
function PatternDefinitions({ idOf, onLight, onFill }: { idOf: (pattern: PatternName) => string; onLight: string; onFill: string }) {
  const diagonal = (id: string, lineClass: string) => (
    <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <line className={lineClass} x1={0} y1={0} x2={0} y2={6} />
    </pattern>
  );
  return (
    <defs>
      {diagonal(idOf('diagonal'), onLight)}
      {diagonal(idOf('diagonalOnFill'), onFill)}
      <pattern id={idOf('horizontalOnFill')} width={6} height={6} patternUnits="userSpaceOnUse">
        <line className={onFill} x1={0} y1={3} x2={6} y2={3} />
      </pattern>
      <pattern id={idOf('crossOnFill')} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <line className={onFill} x1={0} y1={0} x2={0} y2={6} />
        <line className={onFill} x1={0} y1={3} x2={6} y2={3} />
      </pattern>
    </defs>
  );
}

/**
 * Draws a bar chart of one month. The available hours (rolled-over lot and included hours) are drawn above the used
 * hours (from the lot, from the own hours, approved and unapproved overage), on one scale. A dashed line marks
 * the end of the available hours. Screen readers read the summary label, and the figures beside the chart give
 * every number.
 */
export function HoursChart({ hours }: { hours: HoursOverview }) {
  const { language, messages } = useLanguage();
  const texts = messages.hours.chart;
  const styles = useStyles();
  const bars = hoursBars(hours);
  const idPrefix = useId();
  const patternId = (pattern: PatternName) => `${idPrefix}-${pattern}`;
  const scale = (minutes: number) => (bars.scaleMinutes === 0 ? 0 : (minutes / bars.scaleMinutes) * BAR_WIDTH);
  const duration = (minutes: number) => formatMinutes(minutes, language);
  const summary = texts.summary(duration(hours.usedMinutes), duration(hours.availableMinutes), duration(hours.rolloverInMinutes));

  const bar = (segments: HoursSegment[], y: number) => {
    let x = BAR_LEFT;
    return segments.map((segment) => {
      const width = scale(segment.minutes);
      const pattern = SEGMENT_PATTERNS[segment.kind];
      const drawn = (
        <g key={segment.kind}>
          <rect className={mergeClasses(styles.segment, styles[segment.kind])} x={x} y={y} width={width} height={BAR_HEIGHT}>
            <title>{`${texts.segments[segment.kind]}: ${duration(segment.minutes)}`}</title>
          </rect>
          {pattern !== undefined && (
            <rect x={x} y={y} width={width} height={BAR_HEIGHT} fill={`url(#${patternId(pattern)})`} pointerEvents="none" />
          )}
        </g>
      );
      x += width;
      return drawn;
    });
  };

  const availableY = TOP;
  const usedY = TOP + BAR_HEIGHT + ROW_GAP;
  const limitX = BAR_LEFT + scale(hours.availableMinutes);
  const axisY = usedY + BAR_HEIGHT + 20;

  return (
    <figure style={{ margin: 0 }}>
      <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
        <title>{summary}</title>
        <PatternDefinitions idOf={patternId} onLight={styles.patternOnLight} onFill={styles.patternOnFill} />
        <text className={styles.text} x={LABEL_WIDTH} y={availableY + BAR_HEIGHT / 2} textAnchor="end" dominantBaseline="middle">
          {texts.available}
        </text>
        <text className={styles.text} x={LABEL_WIDTH} y={usedY + BAR_HEIGHT / 2} textAnchor="end" dominantBaseline="middle">
          {texts.used}
        </text>
        <rect className={styles.track} x={BAR_LEFT} y={availableY} width={BAR_WIDTH} height={BAR_HEIGHT} />
        <rect className={styles.track} x={BAR_LEFT} y={usedY} width={BAR_WIDTH} height={BAR_HEIGHT} />
        {bar(bars.available, availableY)}
        {bar(bars.used, usedY)}
        {hours.availableMinutes > 0 && (
          <>
            <line className={styles.limit} x1={limitX} x2={limitX} y1={availableY - 8} y2={usedY + BAR_HEIGHT + 4} />
            <text className={styles.quietText} x={limitX} y={availableY - 12} textAnchor={limitX > BAR_LEFT + BAR_WIDTH / 2 ? 'end' : 'start'}>
              {texts.limit(duration(hours.availableMinutes))}
            </text>
          </>
        )}
        <text className={styles.quietText} x={BAR_LEFT} y={axisY} textAnchor="start">
          {duration(0)}
        </text>
        {bars.scaleMinutes > 0 && (
          <text className={styles.quietText} x={BAR_LEFT + BAR_WIDTH} y={axisY} textAnchor="end">
            {duration(bars.scaleMinutes)}
          </text>
        )}
      </svg>
      <figcaption>
        <ul className={styles.legend} aria-label={texts.legend}>
          {KINDS.map((kind) => (
            <li key={kind} className={styles.legendItem}>
              <svg className={styles.swatch} viewBox="0 0 14 14" aria-hidden="true">
                <rect className={mergeClasses(styles.segment, styles[kind])} x={0.5} y={0.5} width={13} height={13} />
                {SEGMENT_PATTERNS[kind] !== undefined && (
                  <rect x={0.5} y={0.5} width={13} height={13} fill={`url(#${patternId(SEGMENT_PATTERNS[kind])})`} />
                )}
              </svg>
              {texts.segments[kind]}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
