/// <reference types="office-js" />
import * as fc from 'fast-check';
import { OfficeMockObject } from 'office-addin-mock';
import { FakeExcel } from './fakeExcel';

// office-addin-mock takes only the OfficeApp names from office-addin-manifest, whose full entry
// pulls in an ES module jest does not transform; its own officeApp module is plain CommonJS.
jest.mock('office-addin-manifest', () => jest.requireActual<object>('office-addin-manifest/lib/officeApp'));

/**
 * The fake object model (fakeExcel.ts) against Microsoft's office-addin-mock, on the members
 * both model. Both are played the same script from the same workbook; where they answer, they
 * must answer alike. What the fake models beyond both (parsing of typed strings, protection,
 * suspended events, notes, whole-request refusals) is listed with Microsoft's statements in
 * docs/fake-excel-conformance.md.
 */

/** One workbook, described once and built in both models. */
const WORKBOOK = {
  sheet: { name: '施策1', visibility: 'Visible' as const, protected: false },
  range: {
    address: 'B2:C3',
    values: [
      [12, '目標'],
      [0.566, ''],
    ] as (string | number)[][],
    fill: '#FFEB9C',
  },
  enableEvents: true,
};

function buildFake(): FakeExcel {
  const fake = new FakeExcel();
  const [[b2, c2], [b3, c3]] = WORKBOOK.range.values;
  const cell = (value: string | number) => ({ value, fill: WORKBOOK.range.fill });
  fake.addSheet(WORKBOOK.sheet.name, {
    visibility: WORKBOOK.sheet.visibility,
    protected: WORKBOOK.sheet.protected,
    cells: { B2: cell(b2), C2: cell(c2), B3: cell(b3), C3: cell(c3) },
  });
  fake.enableEvents = WORKBOOK.enableEvents;
  return fake;
}

/** office-addin-mock needs the object model spelt out; methods return the objects below them. */
function buildMock(): { run: FakeExcel['run'] } {
  const model = {
    context: {
      workbook: {
        worksheets: {
          sheet: {
            name: WORKBOOK.sheet.name,
            visibility: WORKBOOK.sheet.visibility,
            protection: { protected: WORKBOOK.sheet.protected },
            range: {
              // Excel reports the address with its sheet.
              address: `${WORKBOOK.sheet.name}!${WORKBOOK.range.address}`,
              values: WORKBOOK.range.values.map((r) => [...r]),
              rowIndex: 1,
              rowCount: 2,
              format: { fill: { color: WORKBOOK.range.fill } },
            },
            getRange(this: { range: unknown }) {
              return this.range;
            },
          },
          getItem(this: { sheet: unknown }) {
            return this.sheet;
          },
        },
      },
      runtime: { enableEvents: WORKBOOK.enableEvents },
    },
    async run(this: { context: unknown }, batch: (ctx: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  };
  // office-addin-mock declares its data as a class but reads a plain object, as its own examples do.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  return new OfficeMockObject(model) as unknown as { run: FakeExcel['run'] };
}

type Outcome = { refused: true } | { value: unknown };
const MOCK_REFUSALS = new Set(['Error, property was not loaded', 'Error, context.sync() was not called']);

/** A read as either model answers it: the value, or a refusal (thrown by the fake, a sentinel string from the mock). */
function outcome(read: () => unknown): Outcome {
  try {
    const value = read();
    return typeof value === 'string' && MOCK_REFUSALS.has(value) ? { refused: true } : { value };
  } catch (e) {
    if ((e as { code?: string }).code === 'PropertyNotLoaded') return { refused: true };
    throw e;
  }
}

interface Member {
  /** Object model member, as in the type definitions. */
  name: string;
  /** The proxy that holds it, reached from the context without loading anything. */
  owner: (ctx: Excel.RequestContext) => { load(props: string): unknown };
  /** What is passed to load() on the owner. */
  loadPath: string;
  read: (owner: never) => unknown;
  /** A value to write, for members the add-in writes. */
  write?: Write;
}

interface Write {
  value: unknown;
  set: (owner: never, value: never) => void;
}
type Writable = Member & { write: Write };
const writable = (m: Member): m is Writable => m.write !== undefined;

const sheetOf = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem(WORKBOOK.sheet.name);
const rangeOf = (ctx: Excel.RequestContext) => sheetOf(ctx).getRange(WORKBOOK.range.address);

const MEMBERS: Member[] = [
  { name: 'Worksheet.name', owner: sheetOf, loadPath: 'name', read: (ws: Excel.Worksheet) => ws.name },
  {
    name: 'Worksheet.visibility',
    owner: sheetOf,
    loadPath: 'visibility',
    read: (ws: Excel.Worksheet) => ws.visibility,
    write: { value: 'Hidden', set: (ws: Excel.Worksheet, v: Excel.SheetVisibility) => (ws.visibility = v) },
  },
  {
    name: 'WorksheetProtection.protected (load path protection/protected)',
    owner: sheetOf,
    loadPath: 'protection/protected',
    read: (ws: Excel.Worksheet) => ws.protection.protected,
  },
  { name: 'Range.address', owner: rangeOf, loadPath: 'address', read: (r: Excel.Range) => r.address },
  { name: 'Range.rowIndex', owner: rangeOf, loadPath: 'rowIndex', read: (r: Excel.Range) => r.rowIndex },
  { name: 'Range.rowCount', owner: rangeOf, loadPath: 'rowCount', read: (r: Excel.Range) => r.rowCount },
  {
    name: 'Range.values',
    owner: rangeOf,
    loadPath: 'values',
    read: (r: Excel.Range) => r.values,
    // Numbers and apostrophe-led text: the forms both models store as given.
    write: {
      value: [
        [3, "'56.6%"],
        [true, ''],
      ],
      set: (r: Excel.Range, v: unknown[][]) => (r.values = v),
    },
  },
  {
    name: 'RangeFill.color',
    owner: (ctx) => rangeOf(ctx).format.fill,
    loadPath: 'color',
    read: (f: Excel.RangeFill) => f.color,
    write: { value: '#FFC7CE', set: (f: Excel.RangeFill, v: string) => (f.color = v) },
  },
  {
    name: 'Runtime.enableEvents',
    owner: (ctx) => ctx.runtime,
    loadPath: 'enableEvents',
    read: (rt: Excel.Runtime) => rt.enableEvents,
    write: { value: false, set: (rt: Excel.Runtime, v: boolean) => (rt.enableEvents = v) },
  },
];

/** The load protocol, step by step: before load, after load before sync, after sync. */
async function readProtocol(model: { run: FakeExcel['run'] }, m: Member): Promise<Outcome[]> {
  return model.run(async (ctx) => {
    const owner = m.owner(ctx);
    const steps: Outcome[] = [outcome(() => m.read(owner as never))];
    owner.load(m.loadPath);
    steps.push(outcome(() => m.read(owner as never)));
    await ctx.sync();
    steps.push(outcome(() => m.read(owner as never)));
    return steps;
  });
}

/** A write, synced, then read back through a fresh load. */
async function writeThenRead(model: { run: FakeExcel['run'] }, m: Writable): Promise<Outcome> {
  return model.run(async (ctx) => {
    const owner = m.owner(ctx);
    m.write.set(owner as never, m.write.value as never);
    await ctx.sync();
    owner.load(m.loadPath);
    await ctx.sync();
    return outcome(() => m.read(owner as never));
  });
}

/** What Excel shows for a value written as `'text`: the text, without the apostrophe. */
const shown = (v: unknown): unknown => (Array.isArray(v) ? v.map(shown) : typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v);

describe('the fake and office-addin-mock agree on the members both model', () => {
  it.each(MEMBERS.map((m) => [m.name, m] as const))(
    '%s: refused before load and before sync, the workbook’s value after',
    async (_name, m) => {
      const fake = await readProtocol(buildFake(), m);
      const mock = await readProtocol(buildMock(), m);
      expect(fake).toEqual(mock);
      expect(fake.slice(0, 2)).toEqual([{ refused: true }, { refused: true }]);
      expect(fake[2]).toHaveProperty('value');
    },
  );

  it.each(MEMBERS.filter(writable).map((m) => [m.name, m] as const))('%s: a synced write is what a later load reads', async (_name, m) => {
    const fake = await writeThenRead(buildFake(), m);
    const mock = await writeThenRead(buildMock(), m);
    // The mock stores what it is given; Excel (and the fake) keep an apostrophe out of the value.
    expect(fake).toEqual({ value: shown(m.write.value) });
    expect(mock).toEqual({ value: m.write.value });
    expect(shown((mock as { value: unknown }).value)).toEqual((fake as { value: unknown }).value);
  });

  it('for any 2×2 block of numbers, booleans, blanks and apostrophe-led text, a synced write reads back alike', async () => {
    // The forms both models store as given: Excel parses other strings as typed input (fake-only, docs row 4).
    const cell = fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(''),
      fc.string({ minLength: 1 }).map((t) => `'${t}`),
    );
    const block = fc.tuple(fc.tuple(cell, cell), fc.tuple(cell, cell));
    const values = MEMBERS.find((m) => m.name === 'Range.values');
    if (!values || !writable(values)) throw new Error('Range.values must be a writable member');
    await fc.assert(
      fc.asyncProperty(block, async (rows) => {
        const m: Writable = { ...values, write: { ...values.write, value: rows } };
        const fake = await writeThenRead(buildFake(), m);
        const mock = await writeThenRead(buildMock(), m);
        expect(fake).toEqual({ value: shown(rows) });
        expect(shown((mock as { value: unknown }).value)).toEqual((fake as { value: unknown }).value);
      }),
      { numRuns: 60 },
    );
  });

  it('both load several members at once from a comma-separated list', async () => {
    const read = (model: { run: FakeExcel['run'] }) =>
      model.run(async (ctx) => {
        const r = rangeOf(ctx);
        r.load('address, values');
        await ctx.sync();
        return [r.address, r.values];
      });
    expect(await read(buildFake())).toEqual(await read(buildMock()));
  });
});
