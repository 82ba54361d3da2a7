import { useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { makeStyles, tokens } from '@fluentui/react-components';

/** Up to this many items are rendered as they are; beyond it only what is in view. */
export const VIRTUAL_FROM = 60;
const VIEW_HEIGHT = 420;

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  scroller: {
    maxHeight: `${VIEW_HEIGHT}px`,
    overflowY: 'auto',
    overflowX: 'hidden',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  virtual: { listStyleType: 'none', margin: 0, padding: 0, position: 'relative', width: '100%' },
  row: { position: 'absolute', top: 0, left: 0, width: '100%', boxSizing: 'border-box', paddingBottom: tokens.spacingVerticalXS },
});

/**
 * A list of items that stays quick at thousands: small lists render whole (nothing to scroll
 * inside), long ones render only the rows in view of their own scroll box.
 */
interface Props {
  count: number;
  label: string;
  itemKey: (index: number) => string;
  renderItem: (index: number) => ReactNode;
}

export function VirtualList(props: Props) {
  const styles = useStyles();
  if (props.count < VIRTUAL_FROM) {
    return (
      <ul className={styles.list} aria-label={props.label}>
        {Array.from({ length: props.count }, (_, i) => (
          <li key={props.itemKey(i)}>{props.renderItem(i)}</li>
        ))}
      </ul>
    );
  }
  return <Windowed {...props} />;
}

function Windowed(props: Props) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.count,
    getScrollElement: () => scroller.current,
    estimateSize: () => 64,
    overscan: 6,
    getItemKey: props.itemKey,
    initialRect: { width: 300, height: VIEW_HEIGHT },
  });
  return (
    // Focusable so the keyboard can scroll it (the rows out of view are not in the tab order).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard
    <div ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-label={props.label}>
      <ul className={styles.virtual} style={{ height: `${virtualizer.getTotalSize()}px` }} aria-label={props.label}>
        {virtualizer.getVirtualItems().map((item) => (
          <li
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className={styles.row}
            style={{ transform: `translateY(${item.start}px)` }}
            aria-setsize={props.count}
            aria-posinset={item.index + 1}
          >
            {props.renderItem(item.index)}
          </li>
        ))}
      </ul>
    </div>
  );
}
