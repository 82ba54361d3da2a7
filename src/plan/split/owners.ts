import { departmentKey, parseDepartment, type PlanDepartments } from '../departments';
import { compact } from '../text';

/**
 * Which department a 担当所属 / 担当課 cell means, as one 課 name of the plan `departments`
 * come from. The same department is written `教育総務部生涯学習課` in 実施計画 and
 * `生涯学習課` in the 基本指標; a shortened 部 prefix (`こども子育て給付課`) still ends with
 * the 課 name; a renamed one (`政策統計課 (2022年11月1日から) DX戦略課`) is its current name.
 * A shared indicator (`各課（市民・NPO活動推進課取りまとめ）`) belongs to the department that
 * compiles it, and a bare `各課` to the plan's coordinator (none when the definition names none).
 */
export function ownerOf(text: string | undefined, departments: PlanDepartments): string | undefined {
  if (!text) return undefined;
  // A few dozen distinct names fill thousands of rows; each is worked out once per plan.
  let owners = cache.get(departments);
  if (!owners || owners.size > 10_000) cache.set(departments, (owners = new Map<string, string | undefined>()));
  if (owners.has(text)) return owners.get(text);
  let owner: string | undefined;
  if (compact(text) !== '') {
    const d = parseDepartment(text);
    owner = d.key === '各課' ? departments.coordinator : (knownSuffix(d.key, departments.known) ?? d.key);
  }
  owners.set(text, owner);
  return owner;
}

const cache = new WeakMap<PlanDepartments, Map<string, string | undefined>>();

/** True for `各課…`: several departments feed the figure. */
export function isShared(text: string | undefined): boolean {
  return text !== undefined && text !== '' && parseDepartment(text).shared;
}

function knownSuffix(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const k of known) if (key.endsWith(k) && (!best || k.length > best.length)) best = k;
  return best;
}

/** A department named inside a sentence: `（健康長寿課）`, `(都市政策課)`. */
export function departmentIn(text: string, departments: PlanDepartments): string | undefined {
  const t = compact(text);
  if (!/(課|館|センター|室|所)$/.test(t)) return undefined;
  return ownerOf(departmentKey(t), departments);
}

/** Names Windows keeps for devices, whatever the extension: `CON.xlsx` cannot be created there. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Most file systems allow 255 bytes per name; room is left for `_12` and `.xlsx`. */
const MAX_NAME_BYTES = 200;

function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Cut to at most `max` UTF-8 bytes, never inside a character. */
function cutBytes(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (utf8Length(out + ch) > max) break;
    out += ch;
  }
  return out;
}

/** A department's name made safe as a file name on Windows, macOS and Linux (without `.xlsx`). */
export function safeFileStem(department: string): string {
  let safe = department
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]/g, '_')
    .replace(/^[\s.]+/, '_');
  safe = cutBytes(safe, MAX_NAME_BYTES).replace(/[\s.]+$/, '');
  if (!safe) safe = '_';
  if (RESERVED.test(safe.split('.')[0])) safe = `_${safe}`;
  return safe;
}

/** The file a department's workbook is written to: its 課 name, made safe for file systems. */
export function departmentFileName(department: string): string {
  return `${safeFileStem(department)}.xlsx`;
}

/**
 * One file name per department, unique also where names differ only in case or in what
 * sanitising removed: a later department whose name is taken gets `_2`, `_3`… (in the given order).
 */
export function departmentFileNames(departments: readonly string[]): string[] {
  const used = new Set<string>();
  return departments.map((d) => {
    const stem = safeFileStem(d);
    let name = `${stem}.xlsx`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}_${n}.xlsx`;
    used.add(name.toLowerCase());
    return name;
  });
}
