import { useId, type ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  description: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  action: { alignSelf: 'flex-start' },
});

/** A titled part of the pane: heading, one line of explanation, its action, then its result. */
export function Section(props: {
  title: string;
  description?: string;
  action?: ReactNode;
  /** Progress indicator and error of this part, right under its action. */
  status?: ReactNode;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {props.title}
      </h2>
      {props.description ? <p className={styles.description}>{props.description}</p> : null}
      {props.action ? <div className={styles.action}>{props.action}</div> : null}
      {props.status}
      {props.children}
    </section>
  );
}
