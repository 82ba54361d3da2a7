import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** A titled warning with one line per item (what is missing, what was not handed out); nothing when empty. */
export function WarningList({ title, items }: { title: string; items: readonly string[] }) {
  const styles = useStyles();
  if (items.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
