import {
  Badge,
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import { canTransition } from '../../../domain/lifecycle.js';
import type { QueueItem } from '../../api/types.js';
import { formatDateTime } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { useTimeZone } from '../../i18n/timeZone.js';
import { liveSlaStatus } from './liveSlaStatus.js';
import { SlaCountdown } from './SlaCountdown.js';

/** Actions on one request of the queue. */
export type QueueAction = 'details' | 'takeOver' | 'callback' | 'logTime' | 'changeState' | 'resolve';

const useStyles = makeStyles({
  description: {
    display: '-webkit-box',
    WebkitLineClamp: '2',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  atRisk: { backgroundColor: tokens.colorPaletteMarigoldBackground1 },
  breached: { backgroundColor: tokens.colorPaletteRedBackground1 },
});

/** Lists the open requests as a table with countdown and actions. A row's number opens its details. */
export function QueueTable(props: {
  items: readonly QueueItem[];
  now: Date;
  busyNumber: string | undefined;
  onAction: (action: QueueAction, item: QueueItem) => void;
}) {
  const { language, messages } = useLanguage();
  const zone = useTimeZone();
  const styles = useStyles();
  const columns = messages.queue.columns;

  return (
    <Table aria-label={messages.queue.tableLabel} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{columns.number}</TableHeaderCell>
          <TableHeaderCell>{columns.customer}</TableHeaderCell>
          <TableHeaderCell>{columns.description}</TableHeaderCell>
          <TableHeaderCell>{columns.state}</TableHeaderCell>
          <TableHeaderCell>{columns.channel}</TableHeaderCell>
          <TableHeaderCell>{columns.deadline}</TableHeaderCell>
          <TableHeaderCell>{columns.countdown}</TableHeaderCell>
          <TableHeaderCell>{columns.actions}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.items.map((item) => {
          const status = liveSlaStatus(item, props.now);
          let rowClass: string | undefined;
          if (status === 'breached') rowClass = styles.breached;
          else if (status === 'atRisk') rowClass = styles.atRisk;
          const busy = props.busyNumber === item.number;
          return (
            <TableRow key={`${item.customerId}/${item.number}`} className={rowClass} data-request-number={item.number}>
              <TableCell>
                <Button appearance="transparent" onClick={() => props.onAction('details', item)}>
                  {item.number}
                </Button>
                {item.emergency && (
                  <Badge color="danger" appearance="filled">
                    {messages.queue.emergency}
                  </Badge>
                )}
              </TableCell>
              <TableCell>{item.customerName}</TableCell>
              <TableCell>
                <Text className={styles.description} title={item.description}>
                  {item.description}
                </Text>
              </TableCell>
              <TableCell>{messages.states[item.state]}</TableCell>
              <TableCell>{messages.channels[item.channel]}</TableCell>
              <TableCell>{formatDateTime(item.deadline, language, zone)}</TableCell>
              <TableCell>
                <SlaCountdown item={item} now={props.now} />
              </TableCell>
              <TableCell>
                <div className={styles.actions}>
                  {canTransition(item.state, 'acknowledged') && (
                    <Button
                      size="small"
                      disabled={busy}
                      aria-label={messages.queue.takeOverLabel(item.number)}
                      onClick={() => props.onAction('takeOver', item)}
                    >
                      {messages.queue.takeOver}
                    </Button>
                  )}
                  {canTransition(item.state, 'callbackDone') && (
                    <Button
                      size="small"
                      disabled={busy}
                      aria-label={messages.queue.callbackLabel(item.number)}
                      onClick={() => props.onAction('callback', item)}
                    >
                      {messages.queue.callback}
                    </Button>
                  )}
                  <Menu>
                    <MenuTrigger disableButtonEnhancement>
                      <Button
                        size="small"
                        disabled={busy}
                        icon={<MoreHorizontalRegular />}
                        aria-label={messages.queue.moreActionsLabel(item.number)}
                      />
                    </MenuTrigger>
                    <MenuPopover>
                      <MenuList>
                        <MenuItem onClick={() => props.onAction('details', item)}>{messages.queue.details}</MenuItem>
                        <MenuItem onClick={() => props.onAction('logTime', item)}>{messages.queue.logTime}</MenuItem>
                        <MenuItem onClick={() => props.onAction('changeState', item)}>{messages.queue.changeState}</MenuItem>
                        {canTransition(item.state, 'resolved') && (
                          <MenuItem onClick={() => props.onAction('resolve', item)}>{messages.queue.resolve}</MenuItem>
                        )}
                      </MenuList>
                    </MenuPopover>
                  </Menu>
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
