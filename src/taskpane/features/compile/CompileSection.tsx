import { useEffect, useRef } from 'react';
import { Button, MessageBar, MessageBarBody, Radio, RadioGroup, Field, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { XLSX_ACCEPT } from '../../bytes';
import { AreaStatus } from '../../components/AreaStatus';
import { Section } from '../../components/Section';
import type { PaneSession } from '../../session/usePaneSession';
import type { Connection, ToolsLoader } from '../../services';
import { CompilePreview } from './CompilePreview';
import { useCompile, type Prefer } from './useCompile';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * 取りまとめ: department files (or this workbook's 課別シート) into the open master, with the
 * 提出履歴 and 提出状況 sheets. Preview first; only 書き込む writes.
 */
export function CompileSection(props: { session: PaneSession; connection: Connection; loadTools: ToolsLoader; canDownload: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const compile = useCompile(props.session, props.connection, props.loadTools);
  const input = useRef<HTMLInputElement>(null);
  const { busy } = props.session.state;
  const reading = busy?.area === 'compile' && busy.operation === 'compileRead';
  const { view } = compile;
  // The button that started this 取りまとめ: focus returns to it when the preview or the reading
  // ends (書き込む, 取りやめる, 中止), instead of falling to the page.
  const startedBy = useRef<HTMLButtonElement | null>(null);
  const choose = useRef<HTMLButtonElement>(null);
  const fromSheets = useRef<HTMLButtonElement>(null);
  const finished = view.stage === 'idle' ? view.last : undefined;
  useEffect(() => {
    if (finished) (startedBy.current ?? choose.current)?.focus();
  }, [finished]);
  return (
    <Section
      title={t('compile.heading')}
      description={t('compile.description')}
      action={
        <div className={styles.actions}>
          <input
            ref={input}
            type="file"
            multiple
            accept={XLSX_ACCEPT}
            aria-label={t('compile.choose')}
            hidden
            onChange={(e) => {
              const files = [...(e.currentTarget.files ?? [])];
              e.currentTarget.value = '';
              if (files.length > 0) void compile.chooseFiles(files);
            }}
          />
          <Button
            ref={choose}
            appearance="primary"
            onClick={() => {
              if (busy) return;
              startedBy.current = choose.current;
              input.current?.click();
            }}
          >
            {t('compile.choose')}
          </Button>
          <Button
            ref={fromSheets}
            onClick={() => {
              startedBy.current = fromSheets.current;
              void compile.fromSheets();
            }}
          >
            {t('compile.fromSheets')}
          </Button>
        </div>
      }
      status={
        <>
          <AreaStatus session={props.session} area="compile" />
          {reading ? (
            <Button size="small" style={{ alignSelf: 'flex-start' }} onClick={compile.cancel}>
              {t('compile.cancel')}
            </Button>
          ) : null}
        </>
      }
    >
      <Field label={t('compile.prefer')}>
        <RadioGroup value={compile.prefer} onChange={(_e, d) => compile.setPrefer(d.value as Prefer)} layout="horizontal">
          <Radio value="master" label={t('compile.preferMaster')} />
          <Radio value="submission" label={t('compile.preferSubmission')} />
        </RadioGroup>
      </Field>
      {view.stage === 'preview' ? (
        <>
          {view.changed ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t('compile.changed')}</MessageBarBody>
            </MessageBar>
          ) : null}
          <CompilePreview result={view.result} />
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void compile.confirm()}>
              {t('compile.confirm')}
            </Button>
            <Button onClick={compile.discard}>{t('compile.discard')}</Button>
          </div>
        </>
      ) : null}
      {view.stage === 'idle' && view.last ? (
        <MessageBar intent={typeof view.last === 'object' ? 'success' : 'info'} layout="multiline">
          <MessageBarBody>
            {typeof view.last === 'object'
              ? `${t('compile.applied', { count: view.last.applied.applied })}${props.canDownload ? ` ${t('compile.appliedDownload')}` : ''}`
              : t(view.last === 'cancelled' ? 'compile.cancelled' : 'compile.discarded')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </Section>
  );
}
