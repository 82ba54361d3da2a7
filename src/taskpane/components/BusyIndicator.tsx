import { Spinner, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  region: { minHeight: 0 },
  // Rendered at once but shown only after a third of a second: quick operations never flash,
  // and the (CSS-driven) indicator keeps turning even while a long analysis blocks the page.
  delayed: {
    opacity: 0,
    animationName: { from: { opacity: 0 }, to: { opacity: 1 } },
    animationDuration: '120ms',
    animationDelay: '333ms',
    animationFillMode: 'forwards',
    color: tokens.colorNeutralForeground2,
  },
});

/** A polite live region, always present, that holds a spinner while `label` is set. */
export function BusyIndicator({ label }: { label?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.region} role="status" aria-live="polite">
      {label ? (
        <div className={styles.delayed} data-testid="busy">
          <Spinner size="extra-tiny" labelPosition="after" label={label} />
        </div>
      ) : null}
    </div>
  );
}
