import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'left',
  },
  button: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '1px',
    },
  },
  selected: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  address: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  text: { overflowWrap: 'anywhere' },
});

/**
 * One finding or flag. With a cell to go to it is a real button (keyboard and screen reader
 * operable); about a whole sheet or file it is plain text.
 */
export function CellItem(props: { badge: ReactNode; address?: string; children: ReactNode; selected?: boolean; onActivate?: () => void }) {
  const styles = useStyles();
  const body = (
    <>
      <span className={styles.meta}>
        {props.badge}
        {props.address ? <span className={styles.address}>{props.address}</span> : null}
      </span>
      <span className={styles.text}>{props.children}</span>
    </>
  );
  if (!props.onActivate) return <div className={styles.item}>{body}</div>;
  return (
    <button
      type="button"
      className={mergeClasses(styles.item, styles.button, props.selected && styles.selected)}
      aria-current={props.selected ? 'true' : undefined}
      onClick={props.onActivate}
    >
      {body}
    </button>
  );
}
