import { configure, render } from '@testing-library/react';
import { RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import type { Analysis } from '../../src/plan/engine';
import type { WorkbookEdits } from '../../src/plan/edits';
import type { Finding } from '../../src/plan/findings';
import type { GridCell, WorkbookGrid } from '../../src/plan/grid';
import type { IndicatorProgress, PolicyProgress, ProgressReport, RevisionFlag } from '../../src/plan/report';
import type { WorkbookGateway } from '../../src/workbook/gateway';
import { App } from '../../src/taskpane/App';
import type { Connection, Engine, FileOpener, FileSaver, HostMode, ToolsLoader } from '../../src/taskpane/services';

/**
 * How long a test waits for the pane to show something: generous, because two cores shared by
 * several test runs can stall a render for seconds. Nothing depends on it being fast.
 */
export const PATIENCE = 15_000;
// Every findBy… and waitFor in the pane tests waits this long unless told otherwise.
configure({ asyncUtilTimeout: PATIENCE });

/** An in-memory workbook that records every batch of edits applied to it. */
export class FakeGateway implements WorkbookGateway {
  readonly applied: WorkbookEdits[] = [];
  reads = 0;
  constructor(
    public grid: WorkbookGrid,
    readonly label = '実施報告.xlsx',
    private readonly delayMs = 0,
  ) {}

  async read(): Promise<WorkbookGrid> {
    this.reads++;
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    return JSON.parse(JSON.stringify(this.grid)) as WorkbookGrid;
  }

  async apply(edits: WorkbookEdits): Promise<void> {
    this.applied.push(edits);
    for (const e of edits.cells) {
      if (e.value === undefined) continue;
      const sheet = this.grid.sheets.find((s) => s.name === e.sheet);
      if (!sheet) continue;
      const row = (sheet.rows[e.row] ??= []);
      row[e.col] = { value: e.value };
    }
  }
}

/** A small grid: 施策 sheet with a few values, enough for the detail panel. */
export function sampleGrid(): WorkbookGrid {
  const c = (value: GridCell['value'], extra: Partial<GridCell> = {}): GridCell => ({ value, ...extra });
  return {
    source: '実施報告.xlsx',
    sheets: [
      {
        name: '施策1',
        rows: [
          [c('基本指標項目'), c('2022'), c('2023'), c('目標値')],
          [c('きらめき出前講座実施件数'), c(120), null, c(150)],
          [c('協働事業数'), c(30), c('三十'), c(40)],
          [c('合計'), c(150), c(null, { formula: 'SUM(C2:C3)', error: '#VALUE!' })],
        ],
      },
      {
        name: '事業一覧',
        rows: [
          [c('No.'), c('事業名')],
          [c(1), c('市民活動サポート')],
        ],
      },
    ],
  };
}

export const FINDINGS: Finding[] = [
  { severity: 'error', rule: 'actual-missing', sheet: '施策1', cell: 'C2', message: '2023年度の実績値が入力されていません' },
  { severity: 'warning', rule: 'jump', sheet: '施策1', cell: 'B2', message: '前年度から2倍以上に増えています' },
  { severity: 'error', rule: 'not-a-number', sheet: '施策1', cell: 'C3', message: '「三十」を数値として読めません' },
  { severity: 'warning', rule: 'achievement-missing', sheet: '事業一覧', cell: 'B2', message: '実施状況が入力されていません' },
  { severity: 'warning', rule: 'year-column-missing', sheet: '', cell: '', message: '報告年度を表紙から読み取れませんでした' },
];

export const FLAGS: RevisionFlag[] = [
  {
    kind: 'added',
    key: '1:協働事業数',
    indicator: '協働事業数',
    sheet: '施策1',
    cell: 'A3',
    message: '中間見直し（令和3年度）で追加された指標です',
  },
  {
    kind: 'target-revised',
    key: '1:きらめき出前講座実施件数',
    indicator: 'きらめき出前講座実施件数',
    sheet: '施策1',
    cell: 'D2',
    message: '目標値が 100件 から 150件 に見直されました（150件 を使用）',
    from: '100件',
    to: '150件',
    used: '150件',
  },
];

function indicator(over: Partial<IndicatorProgress> = {}): IndicatorProgress {
  return {
    key: '1:きらめき出前講座実施件数',
    name: 'きらめき出前講座実施件数',
    policy: 1,
    progress: '↑',
    improved: true,
    achieved: false,
    direction: 'up',
    directionSource: 'template',
    flags: [],
    sheet: '施策1',
    cell: 'C2',
    unit: '件',
    current: 130,
    previous: 120,
    previousYear: 2022,
    target: 150,
    trend: [
      {
        points: [
          { year: 2016, value: 80, role: 'baseline' },
          { year: 2021, value: 110, role: 'midterm' },
          { year: 2022, value: 120, role: 'actual' },
          { year: 2023, value: 130, role: 'actual' },
        ],
        target: 150,
      },
    ],
    ...over,
  };
}

export function sampleReport(): ProgressReport {
  const policies: PolicyProgress[] = [
    {
      number: 1,
      title: '協働の意識づくり',
      progress: '↑',
      indicatorCount: 2,
      improvedCount: 2,
      achievedCount: 0,
      sentence: '◇ 2つの指標のうち2つが前年度より改善しました。',
      notes: [],
      indicators: [
        indicator(),
        indicator({ key: '1:協働事業数', name: '協働事業数', unit: '事業', current: 35, previous: 30, target: 40 }),
      ],
    },
    {
      number: 2,
      title: '協働の担い手づくり',
      progress: '↓',
      indicatorCount: 1,
      improvedCount: 0,
      achievedCount: 1,
      sentence: '◇ 1つの指標のうち改善したものはありません。',
      notes: ['◇ 市民活動団体数は減少しましたが、目標値を上回っています。'],
      indicators: [
        indicator({
          key: '2:市民活動団体数',
          name: '市民活動団体数',
          policy: 2,
          progress: '↓',
          improved: false,
          achieved: true,
          unit: '団体',
          current: 210,
          previous: 215,
          target: 200,
        }),
      ],
    },
  ];
  return {
    year: 2023,
    policies,
    overall: { policiesUp: 1, policiesTotal: 2, sentence: '◇ 2つの施策のうち1つが前進しました。' },
  };
}

export function makeAnalysis(over: Partial<Analysis> = {}): Analysis {
  return {
    source: '実施報告.xlsx',
    plan: { source: '実施報告.xlsx', reportYear: 2023, policies: [] },
    year: 2023,
    findings: [],
    flags: [],
    counts: { policies: 6, indicators: 24, projects: 118, surveyIndicators: 4 },
    missing: [],
    unrecognised: false,
    coverage: {
      policies: { read: 6, expected: 6, missing: [] },
      indicators: { read: 24, skipped: [] },
      columns: { skipped: [] },
      problems: [],
      complete: true,
    },
    ...over,
  };
}

export const PROGRESS_EDITS: WorkbookEdits = {
  cells: [
    { sheet: '施策1', row: 1, col: 4, value: '↑', mark: 'arrow' },
    { sheet: '施策1', row: 5, col: 0, value: '◇ 2つの指標のうち2つが前年度より改善しました。', mark: 'sentence' },
  ],
};

export const REVISION_EDITS: WorkbookEdits = {
  cells: [
    { sheet: '施策1', row: 2, col: 0, mark: 'revised', note: '追加された指標' },
    { sheet: '施策1', row: 1, col: 3, mark: 'revised', note: '目標値の見直し' },
  ],
};

/** A stand-in for the engine façade: returns `analysis` and canned edits, records calls. */
export function fakeEngine(analysis: Analysis = makeAnalysis()) {
  const calls = { analyze: [] as WorkbookGrid[], progressEdits: 0, revisionEdits: 0 };
  const engine: Engine = {
    analyze(grid) {
      calls.analyze.push(grid);
      return analysis;
    },
    progressEdits() {
      calls.progressEdits++;
      return PROGRESS_EDITS;
    },
    revisionEdits() {
      calls.revisionEdits++;
      return REVISION_EDITS;
    },
  };
  return { engine, calls };
}

/**
 * jsdom's getComputedStyle (behind every role query's visibility check) walks every CSS rule,
 * and Fluent inserts thousands. Only rules that can hide something are kept: queries stay
 * faithful to what a person can perceive, and run many times faster.
 */
function visibilityOnlyRenderer() {
  return createDOMRenderer(document, {
    unstable_filterCSSRule: (rule) => /display|visibility|opacity/.test(rule),
  });
}

export interface PaneSetup {
  mode?: 'excel' | 'none';
  gateway?: WorkbookGateway;
  engine?: Engine;
  selectCell?: jest.Mock<Promise<void>, [string, string]>;
  openFile?: FileOpener;
  saveFile?: FileSaver;
  detectHost?: () => Promise<HostMode>;
  language?: 'ja' | 'en';
  hostPatienceMs?: number;
  /** The host's answer known before the first render (index.tsx waits briefly for it). */
  initialMode?: HostMode;
  /** The coordinator's tools; default: the real ones, loaded when first used. */
  loadTools?: ToolsLoader;
  /** More of what Excel can do (createWorkbook, addTrendCharts, watchEdits). */
  extras?: Partial<Omit<Connection, 'gateway'>>;
}

/** The real tools, as the build loads them. */
export const realTools: ToolsLoader = async () => (await import('../../src/taskpane/tools')).tools;

/** Renders the whole pane as index.tsx does, with fakes in place of Office, ExcelJS and the engine. */
export function renderPane(setup: PaneSetup = {}) {
  const gateway = setup.gateway ?? new FakeGateway(sampleGrid());
  const engine = setup.engine ?? fakeEngine().engine;
  const selectCell = setup.selectCell ?? jest.fn<Promise<void>, [string, string]>(async () => {});
  const connection: Connection = { gateway, selectCell, ...setup.extras };
  const detectHost =
    setup.detectHost ??
    (async (): Promise<HostMode> => (setup.mode === 'none' ? { kind: 'none', reason: 'office-missing' } : { kind: 'excel', connection }));
  const openFile = setup.openFile ?? jest.fn(async () => ({ gateway, toBuffer: async () => new Uint8Array([1, 2, 3]) }));
  const saveFile = setup.saveFile ?? jest.fn();
  const utils = render(
    <RendererProvider renderer={visibilityOnlyRenderer()}>
      <App
        detectHost={detectHost}
        loadEngine={async () => engine}
        loadTools={setup.loadTools ?? realTools}
        openFile={openFile}
        saveFile={saveFile}
        language={'language' in setup ? setup.language : 'ja'}
        hostPatienceMs={setup.hostPatienceMs}
        initialMode={setup.initialMode}
      />
    </RendererProvider>,
  );
  return { ...utils, gateway, selectCell, openFile, saveFile, connection };
}
