/// <reference types="office-js" />
import type { WorkbookGrid } from '../../plan/grid';
import type { SheetSpec, WorkbookEdits } from '../../plan/edits';
import { changeBounds, patchRows, rowsToReread, type CellChange } from '../../plan/live';
import type { ChartSpec } from '../../plan/trend-charts';
import { activateOp, chartOps } from './charts';
import { WorkbookError, type WorkbookGateway } from '../gateway';
import { sheetGridFromRange, toGridCell, type LoadedRange } from './gridFromRanges';
import { toWorkbookError, type ErrorContext, type OfficeAction, type WrittenState } from './officeErrors';
import { DEFAULT_MAX_SYNC_BYTES, packBySize } from './writeBlocks';
import { sheetSpecOps } from './sheetSpecs';
import { fillAddresses, loadNotes, noteAddresses, noteKey, noteOf, noteOps, type WriteOp, type WriteTarget } from './writeOps';
import { hiddenRuns, withHiddenInUse } from './hiddenRuns';
import { hostSupports, requires, type SupportsSet } from './requirements';
import { missingSheet, planWrites, specsToBuild, type SheetInfo } from './writePlan';

/** `Excel.run` in production; a fake in tests. */
export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** `Excel.run(context, batch)`: continues on the context an event handler was registered with. */
export type ExcelRunOn = <T>(context: OfficeExtension.ClientRequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type { SupportsSet } from './requirements';

export interface OfficeWorkbookOptions {
  supports?: SupportsSet;
  runOn?: ExcelRunOn;
  /** `Excel.createWorkbook` when the host has it. */
  createWorkbook?: (base64: string) => Promise<void>;
  /** Password for re-protecting a protected sheet this add-in writes to (none by default). */
  sheetPassword?: (sheet: string) => string | undefined;
  /** Upper bound for one sync's JSON payload. */
  maxSyncBytes?: number;
}

export interface CellsChanged {
  worksheetId: string;
  /** Changed range on that sheet, e.g. `B3:C9`. */
  address: string;
}

/** A person's edit, with the sheet named (Excel's event only gives the sheet's id). */
export interface CellsEdited {
  sheet: string;
  address: string;
}

interface WriteBatches {
  ops: WriteOp[];
  /** After everything else: protection, visibility, activation. */
  finish: WriteOp[];
  unprotect: SheetInfo[];
  eventsWere: boolean;
  /** Values change: dependants are recalculated at the end. */
  recalculate: boolean;
}

interface ApplyState {
  written: WrittenState;
  sheet?: string;
  protectedSheets: string[];
  note?: string;
}

/** Change types that leave every cell where it was (a host that leaves the type out reports plain edits). */
const PLAIN_EDITS = new Set<string | undefined>(['RangeEdited', undefined]);

/** Used in messages when the workbook's own name is not known. */
export const DEFAULT_LABEL = '開いているブック';

/**
 * The workbook open in Excel, through the Office JavaScript API. Every method is one
 * `Excel.run`; reads take two syncs whatever the size, writes two or three unless the payload
 * has to be split.
 */
export class OfficeWorkbook implements WorkbookGateway {
  private readonly supports: SupportsSet;
  private readonly maxSyncBytes: number;
  /**
   * Counts this add-in's own writes and the edits Excel reports as structural (rows or cells
   * inserted or deleted): neither reaches the live check as an edit, so a grid read before one
   * of them can no longer be patched, only read again.
   */
  private generation = 0;
  /** Grids this gateway read, with the generation they were read in. */
  private readonly readIn = new WeakMap<WorkbookGrid, number>();

  constructor(
    private readonly run: ExcelRun,
    readonly label: string = DEFAULT_LABEL,
    private readonly options: OfficeWorkbookOptions = {},
  ) {
    this.supports = options.supports ?? hostSupports;
    this.maxSyncBytes = options.maxSyncBytes ?? DEFAULT_MAX_SYNC_BYTES;
  }

  async read(): Promise<WorkbookGrid> {
    const generation = this.generation;
    const grid = await this.exec('read', {}, async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await ctx.sync();
      const ranges = sheets.items.map((ws) => {
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('address,values,formulas,numberFormat,valueTypes');
        // Hidden rows are read like the file gateway reads them: in the same sync, as the rows
        // missing from the visible view. The view is taken of getUsedRange, which answers A1 on a
        // blank sheet, because Microsoft documents no behaviour for a method called on a null object.
        const visible = ws.getUsedRange(true).getVisibleView();
        visible.load('cellAddresses');
        return { used, visible };
      });
      await ctx.sync();
      return {
        source: this.label,
        sheets: sheets.items.map((ws, i) => {
          const { used, visible } = ranges[i];
          const loaded: LoadedRange | undefined = used.isNullObject
            ? undefined
            : {
                address: used.address,
                values: used.values,
                formulas: used.formulas,
                numberFormat: used.numberFormat,
                valueTypes: used.valueTypes,
                visibleAddresses: visible.cellAddresses as string[][],
              };
          return sheetGridFromRange(ws.name, ws.visibility !== 'Visible', loaded);
        }),
      };
    });
    this.readIn.set(grid, generation);
    return grid;
  }

  /**
   * For the live check: `base` (read by this gateway) after people's `changes`, in one sync that
   * reads only the edited rows and the rows holding formulas (see rowsToReread). Falls back to
   * read() when `base` predates a write or a structural edit, when the sheets are no longer the
   * same (added, renamed, hidden), when a row of an edited sheet was hidden or shown since, or
   * when the changes cannot be bounded.
   */
  async readEdited(base: WorkbookGrid, changes: readonly CellChange[]): Promise<WorkbookGrid> {
    const generation = this.generation;
    const spans = this.readIn.get(base) === generation ? rowsToReread(changes, base) : undefined;
    if (!spans) return this.read();
    const widths = new Map(base.sheets.map((s) => [s.name, Math.max(0, ...s.rows.map((r) => r.length))]));
    for (const c of changes) {
      for (const area of c.address.split(',')) {
        const right = changeBounds(area.trim())?.right ?? 0;
        widths.set(c.sheet, Math.max(widths.get(c.sheet) ?? 0, right + 1));
      }
    }
    let patched: WorkbookGrid | undefined;
    try {
      patched = await this.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/name,items/visibility');
        const reads = [...spans].flatMap(([name, list]) => {
          const width = widths.get(name) ?? 0;
          if (width === 0) return [];
          const ws = sheets.getItem(name);
          return list.map((span) => {
            const range = ws.getRangeByIndexes(span.top, 0, span.bottom - span.top + 1, width);
            range.load('values,formulas,numberFormat,valueTypes');
            return { name, span, range };
          });
        });
        // Hiding or showing a row is no edit: the rows' hidden state is checked in the same sync.
        const runs = [...spans].flatMap(([name, list]) => {
          const sheet = base.sheets.find((s) => s.name === name);
          if (!sheet) return [];
          const ws = sheets.getItem(name);
          return hiddenRuns(sheet, list).map((run) => {
            const range = ws.getRangeByIndexes(run.top, 0, run.count, 1);
            range.load('rowHidden');
            return { run, range };
          });
        });
        await ctx.sync();
        const same =
          sheets.items.length === base.sheets.length &&
          sheets.items.every(
            (ws, i) => ws.name === base.sheets[i].name && (ws.visibility !== 'Visible') === Boolean(base.sheets[i].hidden),
          ) &&
          runs.every(({ run, range }) => range.rowHidden === run.hidden);
        if (!same) return undefined;
        let grid = base;
        for (const { name, span, range } of reads) {
          const rows = range.values.map((row, r) =>
            row.map((value, c) =>
              toGridCell(value, range.formulas[r]?.[c], range.numberFormat[r]?.[c], range.valueTypes[r]?.[c] ?? 'Unknown'),
            ),
          );
          grid = patchRows(grid, name, span.top, rows);
        }
        return { ...grid, sheets: grid.sheets.map((s) => (spans.has(s.name) ? withHiddenInUse(s) : s)) };
      });
    } catch {
      // A sheet gone since `base`, or any other surprise: the full read reports real errors.
      patched = undefined;
    }
    if (!patched || this.generation !== generation) return this.read();
    this.readIn.set(patched, generation);
    return patched;
  }

  async apply(edits: WorkbookEdits): Promise<void> {
    const state: ApplyState = { written: 'none', protectedSheets: [] };
    // Marks and notes leave the grid as it was; values, sheets and appended rows do not.
    if ((edits.sheets ?? []).length > 0 || (edits.appends ?? []).length > 0 || edits.cells.some((c) => c.value !== undefined)) {
      this.generation++;
    }
    // Notes are ExcelApi 1.18; without them the findings show in the fills and the pane only.
    const notes = edits.cells.some((c) => noteOf(c) !== undefined)
      ? requires(this.supports, 'ExcelApi', '1.18', () => ({ load: loadNotes, write: noteOps }))
      : undefined;

    await this.exec('apply', state, async (ctx) => {
      // Sync 1: what exists, what is protected, and whether events are on.
      const collection = ctx.workbook.worksheets;
      collection.load('items/name,items/position,items/protection/protected,items/protection/options');
      ctx.runtime.load('enableEvents');
      await ctx.sync();
      const existing = new Map<string, SheetInfo>(
        collection.items.map((ws) => [
          ws.name,
          { name: ws.name, position: ws.position, protected: ws.protection.protected, options: ws.protection.options },
        ]),
      );
      const eventsWere = ctx.runtime.enableEvents;

      const specs = specsToBuild(edits, existing);
      const missing = missingSheet(edits, existing, specs);
      if (missing) {
        state.sheet = missing;
        throw new WorkbookError(
          `シート「${missing}」が見つかりません。シート名を変更・削除していないか確認し、作業ウィンドウで読み込み直してください。`,
          'SheetNotFound',
          this.label,
          missing,
        );
      }

      // Sync 2, only when needed: where appends start, and what notes and fills the cells to
      // be marked already carry (people's own are kept).
      const created = new Set(specs.map((s) => s.name));
      const appendStart = new Map<string, number>();
      const existingNotes = new Map<string, string>();
      const currentFills = new Map<string, string | null>();
      const usedRanges = [...new Set((edits.appends ?? []).map((a) => a.sheet))]
        .filter((name) => existing.has(name))
        .map((name) => {
          const used = collection.getItem(name).getUsedRangeOrNullObject(true);
          used.load('rowIndex,rowCount');
          return { name, used };
        });
      const probes = notes?.load(
        collection,
        noteAddresses(edits.cells).filter((n) => existing.has(n.sheet) && !created.has(n.sheet)),
      );
      const fills = fillAddresses(edits.cells)
        .filter((f) => existing.has(f.sheet) && !created.has(f.sheet))
        .map((f) => ({ ...f, fill: collection.getItem(f.sheet).getRange(f.address).format.fill.load('color') }));
      if (usedRanges.length > 0 || (probes?.queued ?? 0) > 0 || fills.length > 0) {
        await ctx.sync();
        for (const { name, used } of usedRanges) appendStart.set(name, used.isNullObject ? 0 : used.rowIndex + used.rowCount);
        for (const [at, content] of probes?.read() ?? []) existingNotes.set(at, content);
        for (const f of fills) currentFills.set(noteKey(f.sheet, f.address), f.fill.color);
      }

      const plan = planWrites({
        edits,
        existing,
        specs,
        appendStart,
        existingNotes,
        currentFills,
        writeNotes: notes?.write,
        budget: this.maxSyncBytes,
      });
      if (plan.ops.length === 0 && plan.finish.length === 0) return;
      // Fills and notes change no value, and the live check writes them at every pause in
      // typing: no recalculation of the whole workbook for those.
      const recalculate = specs.length > 0 || (edits.appends ?? []).length > 0 || edits.cells.some((c) => c.value !== undefined);
      await this.writeBatches(ctx, state, { ops: plan.ops, finish: plan.finish, unprotect: plan.unprotect, eventsWere, recalculate });
    });
  }

  /**
   * The write itself, for apply() and the charts alike: the operations in as few syncs as the
   * request limit allows, with calculation and screen updating suspended, events off and
   * protected sheets unprotected meanwhile. `finish` (protection, visibility, activation) comes
   * after everything else. Whatever fails, protection and events are put back.
   */
  private async writeBatches(ctx: Excel.RequestContext, state: ApplyState, w: WriteBatches): Promise<void> {
    const { unprotect, eventsWere } = w;
    state.protectedSheets = unprotect.map((s) => s.name);
    const proxies = new Map<string, Excel.Worksheet>();
    const target: WriteTarget = {
      ctx,
      sheet: (name) => {
        let ws = proxies.get(name);
        if (!ws) {
          ws = ctx.workbook.worksheets.getItem(name);
          proxies.set(name, ws);
        }
        return ws;
      },
      define: (name, ws) => proxies.set(name, ws),
    };
    const queueRestore = (sheet: (name: string) => Excel.Worksheet, only?: Set<string>) => {
      for (const s of unprotect) {
        if (only && !only.has(s.name)) continue;
        sheet(s.name).protection.protect(s.options, this.options.sheetPassword?.(s.name));
      }
      ctx.runtime.enableEvents = eventsWere;
    };

    // Finishing operations are packed too, after the rest: they may not overflow the last request.
    const all = [...w.ops, ...w.finish];
    const batches = all.length > 0 ? packBySize(all, this.maxSyncBytes) : [[]];
    let restored = false;
    try {
      for (let i = 0; i < batches.length; i++) {
        const last = i === batches.length - 1;
        this.queueSuspend(ctx);
        if (i === 0) {
          ctx.runtime.enableEvents = false;
          for (const s of unprotect) target.sheet(s.name).protection.unprotect(this.options.sheetPassword?.(s.name));
        }
        for (const op of batches[i]) op.queue(target);
        if (last) {
          queueRestore((name) => target.sheet(name));
          // Calculation was suspended while values changed: dependants must be recalculated.
          if (w.recalculate) ctx.application.calculate('Full');
        }
        const sheetsInBatch = new Set(batches[i].map((o) => o.sheet));
        state.sheet = sheetsInBatch.size === 1 ? [...sheetsInBatch][0] : undefined;
        state.written = i === 0 ? 'maybe' : 'partial';
        await ctx.sync();
        if (last) restored = true;
      }
    } finally {
      if (!restored) await this.restoreAfterFailure(ctx, unprotect, queueRestore, state, eventsWere);
    }
  }

  /** Activates `sheet` and selects `address` there (one sync): used when a finding is clicked. */
  async selectCell(sheet: string, address: string): Promise<void> {
    await this.exec('select', { sheet, cell: address }, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await ctx.sync();
    });
  }

  /** True when createWorkbook can work here (ExcelApi 1.8 and `Excel.createWorkbook`). */
  get canCreateWorkbook(): boolean {
    return Boolean(this.options.createWorkbook) && (requires(this.supports, 'ExcelApi', '1.8', () => true) ?? false);
  }

  /** Opens `base64` (an .xlsx) as a new workbook window, where the host supports it. */
  async createWorkbook(base64: string): Promise<void> {
    const create = this.options.createWorkbook;
    if (!create || !this.canCreateWorkbook) {
      throw new WorkbookError(
        'この Excel では新しいブックを開けません。作業ウィンドウの「ファイルとして保存」を使ってください。',
        'Unsupported',
        this.label,
      );
    }
    try {
      await create(base64);
    } catch (e) {
      throw toWorkbookError(e, { action: 'create', label: this.label });
    }
  }

  /**
   * Calls `handler` when cells change on any sheet, except for this add-in's own writes where
   * Excel can say so (ExcelApi 1.14 `triggerSource`). Debouncing is the caller's business.
   * Resolves to a function that removes the handler.
   */
  async onCellsChanged(handler: (change: CellsChanged) => void): Promise<() => Promise<void>> {
    const fromThisAddin = requires(
      this.supports,
      'ExcelApi',
      '1.14',
      () => (event: Excel.WorksheetChangedEventArgs) => event.triggerSource === 'ThisLocalAddin',
    );
    const { registration, watchCtx } = await this.exec('watch', {}, async (ctx) => {
      const result = ctx.workbook.worksheets.onChanged.add((event) => {
        if (fromThisAddin?.(event)) return Promise.resolve();
        // Rows or cells inserted or deleted move everything below: patching by row is off.
        if (!PLAIN_EDITS.has(event.changeType)) this.generation++;
        handler({ worksheetId: event.worksheetId, address: event.address });
        return Promise.resolve();
      });
      await ctx.sync();
      return { registration: result, watchCtx: ctx };
    });
    // The registration belongs to the context it was made in; removing it reuses that context.
    const runOn: ExcelRunOn = this.options.runOn ?? ((_context, batch) => batch(watchCtx));
    return async () => {
      try {
        await runOn(registration.context, async (ctx) => {
          registration.remove();
          await ctx.sync();
        });
      } catch (e) {
        throw toWorkbookError(e, { action: 'watch', label: this.label });
      }
    };
  }

  /**
   * Native line charts on a sheet of their own: `sheet` is built (replacing one of that name)
   * and every chart drawn from its cells, in two syncs unless the payload has to be split.
   */
  async addTrendCharts(sheet: SheetSpec, charts: readonly ChartSpec[]): Promise<void> {
    const state: ApplyState = { written: 'none', protectedSheets: [], sheet: sheet.name };
    this.generation++;
    await this.exec('chart', state, async (ctx) => {
      const collection = ctx.workbook.worksheets;
      collection.load('items/name,items/position');
      ctx.runtime.load('enableEvents');
      await ctx.sync();
      const old = collection.items.find((ws) => ws.name === sheet.name);
      const built = sheetSpecOps(sheet, old ? { position: old.position } : undefined, this.maxSyncBytes);
      await this.writeBatches(ctx, state, {
        // Charts after the values they are drawn from.
        ops: [...built.ops, ...chartOps(sheet.name, charts)],
        finish: [...built.finish, activateOp(sheet.name)],
        unprotect: [],
        eventsWere: ctx.runtime.enableEvents,
        recalculate: true,
      });
    });
  }

  /** Sheet names by id (one sync). */
  async sheetNames(): Promise<Map<string, string>> {
    return this.exec('watch', {}, async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/id,items/name');
      await ctx.sync();
      return new Map(sheets.items.map((ws) => [ws.id, ws.name]));
    });
  }

  /**
   * onCellsChanged with the sheet's name. Names are looked up at each change (one small sync):
   * a sheet renamed since keeps its id, so a cached name could be stale. A change whose sheet
   * cannot be named is dropped: it cannot be checked.
   */
  async onCellsEdited(handler: (edit: CellsEdited) => void): Promise<() => Promise<void>> {
    const name = async ({ worksheetId, address }: CellsChanged) => {
      let sheet: string | undefined;
      try {
        sheet = (await this.sheetNames()).get(worksheetId);
      } catch {
        sheet = undefined;
      }
      if (sheet) handler({ sheet, address });
      // An edit nobody will be told of: grids read before it cannot be patched.
      else this.generation++;
    };
    return this.onCellsChanged((change) => void name(change));
  }

  private queueSuspend(ctx: Excel.RequestContext): void {
    ctx.application.suspendApiCalculationUntilNextSync();
    requires(this.supports, 'ExcelApi', '1.9', () => {
      ctx.application.suspendScreenUpdatingUntilNextSync();
    });
  }

  /**
   * After a failed write sync: put back the protection of sheets that are no longer protected
   * (whatever part of the batch ran) and the events flag. Failing here must not hide the original
   * error, so it only adds a sentence to it.
   */
  private async restoreAfterFailure(
    ctx: Excel.RequestContext,
    unprotect: SheetInfo[],
    queueRestore: (sheet: (name: string) => Excel.Worksheet, only?: Set<string>) => void,
    state: ApplyState,
    eventsWere: boolean,
  ): Promise<void> {
    // Fresh proxies: the failed batch may have left the cached ones half-created.
    const sheet = (name: string) => ctx.workbook.worksheets.getItem(name);
    try {
      let reprotect = new Set<string>();
      if (unprotect.length > 0) {
        const current = unprotect.map((s) => {
          const protection = sheet(s.name).protection;
          protection.load('protected');
          return { name: s.name, protection };
        });
        await ctx.sync();
        reprotect = new Set(current.filter((c) => !c.protection.protected).map((c) => c.name));
      }
      queueRestore(sheet, reprotect);
      await ctx.sync();
    } catch {
      const notes: string[] = [];
      if (unprotect.length > 0) {
        notes.push(
          `シート ${unprotect.map((s) => `「${s.name}」`).join('、')} の保護を元に戻せなかった可能性があります。[校閲] > [シートの保護] で確認してください。`,
        );
      }
      // Events left off would silently stop the pane's check of what people type.
      if (eventsWere)
        notes.push('入力内容のチェックが止まったままになっている可能性があります。作業ウィンドウを閉じて開き直してください。');
      if (notes.length > 0) state.note = notes.join('');
    }
  }

  private async exec<T>(
    action: OfficeAction,
    context: Partial<ErrorContext> | ApplyState,
    batch: (ctx: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.run(batch);
    } catch (e) {
      throw toWorkbookError(e, { ...context, action, label: this.label });
    }
  }
}
