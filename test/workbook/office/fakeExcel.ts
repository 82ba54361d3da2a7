/// <reference types="office-js" />
/**
 * A small fake of the Excel JavaScript object model, faithful where the gateway's correctness
 * depends on it:
 * - nothing happens until sync(): property sets and method calls are queued, then run in order;
 * - a failing command stops its batch, earlier commands stay applied (Office is not transactional);
 * - reading a property that was not loaded (and synced) throws PropertyNotLoaded;
 * - writing to a protected sheet throws AccessDenied;
 * - every sync is recorded with its commands and the UTF-8 size of their JSON arguments;
 * - a whole request is refused, before any of it runs, while a cell is being edited, when it is
 *   larger than Excel on the web accepts, or when the connection is gone (knobs below).
 * docs/fake-excel-conformance.md lists each behaviour beyond the type definitions with the
 * Microsoft statement it follows.
 */
import { a1, parseA1 } from '../../../src/plan/grid';
import { addressCells } from '../../../src/plan/keys';

export type CellValue = string | number | boolean;

export interface FakeCell {
  value: CellValue;
  formula?: string;
  numFmt?: string;
  error?: boolean;
  fill?: string;
  locked?: boolean;
  bold?: boolean;
  fontSize?: number;
  wrap?: boolean;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, FakeCell>;
  protected: boolean;
  password?: string;
  protectionOptions: Excel.WorksheetProtectionOptions;
  notes: Map<string, string>;
  merges: string[];
  validations: { address: string; rule?: unknown; prompt?: unknown; errorAlert?: unknown }[];
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  /** 0-based rows hidden by hand or by a filter: left out of a range's visible view. */
  hiddenRows: Set<number>;
  frozenRows: number;
  charts: FakeChart[];
}

/** A chart as drawn: its type, the cells it is drawn from, and what was set on it. */
export interface FakeChart {
  type: string;
  /** A1 range of the source data on the chart's sheet. */
  source: string;
  seriesBy?: string;
  title?: string;
  titleFontSize?: number;
  legendPosition?: string;
  from?: string;
  to?: string;
}

export interface Command {
  kind: 'set' | 'call' | 'load';
  /** e.g. `Worksheet[施策1].Range[B2:C3].values` */
  what: string;
  args: unknown[];
  bytes: number;
}

export interface SyncRecord {
  commands: Command[];
  bytes: number;
  failed?: FakeOfficeError;
}

export class FakeOfficeError extends Error {
  override name = 'OfficeExtension.Error';
  debugInfo: { errorLocation: string; message: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation: string,
  ) {
    super(message);
    this.debugInfo = { errorLocation, message };
  }
}

function utf8(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

const key = (r: number, c: number) => `${r},${c}`;

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function parseAddress(address: string): Rect {
  const cells = addressCells(address);
  const col = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(cells);
  if (col) {
    const from = parseA1(`${col[1]}1`)!;
    const to = parseA1(`${col[2]}1`)!;
    return { row: 0, col: from.col, rows: 1048576, cols: to.col - from.col + 1 };
  }
  const [first, second = first] = cells.split(':');
  const a = parseA1(first);
  const b = parseA1(second);
  if (!a || !b) throw new FakeOfficeError('InvalidArgument', `bad address ${address}`, 'Worksheet.getRange');
  return { row: a.row, col: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
}

/**
 * What Excel makes of a string set through `values` without a leading apostrophe: the same as
 * typing it into a General cell, so numbers, percentages (also full-width) and booleans stop
 * being text. (Excel also turns dates and times into serials; numbers are enough to catch a
 * gateway that forgets the apostrophe.)
 */
function asTyped(v: string): CellValue {
  const s = v.normalize('NFKC').trim();
  if (/^(true|false)$/i.test(s)) return s.toLowerCase() === 'true';
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*\.?\d+)(%?)$/.exec(s);
  if (!m) return v;
  const n = Number(m[1] + m[2].replace(/,/g, ''));
  return m[3] ? n / 100 : n;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_\u3040-\u9fff]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The state behind the fake: sheets, recorded syncs, and knobs for failure injection. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  syncs: SyncRecord[] = [];
  enableEvents = true;
  /** Someone is typing in a cell: Excel refuses every request (InvalidOperationInCellEditMode). */
  editing = false;
  /** Excel on the web refuses a request larger than this (RequestPayloadSizeLimitExceeded). */
  maxRequestBytes?: number;
  /** The connection to Excel is gone: every request fails (ConnectionFailure). */
  offline = false;
  /** Return an error to make that command fail when its sync runs. */
  failOn?: (command: Command) => FakeOfficeError | undefined;
  changeHandlers: ((event: Excel.WorksheetChangedEventArgs) => Promise<unknown>)[] = [];
  private nextId = 1;

  addSheet(
    name: string,
    init: Partial<Omit<FakeSheet, 'name' | 'id' | 'cells' | 'hiddenRows'>> & {
      cells?: Record<string, FakeCell | CellValue>;
      hiddenRows?: number[];
    } = {},
  ): FakeSheet {
    const sheet: FakeSheet = {
      id: `{sheet-${this.nextId++}}`,
      name,
      visibility: init.visibility ?? 'Visible',
      cells: new Map(),
      protected: init.protected ?? false,
      password: init.password,
      protectionOptions: init.protectionOptions ?? { allowFormatCells: false },
      notes: init.notes ?? new Map(),
      merges: [],
      validations: [],
      columnWidths: new Map(),
      hiddenColumns: new Set(),
      hiddenRows: new Set(init.hiddenRows ?? []),
      frozenRows: 0,
      charts: [],
    };
    for (const [address, cell] of Object.entries(init.cells ?? {})) {
      const p = parseA1(address)!;
      sheet.cells.set(key(p.row, p.col), typeof cell === 'object' ? cell : { value: cell });
    }
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    const p = parseA1(address)!;
    return this.sheet(sheet).cells.get(key(p.row, p.col));
  }

  /** What the gateway receives as `run`. */
  run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(new FakeContext(this) as unknown as Excel.RequestContext);

  /** What the gateway receives as `runOn`. */
  runOn = async <T>(context: unknown, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(context as Excel.RequestContext);

  commands(kind?: Command['kind']): Command[] {
    return this.syncs.flatMap((s) => s.commands).filter((c) => !kind || c.kind === kind);
  }

  makeSheet(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name === name)) {
      throw new FakeOfficeError('ItemAlreadyExists', `sheet ${name} exists`, 'WorksheetCollection.add');
    }
    return this.addSheet(name);
  }

  async fireChanged(event: Partial<Excel.WorksheetChangedEventArgs>): Promise<void> {
    for (const h of this.changeHandlers) await h(event as Excel.WorksheetChangedEventArgs);
  }
}

type Exec = () => void;

class FakeContext {
  private queue: { command: Command; exec: Exec }[] = [];
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly runtime: FakeRuntime;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
    this.runtime = new FakeRuntime(this);
  }

  enqueue(kind: Command['kind'], what: string, args: unknown[], exec: Exec): void {
    const json = kind === 'load' ? '' : JSON.stringify(args);
    this.queue.push({ command: { kind, what, args, bytes: utf8(json) + utf8(what) }, exec });
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const record: SyncRecord = { commands: batch.map((b) => b.command), bytes: batch.reduce((n, b) => n + b.command.bytes, 0) };
    this.excel.syncs.push(record);
    const refused = batch.length > 0 ? this.refusal(record.bytes) : undefined;
    if (refused) {
      record.failed = refused;
      throw refused;
    }
    for (const { command, exec } of batch) {
      try {
        const injected = this.excel.failOn?.(command);
        if (injected) throw injected;
        exec();
      } catch (e) {
        record.failed = e instanceof FakeOfficeError ? e : new FakeOfficeError('GeneralException', String(e), command.what);
        throw record.failed;
      }
    }
  }
  /** Why Excel would refuse this request as a whole, before running any of it. */
  private refusal(bytes: number): FakeOfficeError | undefined {
    const { excel } = this;
    if (excel.offline) return new FakeOfficeError('ConnectionFailure', 'The request failed with status code of 0.', 'RequestContext.sync');
    if (excel.editing) {
      return new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.', 'RequestContext.sync');
    }
    if (excel.maxRequestBytes !== undefined && bytes > excel.maxRequestBytes) {
      return new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit.',
        'RequestContext.sync',
      );
    }
    return undefined;
  }
}

/** Base for proxies: properties are readable only after being loaded and synced. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  protected nullState: boolean | undefined;
  constructor(
    protected ctx: FakeContext,
    readonly what: string,
  ) {}

  get context(): FakeContext {
    return this.ctx;
  }

  // Each getter names the type Office.js declares for its property; the store itself holds any property.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Call load() and sync() first.`,
        `${this.what}.${prop}`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      throw new FakeOfficeError('PropertyNotLoaded', `isNullObject is not available before sync`, `${this.what}.isNullObject`);
    }
    return this.nullState;
  }

  protected set(prop: string, value: unknown, exec: Exec): void {
    this.ctx.enqueue('set', `${this.what}.${prop}`, [value], exec);
  }

  protected call(method: string, args: unknown[], exec: Exec): void {
    this.ctx.enqueue('call', `${this.what}.${method}`, args, exec);
  }

  protected loadWith(props: string[], snapshot: (prop: string) => unknown): void {
    this.ctx.enqueue('load', `${this.what}.load`, props, () => {
      for (const p of props) this.loaded.set(p, snapshot(p));
    });
  }
}

function propList(props?: string | string[]): string[] {
  if (!props) return [];
  return (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim()).filter(Boolean);
}

class FakeWorkbook extends Proxy {
  readonly worksheets: FakeWorksheetCollection;
  constructor(ctx: FakeContext) {
    super(ctx, 'Workbook');
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
}

class FakeApplication extends Proxy {
  constructor(ctx: FakeContext) {
    super(ctx, 'Application');
  }
  suspendApiCalculationUntilNextSync(): void {
    this.call('suspendApiCalculationUntilNextSync', [], () => {});
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.call('suspendScreenUpdatingUntilNextSync', [], () => {});
  }
  calculate(type: string): void {
    this.call('calculate', [type], () => {});
  }
}

class FakeRuntime extends Proxy {
  constructor(ctx: FakeContext) {
    super(ctx, 'Runtime');
  }
  load(props: string): this {
    this.loadWith(propList(props), () => this.ctx.excel.enableEvents);
    return this;
  }
  get enableEvents(): boolean {
    return this.read('enableEvents');
  }
  set enableEvents(value: boolean) {
    this.set('enableEvents', value, () => {
      this.ctx.excel.enableEvents = value;
    });
  }
}

class FakeWorksheetCollection extends Proxy {
  private loadedItems?: FakeWorksheet[];
  readonly onChanged = {
    add: (handler: (e: Excel.WorksheetChangedEventArgs) => Promise<unknown>) => {
      const registration = {
        context: this.ctx,
        remove: () => {
          this.call('onChanged.remove', [], () => {
            this.ctx.excel.changeHandlers = this.ctx.excel.changeHandlers.filter((h) => h !== handler);
          });
        },
      };
      this.call('onChanged.add', [], () => this.ctx.excel.changeHandlers.push(handler));
      return registration;
    },
  };

  constructor(ctx: FakeContext) {
    super(ctx, 'Worksheets');
  }

  load(props: string): this {
    const paths = propList(props).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue('load', `${this.what}.load`, paths, () => {
      this.loadedItems = this.ctx.excel.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s);
        ws.snapshot(paths);
        return ws;
      });
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw new FakeOfficeError('PropertyNotLoaded', 'items not loaded', 'Worksheets.items');
    return this.loadedItems;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      () => {
        const s = this.ctx.excel.sheets.find((x) => x.name === name);
        if (!s) throw new FakeOfficeError('ItemNotFound', `sheet ${name} not found`, 'WorksheetCollection.getItem');
        return s;
      },
      name,
    );
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    const ws = new FakeWorksheet(
      this.ctx,
      () => {
        if (!created) throw new FakeOfficeError('InvalidObjectPath', 'sheet not created', 'WorksheetCollection.add');
        return created;
      },
      name,
    );
    this.call('add', [name], () => {
      created = this.ctx.excel.makeSheet(name);
    });
    return ws;
  }
}

class FakeCharts extends Proxy {
  private added = 0;
  constructor(
    ctx: FakeContext,
    private ws: FakeWorksheet,
  ) {
    super(ctx, `${ws.what}.charts`);
  }
  add(type: string, source: FakeRange, seriesBy?: string): FakeChartProxy {
    const chart = new FakeChartProxy(this.ctx, `${this.what}[${this.added++}]`);
    // The range goes by its label: a proxy itself cannot be turned into JSON.
    this.call('add', [type, source.what, seriesBy], () => {
      const r = source.rect();
      if (source.ws.state() !== this.ws.state())
        throw new FakeOfficeError('InvalidArgument', 'source on another sheet', 'ChartCollection.add');
      chart.bind({ type, source: `${a1(r.row, r.col)}:${a1(r.row + r.rows - 1, r.col + r.cols - 1)}`, seriesBy });
      this.ws.state().charts.push(chart.state!);
    });
    return chart;
  }
}

class FakeChartProxy extends Proxy {
  state?: FakeChart;
  readonly title: { text: string; format: { font: { size: number } } };
  readonly legend: { position: string };
  constructor(ctx: FakeContext, what: string) {
    super(ctx, what);
    const setOnChart = (prop: string, value: unknown, apply: (c: FakeChart) => void) =>
      this.set(prop, value, () => {
        if (!this.state) throw new FakeOfficeError('InvalidObjectPath', 'chart not created', `${what}.${prop}`);
        apply(this.state);
      });
    this.title = {
      set text(v: string) {
        setOnChart('title.text', v, (c) => (c.title = v));
      },
      get text(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'title.text', 'ChartTitle.text');
      },
      format: {
        font: {
          set size(v: number) {
            setOnChart('title.format.font.size', v, (c) => (c.titleFontSize = v));
          },
          get size(): number {
            throw new FakeOfficeError('PropertyNotLoaded', 'size', 'ChartFont.size');
          },
        },
      },
    };
    this.legend = {
      set position(v: string) {
        setOnChart('legend.position', v, (c) => (c.legendPosition = v));
      },
      get position(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'position', 'ChartLegend.position');
      },
    };
  }
  bind(state: FakeChart): void {
    this.state = state;
  }
  setPosition(from: string, to?: string): void {
    this.call('setPosition', [from, to], () => {
      if (!this.state) throw new FakeOfficeError('InvalidObjectPath', 'chart not created', `${this.what}.setPosition`);
      parseAddress(from);
      this.state.from = from;
      this.state.to = to;
    });
  }
}

class FakeWorksheet extends Proxy {
  readonly protection: FakeProtection;
  readonly notes: FakeNotes;
  readonly charts: FakeCharts;
  readonly freezePanes: { freezeRows: (n: number) => void };
  private bound?: FakeSheet;

  constructor(
    ctx: FakeContext,
    private resolver: () => FakeSheet,
    label?: string,
  ) {
    super(ctx, `Worksheet[${label ?? '?'}]`);
    this.protection = new FakeProtection(ctx, this);
    this.notes = new FakeNotes(ctx, this);
    this.charts = new FakeCharts(ctx, this);
    this.freezePanes = {
      freezeRows: (n: number) =>
        this.call('freezePanes.freezeRows', [n], () => {
          this.state().frozenRows = n;
        }),
    };
  }

  /** Resolved when a command runs, as Office resolves object paths on the host. */
  state(): FakeSheet {
    this.bound ??= this.resolver();
    return this.bound;
  }

  load(props: string): this {
    const list = propList(props);
    this.ctx.enqueue('load', `${this.what}.load`, list, () => this.snapshot(list));
    return this;
  }

  snapshot(props: string[]): void {
    const s = this.state();
    for (const p of props) {
      if (p === 'name') this.loaded.set('name', s.name);
      else if (p === 'id') this.loaded.set('id', s.id);
      else if (p === 'visibility') this.loaded.set('visibility', s.visibility);
      else if (p === 'position') this.loaded.set('position', this.ctx.excel.sheets.indexOf(s));
      else if (p === 'protection/protected') this.protection.take('protected', s.protected);
      else if (p === 'protection/options') this.protection.take('options', { ...s.protectionOptions });
      else throw new Error(`fake cannot load ${p}`);
    }
  }

  get id(): string {
    return this.read('id');
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.set('name', value, () => {
      this.state().name = value;
    });
  }
  get position(): number {
    return this.read('position');
  }
  set position(value: number) {
    this.set('position', value, () => {
      const list = this.ctx.excel.sheets;
      const s = this.state();
      list.splice(list.indexOf(s), 1);
      list.splice(value, 0, s);
    });
  }
  get visibility(): 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.read('visibility');
  }
  set visibility(value: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.set('visibility', value, () => {
      this.state().visibility = value;
    });
  }

  delete(): void {
    this.call('delete', [], () => {
      const list = this.ctx.excel.sheets;
      list.splice(list.indexOf(this.state()), 1);
    });
  }
  activate(): void {
    this.call('activate', [], () => {
      if (this.state().visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'hidden', 'Worksheet.activate');
    });
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this, () => parseAddress(address), address);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this, () => ({ row, col, rows, cols }), `${a1(row, col)}:${a1(row + rows - 1, col + cols - 1)}`);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this, () => usedRect(this.state(), !!valuesOnly), 'used', true);
  }
  /** On a blank sheet Excel answers with the top-left cell rather than an error. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this, () => usedRect(this.state(), !!valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 }, 'usedOrA1');
  }
}

function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [k, cell] of sheet.cells) {
    if (valuesOnly && cell.value === '' && !cell.formula) continue;
    const [r, c] = k.split(',').map(Number);
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  }
  return bottom < 0 ? undefined : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

class FakeProtection extends Proxy {
  constructor(
    ctx: FakeContext,
    private ws: FakeWorksheet,
  ) {
    super(ctx, `${ws.what}.protection`);
  }
  take(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }
  load(props: string): this {
    this.loadWith(propList(props), (p) => (p === 'protected' ? this.ws.state().protected : { ...this.ws.state().protectionOptions }));
    return this;
  }
  get protected(): boolean {
    return this.read('protected');
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.read('options');
  }
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.call('protect', [options, password], () => {
      const s = this.ws.state();
      if (s.protected) throw new FakeOfficeError('InvalidOperation', 'already protected', 'WorksheetProtection.protect');
      s.protected = true;
      s.password = password;
      s.protectionOptions = { ...(options ?? {}) };
    });
  }
  unprotect(password?: string): void {
    this.call('unprotect', [password], () => {
      const s = this.ws.state();
      if (s.password && s.password !== password) {
        throw new FakeOfficeError('AccessDenied', 'wrong password', 'WorksheetProtection.unprotect');
      }
      s.protected = false;
    });
  }
}

class FakeNote extends Proxy {
  constructor(
    ctx: FakeContext,
    private ws: FakeWorksheet,
    private address: string,
  ) {
    super(ctx, `${ws.what}.Note[${address}]`);
  }
  markNull(isNull: boolean): void {
    this.nullState = isNull;
  }
  load(props: string): this {
    this.loadWith(propList(props), (p) => {
      if (p !== 'content') throw new Error(`fake cannot load Note.${p}`);
      return this.ws.state().notes.get(this.address) ?? '';
    });
    return this;
  }
  get content(): string {
    return this.read('content');
  }
  delete(): void {
    this.call('delete', [], () => {
      const notes = this.ws.state().notes;
      if (!notes.has(this.address)) throw new FakeOfficeError('ItemNotFound', 'no note', 'Note.delete');
      notes.delete(this.address);
    });
  }
}

class FakeNotes extends Proxy {
  constructor(
    ctx: FakeContext,
    private ws: FakeWorksheet,
  ) {
    super(ctx, `${ws.what}.notes`);
  }
  add(address: string, content: string): void {
    this.call('add', [address, content], () => {
      const notes = this.ws.state().notes;
      if (notes.has(address)) throw new FakeOfficeError('InvalidArgument', 'note exists', 'NoteCollection.add');
      notes.set(address, content);
    });
  }
  getItem(address: string): FakeNote {
    return new FakeNote(this.ctx, this.ws, address);
  }
  getItemOrNullObject(address: string): FakeNote {
    const note = new FakeNote(this.ctx, this.ws, address);
    this.ctx.enqueue('load', `${this.what}.getItemOrNullObject`, [address], () => note.markNull(!this.ws.state().notes.has(address)));
    return note;
  }
}

function valueType(cell: FakeCell | undefined): string {
  if (!cell || (cell.value === '' && !cell.formula)) return 'Empty';
  if (cell.error) return 'Error';
  if (typeof cell.value === 'number') return 'Double';
  if (typeof cell.value === 'boolean') return 'Boolean';
  return 'String';
}

class FakeRange extends Proxy {
  readonly format: FakeFormat;
  readonly dataValidation: FakeValidation;
  constructor(
    ctx: FakeContext,
    readonly ws: FakeWorksheet,
    private rectOf: () => Rect | undefined,
    label: string,
    private orNull = false,
  ) {
    super(ctx, `${ws.what}.Range[${label}]`);
    this.format = new FakeFormat(ctx, this);
    this.dataValidation = new FakeValidation(ctx, this);
  }

  rect(): Rect {
    const r = this.rectOf();
    if (!r) throw new FakeOfficeError('ItemNotFound', 'null range', this.what);
    return r;
  }

  forEachCell(fn: (r: number, c: number, i: number, j: number) => void): void {
    const rect = this.rect();
    for (let i = 0; i < rect.rows; i++) for (let j = 0; j < rect.cols; j++) fn(rect.row + i, rect.col + j, i, j);
  }

  /** Writes are refused on a protected sheet unless every target cell is unlocked. */
  guard(action: string): void {
    const s = this.ws.state();
    if (!s.protected) return;
    const lockedCells: boolean[] = [];
    this.forEachCell((r, c) => {
      lockedCells.push(s.cells.get(key(r, c))?.locked !== false);
    });
    if (lockedCells.includes(true) || action !== 'Range.values') {
      throw new FakeOfficeError('AccessDenied', 'The cell or chart is on a protected sheet.', action);
    }
  }

  cellAt(r: number, c: number, create = true): FakeCell | undefined {
    const cells = this.ws.state().cells;
    let cell = cells.get(key(r, c));
    if (!cell && create) {
      cell = { value: '' };
      cells.set(key(r, c), cell);
    }
    return cell;
  }

  load(props: string): this {
    const list = propList(props);
    this.ctx.enqueue('load', `${this.what}.load`, list, () => {
      const rect = this.rectOf();
      if (this.orNull) this.nullState = rect === undefined;
      if (!rect) return;
      const grid = <T>(f: (cell: FakeCell | undefined) => T): T[][] =>
        Array.from({ length: rect.rows }, (_, i) =>
          Array.from({ length: rect.cols }, (_, j) => f(this.ws.state().cells.get(key(rect.row + i, rect.col + j)))),
        );
      for (const p of list) {
        if (p === 'values')
          this.loaded.set(
            p,
            grid((c) => (c ? c.value : '')),
          );
        else if (p === 'formulas')
          this.loaded.set(
            p,
            grid((c) => (c?.formula ? `=${c.formula}` : c ? c.value : '')),
          );
        else if (p === 'numberFormat')
          this.loaded.set(
            p,
            grid((c) => c?.numFmt ?? 'General'),
          );
        else if (p === 'valueTypes') this.loaded.set(p, grid(valueType));
        else if (p === 'address') {
          const end = a1(rect.row + rect.rows - 1, rect.col + rect.cols - 1);
          const start = a1(rect.row, rect.col);
          this.loaded.set(p, `${quoteSheet(this.ws.state().name)}!${start === end ? start : `${start}:${end}`}`);
        } else if (p === 'rowIndex') this.loaded.set(p, rect.row);
        else if (p === 'rowCount') this.loaded.set(p, rect.rows);
        else if (p === 'columnIndex') this.loaded.set(p, rect.col);
        else if (p === 'columnCount') this.loaded.set(p, rect.cols);
        else if (p === 'rowHidden') this.loaded.set(p, rowHidden(this.ws.state(), rect));
        else throw new Error(`fake cannot load Range.${p}`);
      }
    });
    return this;
  }

  get values(): CellValue[][] {
    return this.read('values');
  }
  // A null leaves its cell as it is, as in Office.js.
  set values(values: (CellValue | null)[][]) {
    this.set('values', values, () => {
      const rect = this.rect();
      if (values.length !== rect.rows || values.some((row) => row.length !== rect.cols)) {
        throw new FakeOfficeError(
          'InvalidArgument',
          'The number of rows or columns in the input array does not match the size of the range.',
          'Range.values',
        );
      }
      this.guard('Range.values');
      this.forEachCell((r, c, i, j) => {
        const v = values[i][j];
        if (v === null) return;
        const cell = this.cellAt(r, c)!;
        delete cell.formula;
        delete cell.error;
        if (typeof v === 'string' && v.startsWith("'")) cell.value = v.slice(1);
        else if (typeof v === 'string' && v.startsWith('=')) {
          cell.formula = v.slice(1);
          cell.value = 0;
        } else cell.value = typeof v === 'string' ? asTyped(v) : v;
      });
    });
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  /** Typed `boolean` as in office-js, though like Excel it is null over a mix of hidden and shown rows. */
  get rowHidden(): boolean {
    return this.read('rowHidden');
  }
  /** Like Excel, a view of a null range is a null object itself. */
  getVisibleView(): FakeRangeView {
    // Excel documents no answer for a method called on a null object: the fake refuses, so the gateway never relies on one.
    if (this.orNull) {
      return new FakeRangeView(this.ctx, this, () => {
        if (this.rectOf() === undefined) throw new Error('InvalidArgument: getVisibleView on a null object');
        return this.rectOf();
      });
    }
    return new FakeRangeView(this.ctx, this, () => this.rectOf());
  }

  set columnHidden(hidden: boolean) {
    this.set('columnHidden', hidden, () => {
      this.guard('Range.columnHidden');
      const rect = this.rect();
      for (let c = rect.col; c < rect.col + rect.cols; c++) if (hidden) this.ws.state().hiddenColumns.add(c);
    });
  }
  merge(across?: boolean): void {
    this.call('merge', [across], () => {
      this.guard('Range.merge');
      const rect = this.rect();
      this.ws.state().merges.push(`${a1(rect.row, rect.col)}:${a1(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`);
    });
  }
  select(): void {
    this.call('select', [], () => {
      this.rect();
    });
  }
}

/** Like Excel: true when every row of the range is hidden, false when none is, null when mixed. */
function rowHidden(sheet: FakeSheet, rect: Rect): boolean | null {
  let hidden = 0;
  for (let r = rect.row; r < rect.row + rect.rows; r++) if (sheet.hiddenRows.has(r)) hidden++;
  return hidden === 0 ? false : hidden === rect.rows ? true : null;
}

/** `Range.getVisibleView()`: the cells of the range in rows and columns that are not hidden. */
class FakeRangeView extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
    private readonly rectOf: () => Rect | undefined,
  ) {
    super(ctx, `${range.what}.VisibleView`);
  }

  load(props: string): this {
    const list = propList(props);
    this.ctx.enqueue('load', `${this.what}.load`, list, () => {
      const rect = this.rectOf();
      this.nullState = rect === undefined;
      if (!rect) return;
      const sheet = this.range.ws.state();
      const rows = Array.from({ length: rect.rows }, (_, i) => rect.row + i).filter((r) => !sheet.hiddenRows.has(r));
      const cols = Array.from({ length: rect.cols }, (_, j) => rect.col + j).filter((c) => !sheet.hiddenColumns.has(c));
      for (const p of list) {
        if (p === 'cellAddresses')
          this.loaded.set(
            p,
            rows.map((r) => cols.map((c) => `${quoteSheet(sheet.name)}!${a1(r, c)}`)),
          );
        else if (p === 'rowCount') this.loaded.set(p, rows.length);
        else throw new Error(`fake cannot load RangeView.${p}`);
      }
    });
    return this;
  }

  get cellAddresses(): string[][] {
    return this.read('cellAddresses');
  }
}

/** A range's fill. Like Excel: no fill reads as white, and a range of mixed colours as null. */
class FakeFill extends Proxy {
  constructor(
    ctx: FakeContext,
    private range: FakeRange,
    private setColour: (v: string) => void,
    readonly clear: () => void,
  ) {
    super(ctx, `${range.what}.format.fill`);
  }
  load(props: string): this {
    this.loadWith(propList(props), (p) => {
      if (p !== 'color') throw new Error(`fake cannot load RangeFill.${p}`);
      const colours = new Set<string>();
      this.range.forEachCell((r, c) => colours.add(this.range.cellAt(r, c, false)?.fill ?? '#FFFFFF'));
      return colours.size === 1 ? [...colours][0] : null;
    });
    return this;
  }
  set color(v: string) {
    this.setColour(v);
  }
  get color(): string {
    return this.read('color');
  }
}

class FakeFormat extends Proxy {
  readonly fill: FakeFill;
  readonly font: { bold: boolean; size: number };
  readonly protection: { locked: boolean };
  constructor(
    ctx: FakeContext,
    private range: FakeRange,
  ) {
    super(ctx, `${range.what}.format`);
    const eachCell = (prop: string, value: unknown, apply: (cell: FakeCell) => void, guard = true) =>
      this.set(prop, value, () => {
        if (guard) this.range.guard(`RangeFormat.${prop}`);
        this.range.forEachCell((r, c) => apply(this.range.cellAt(r, c)!));
      });
    const clearFill = () =>
      this.call('fill.clear', [], () => {
        this.range.guard('RangeFill.clear');
        this.range.forEachCell((r, c) => {
          const cell = this.range.cellAt(r, c, false);
          if (cell) delete cell.fill;
        });
      });
    this.fill = new FakeFill(ctx, range, (v) => eachCell('fill.color', v, (cell) => (cell.fill = v)), clearFill);
    this.font = {
      set bold(v: boolean) {
        eachCell('font.bold', v, (cell) => (cell.bold = v));
      },
      get bold(): boolean {
        throw new FakeOfficeError('PropertyNotLoaded', 'font.bold', 'RangeFont.bold');
      },
      set size(v: number) {
        eachCell('font.size', v, (cell) => (cell.fontSize = v));
      },
      get size(): number {
        throw new FakeOfficeError('PropertyNotLoaded', 'font.size', 'RangeFont.size');
      },
    };
    this.protection = {
      set locked(v: boolean) {
        eachCell('protection.locked', v, (cell) => (cell.locked = v));
      },
      get locked(): boolean {
        throw new FakeOfficeError('PropertyNotLoaded', 'locked', 'FormatProtection.locked');
      },
    };
  }
  set wrapText(v: boolean) {
    this.set('wrapText', v, () => {
      this.range.guard('RangeFormat.wrapText');
      this.range.forEachCell((r, c) => (this.range.cellAt(r, c)!.wrap = v));
    });
  }
  set columnWidth(points: number) {
    this.set('columnWidth', points, () => {
      this.range.guard('RangeFormat.columnWidth');
      const rect = this.range.rect();
      for (let c = rect.col; c < rect.col + rect.cols; c++) this.range.ws.state().columnWidths.set(c, points);
    });
  }
}

class FakeValidation extends Proxy {
  constructor(
    ctx: FakeContext,
    private range: FakeRange,
  ) {
    super(ctx, `${range.what}.dataValidation`);
  }
  private entry() {
    const rect = this.range.rect();
    const address = `${a1(rect.row, rect.col)}:${a1(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
    const list = this.range.ws.state().validations;
    let e = list.find((v) => v.address === address);
    if (!e) {
      e = { address };
      list.push(e);
    }
    return e;
  }
  set rule(rule: unknown) {
    this.set('rule', rule, () => {
      this.entry().rule = rule;
    });
  }
  set prompt(prompt: unknown) {
    this.set('prompt', prompt, () => {
      this.entry().prompt = prompt;
    });
  }
  set errorAlert(alert: unknown) {
    this.set('errorAlert', alert, () => {
      this.entry().errorAlert = alert;
    });
  }
}
