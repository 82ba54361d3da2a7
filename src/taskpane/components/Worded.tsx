import { Fragment } from 'react';
import type { TextPart } from '../i18n/findingText';

/**
 * A worded sentence. What it quotes from the workbook (names, values, file names) is marked
 * `data-quoted`: it is the workbook's own text, kept as written in either language.
 */
export function Worded({ parts }: { parts: readonly TextPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.data ? (
          <span key={i} data-quoted="">
            {p.text}
          </span>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
