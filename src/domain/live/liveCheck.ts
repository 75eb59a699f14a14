/**
 * The live check: after one full check, an edit re-parses the rows it touches, runs the row rules on
 * them, and re-runs each cross-row rule only on the groups those rows belong to (RuleLocality), using
 * indexes kept from the full check. Findings of untouched rows stay. The result always equals a full
 * re-check of the edited sheets (test/domain/live: property test); what cannot be done row by row (the
 * header or title edited, rows above the used range, a sheet renamed or rows inserted) re-reads that
 * sheet in full.
 */
import type { Delegation, Finding } from "../model";
import { checkPlan, compareFindings, findingsOf, type CheckContext } from "../rules/engine";
import { isOutsidePlanYear, mismatchedTitles, planYearFinding, type MismatchedTitle } from "../rules/planYear";
import { RULES } from "../rules/registry";
import { isRowRule, type KeyedParts, type PlanRule, type Rule, type RuleLocality } from "../rules/types";
import { editKeepsRecognition, parseSheet, readPlan, recognizeSheetTables, type ReadPlanOptions } from "../templates/readPlan";
import type { PlanRead, RecognizedTemplate, SheetRecognition } from "../templates/types";
import type { CellValue, SheetGrid } from "../../workbook/types";

/** One cell's new value, in sheet coordinates. */
export interface CellChange {
  row: number;
  column: number;
  value: CellValue;
}

/** What one update changed. */
export interface LiveUpdate {
  removed: Finding[];
  added: Finding[];
  /** Delegations on the edited rows (every delegation of a sheet read again in full). */
  rowsRechecked: number;
  /** Sheets read again in full (a structural change). */
  fullSheets: string[];
  /** Sheets whose plan-year finding at the title changed (the title's year, or the trips it counts). */
  titleSheets?: string[];
}

/**
 * A sheet's plan-year findings (planYear.ts: a title naming another year than the plan year) and the trips
 * each counts, kept so that an edit updates them from the edited rows alone.
 */
interface SheetTitles {
  /** The recognitions they were built from: another array means the sheet was recognised again. */
  tables: readonly SheetRecognition[];
  titles: MismatchedTitle[];
  outside: number[];
  findings: Finding[];
}

interface SheetState {
  grid: SheetGrid;
  /** The sheet's recognitions as readPlan gives them: one per stacked plan table, or one NotATemplate. */
  tables: SheetRecognition[];
  /** Ids of the sheet's delegations in row order (a trip over several rows is one delegation, at its first row). */
  ids: string[];
}

/** A rule's links between rows (see RuleLocality), kept up to date as rows change. */
class LinkIndex {
  private readonly members = new Map<string, Set<string>>();
  private readonly mentioned = new Map<string, Set<string>>();
  private readonly keysOf = new Map<string, string[]>();
  private readonly mentionsOf = new Map<string, string[]>();

  constructor(
    private readonly locality: RuleLocality,
    private readonly context: CheckContext,
  ) {}

  add(delegation: Delegation): void {
    const keys = [...new Set(this.locality.keys(delegation, this.context))];
    const mentions = this.locality.mentions ? [...new Set(this.locality.mentions(delegation, this.context))] : [];
    this.keysOf.set(delegation.id, keys);
    this.mentionsOf.set(delegation.id, mentions);
    for (const key of keys) addTo(this.members, key, delegation.id);
    for (const key of mentions) addTo(this.mentioned, key, delegation.id);
  }

  remove(id: string): void {
    for (const key of this.keysOf.get(id) ?? []) removeFrom(this.members, key, id);
    for (const key of this.mentionsOf.get(id) ?? []) removeFrom(this.mentioned, key, id);
    this.keysOf.delete(id);
    this.mentionsOf.delete(id);
  }

  /** The row's keys (none when the index does not hold it). */
  keysOfRow(id: string): readonly string[] {
    return this.keysOf.get(id) ?? [];
  }

  /** Ids of the rows holding this key. */
  membersOf(key: string): ReadonlySet<string> {
    return this.members.get(key) ?? new Set();
  }

  keys(): IterableIterator<string> {
    return this.members.keys();
  }

  /** Rows linked to this one: sharing a key, or one's key mentioned by the other. */
  linked(id: string, into: Set<string>): void {
    for (const key of this.keysOf.get(id) ?? []) {
      for (const other of this.members.get(key) ?? []) into.add(other);
      for (const other of this.mentioned.get(key) ?? []) into.add(other);
    }
    for (const key of this.mentionsOf.get(id) ?? []) for (const other of this.members.get(key) ?? []) into.add(other);
  }

  /** Rows linked to any of these rows (each shared key looked at once, however many of the rows hold it). */
  linkedToAny(ids: Iterable<string>, into: Set<string>): void {
    const keys = new Set<string>();
    const mentions = new Set<string>();
    for (const id of ids) {
      for (const key of this.keysOf.get(id) ?? []) keys.add(key);
      for (const key of this.mentionsOf.get(id) ?? []) mentions.add(key);
    }
    for (const key of keys) {
      for (const other of this.members.get(key) ?? []) into.add(other);
      for (const other of this.mentioned.get(key) ?? []) into.add(other);
    }
    for (const key of mentions) for (const other of this.members.get(key) ?? []) into.add(other);
  }

  /** Every row reachable from the seeds through links (the seeds included). Each key is expanded once. */
  reachable(seeds: Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const expanded = new Set<string>();
    const expandedMentions = new Set<string>();
    const queue: string[] = [];
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      queue.push(id);
    };
    for (const seed of seeds) visit(seed);
    while (queue.length > 0) {
      const id = queue.pop()!;
      for (const key of this.keysOf.get(id) ?? []) {
        if (expanded.has(key)) continue;
        expanded.add(key);
        this.members.get(key)?.forEach(visit);
        this.mentioned.get(key)?.forEach(visit);
      }
      for (const key of this.mentionsOf.get(id) ?? []) {
        // A key expanded in full already gave its members.
        if (expanded.has(key) || expandedMentions.has(key)) continue;
        expandedMentions.add(key);
        this.members.get(key)?.forEach(visit);
      }
    }
    return seen;
  }
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  const set = index.get(key);
  if (set) set.add(id);
  else index.set(key, new Set([id]));
}

function removeFrom(index: Map<string, Set<string>>, key: string, id: string): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) index.delete(key);
}

export class LiveCheck {
  private readonly sheets = new Map<string, SheetState>();
  /** Sheet names in workbook order (the plan's sheets are listed in it). */
  private order: string[] = [];
  private readonly delegations = new Map<string, Delegation>();
  /** Findings per rule, per delegation id. */
  private readonly findingsByRule = new Map<string, Map<string, Finding[]>>();
  private readonly links = new Map<string, LinkIndex>();
  private readonly byCell = new Map<string, Set<Finding>>();
  /** The plan-year findings at the titles, per sheet (made outside the rule engine, as the full check does). */
  private readonly titlesBySheet = new Map<string, SheetTitles>();
  /** Per rule with RuleLocality.parts: its part per key, built at the first edit (a full check keeps none). */
  private readonly partsByRule = new Map<string, Map<string, unknown>>();
  private sorted: Finding[] | undefined;
  private readonly activeRules: Rule[];
  /** Sheets recognised again since the start (an edit that kept the recognition adds none): tests and diagnostics. */
  recognitions = 0;

  private constructor(
    readonly context: CheckContext,
    private readonly options: ReadPlanOptions,
    rules: readonly Rule[],
  ) {
    // The same rules, in the same order, as a full check runs (checkPlan skips rules turned off).
    this.activeRules = rules.filter((rule) => (context.profile.severities?.[rule.id] ?? rule.defaultSeverity) !== "off");
  }

  /** A full check of these sheets, keeping what later edits need. */
  static start(grids: readonly SheetGrid[], context: CheckContext, options: ReadPlanOptions = {}, rules: readonly Rule[] = RULES): LiveCheck {
    const plan = readPlan([...grids], options);
    return LiveCheck.adopt(grids, plan, checkPlan(plan.delegations, context, rules), context, options, rules);
  }

  /**
   * Takes over a full check just made: `plan` is readPlan(grids, options) and `findings` checkPlan of its
   * delegations with this context and rules. Only the indexes are built; nothing is checked again.
   */
  static adopt(grids: readonly SheetGrid[], plan: PlanRead, findings: readonly Finding[], context: CheckContext, options: ReadPlanOptions = {}, rules: readonly Rule[] = RULES): LiveCheck {
    const live = new LiveCheck(context, options, rules);
    const bySheet = new Map<string, Delegation[]>();
    for (const delegation of plan.delegations) {
      const list = bySheet.get(delegation.sheet);
      if (list) list.push(delegation);
      else bySheet.set(delegation.sheet, [delegation]);
    }
    // A sheet may give several recognitions (stacked tables), always consecutive in plan.sheets.
    const tablesBySheet = new Map<string, SheetRecognition[]>();
    for (const recognition of plan.sheets) {
      const list = tablesBySheet.get(recognition.sheet);
      if (list) list.push(recognition);
      else tablesBySheet.set(recognition.sheet, [recognition]);
    }
    grids.forEach((grid) => {
      const copy = copyGrid(grid);
      const tables = tablesBySheet.get(copy.name) ?? [{ sheet: copy.name, template: false as const, reason: "" }];
      const own = bySheet.get(copy.name) ?? [];
      for (const delegation of own) live.delegations.set(delegation.id, delegation);
      live.sheets.set(copy.name, { grid: copy, tables, ids: own.map((delegation) => delegation.id) });
      live.order.push(copy.name);
    });
    const all = plan.delegations;
    for (const rule of live.activeRules) {
      live.findingsByRule.set(rule.id, new Map());
      if (!isRowRule(rule) && rule.locality) {
        const index = new LinkIndex(rule.locality, context);
        for (const delegation of all) if (rule.kinds.includes(delegation.kind)) index.add(delegation);
        live.links.set(rule.id, index);
      }
    }
    const titleKeys = new Set<string>();
    for (const name of live.order) {
      const titles = live.buildTitles(name);
      live.titlesBySheet.set(name, titles);
      for (const finding of titles.findings) {
        titleKeys.add(JSON.stringify(finding));
        live.indexCell(finding, true);
      }
    }
    for (const finding of findings) {
      // The full check's plan-year findings (planYearFindings) are the ones just built.
      if (titleKeys.has(JSON.stringify(finding))) continue;
      const byId = live.findingsByRule.get(finding.rule);
      if (!byId) continue;
      const list = byId.get(finding.delegationId);
      if (list) list.push(finding);
      else byId.set(finding.delegationId, [finding]);
      live.indexCell(finding, true);
    }
    return live;
  }

  /** Every finding, the plan-year ones at the titles included, in the order a full check gives them. */
  findings(): Finding[] {
    if (!this.sorted) {
      const all: Finding[] = [];
      for (const byId of this.findingsByRule.values()) for (const list of byId.values()) all.push(...list);
      for (const titles of this.titlesBySheet.values()) all.push(...titles.findings);
      this.sorted = all.sort(compareFindings);
    }
    return this.sorted;
  }

  /** The plan as readPlan would read the sheets now. */
  plan(): PlanRead {
    const sheets: SheetRecognition[] = [];
    const delegations: Delegation[] = [];
    for (const name of this.order) {
      const state = this.sheets.get(name)!;
      sheets.push(...state.tables);
      for (const id of state.ids) delegations.push(this.delegations.get(id)!);
    }
    return { sheets, delegations };
  }

  /** The sheets as the live check sees them (values with every edit applied). */
  grids(): SheetGrid[] {
    return this.order.map((name) => this.sheets.get(name)!.grid);
  }

  /** Findings whose mark sits on this cell. */
  findingsAt(sheet: string, row: number, column: number): Finding[] {
    return [...(this.byCell.get(cellKey(sheet, row, column)) ?? [])];
  }

  /**
   * Cells whose findings an edit of these rows may change, as far as the kept indexes tell before the new
   * values are read (a host reads notes there in the same round trip as the values): every field cell and the
   * first cell of the delegations on the rows, and for the delegations a cross-row rule links to them, their
   * first cell and the cells of the rule's fields. Rows the edit links anew (a country typed) are not known yet.
   */
  cellsAffectedBy(sheet: string, rows: Iterable<number>): { sheet: string; row: number; column: number }[] {
    const state = this.sheets.get(sheet);
    if (!state) return [];
    const cells = new Map<string, { sheet: string; row: number; column: number }>();
    const add = (delegation: Delegation, fields: Iterable<string> | undefined) => {
      const put = (row: number, column: number) => cells.set(cellKey(delegation.sheet, row, column), { sheet: delegation.sheet, row, column });
      put(delegation.row, delegation.firstColumn);
      for (const field of fields ?? Object.keys(delegation.cells)) {
        const ref = delegation.cells[field as keyof Delegation["cells"]];
        if (ref) put(ref.row, ref.column);
      }
    };
    const edited = new Set<string>();
    const ids = state.ids;
    const rowAt = (index: number) => this.delegations.get(ids[index])!.row;
    for (const row of rows) {
      // The delegation starting at or before the row: the row is its own, or one of its continuation rows.
      let low = 0;
      let high = ids.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (rowAt(middle) <= row) low = middle + 1;
        else high = middle;
      }
      const delegation = low > 0 ? this.delegations.get(ids[low - 1]) : undefined;
      if (!delegation || !(delegation.row === row || delegation.continuation?.some((part) => part.row === row))) continue;
      if (!edited.has(delegation.id)) add(delegation, undefined);
      edited.add(delegation.id);
    }
    for (const rule of this.activeRules) {
      const index = this.links.get(rule.id);
      if (isRowRule(rule) || !index) continue;
      const linked = new Set<string>();
      index.linkedToAny(edited, linked);
      for (const id of linked) {
        const delegation = this.delegations.get(id);
        if (delegation && !edited.has(id)) add(delegation, rule.fields);
      }
    }
    return [...cells.values()];
  }

  /** Whether the sheet holds a recognised plan (edits elsewhere cannot change findings unless they make one). */
  isPlanSheet(sheet: string): boolean {
    return this.sheets.get(sheet)?.tables.some((table) => table.template) === true;
  }

  /** Cells typed, pasted or cleared on one sheet. */
  applyCells(sheet: string, changes: readonly CellChange[]): LiveUpdate {
    const state = this.sheets.get(sheet);
    if (!state) return this.replaceSheet(sheet, { name: sheet, originRow: 1, originCol: 1, values: [], merges: [] }, changes);
    if (changes.length === 0) return { removed: [], added: [], rowsRechecked: 0, fullSheets: [] };
    const grid = state.grid;
    const rebased = changes.some((change) => change.row < grid.originRow || change.column < grid.originCol);
    if (rebased) return this.replaceSheet(sheet, state.grid, changes);
    const rows = new Set<number>();
    for (const change of changes) {
      setCell(grid, change.row, change.column, change.value);
      rows.add(change.row);
    }
    const touched = this.rowsUnderMerges(grid, rows);
    const reread = this.rereadRows(state, touched);
    if (!reread) return this.rereadSheet(sheet, state.grid);
    return this.commit(reread.old, reread.fresh, reread.rows, [], [sheet]);
  }

  /**
   * A structural change: the sheet as it is now (`grid`, with `changes` applied on top), under a new name
   * when renamed (`newGrid.name`), or gone (undefined). Read again in full.
   */
  replaceSheet(sheet: string, grid: SheetGrid | undefined, changes: readonly CellChange[] = []): LiveUpdate {
    const next = grid ? copyGrid(grid) : undefined;
    if (next) for (const change of changes) setCell(rebase(next, change.row, change.column), change.row, change.column, change.value);
    return this.rereadSheet(sheet, next);
  }

  // ------------------------------------------------------------------ reading

  private readSheet(grid: SheetGrid): SheetState {
    this.recognitions++;
    const read = readPlan([grid], this.options);
    const ids: string[] = [];
    for (const delegation of read.delegations) {
      this.delegations.set(delegation.id, delegation);
      ids.push(delegation.id);
    }
    return { grid, tables: read.sheets.length > 0 ? read.sheets : [{ sheet: grid.name, template: false, reason: "" }], ids };
  }

  private rereadSheet(sheet: string, grid: SheetGrid | undefined): LiveUpdate {
    const before = this.sheets.get(sheet);
    const old = new Map<string, Delegation>();
    for (const id of before?.ids ?? []) old.set(id, this.delegations.get(id)!);
    for (const id of old.keys()) this.delegations.delete(id);
    const position = this.order.indexOf(sheet);
    this.sheets.delete(sheet);
    if (position >= 0) this.order.splice(position, 1);
    const fresh: Delegation[] = [];
    if (grid) {
      const state = this.readSheet(grid);
      this.sheets.set(grid.name, state);
      if (position >= 0) this.order.splice(position, 0, grid.name);
      else this.order.push(grid.name);
      for (const id of state.ids) fresh.push(this.delegations.get(id)!);
      for (const id of state.ids) this.delegations.delete(id);
    }
    return this.commit(old, fresh, fresh.length, [grid?.name ?? sheet], grid ? [sheet, grid.name] : [sheet]);
  }

  /** Rows covered by a merge whose top cell was edited read their value from it ("one funding for three rows"). */
  private rowsUnderMerges(grid: SheetGrid, rows: Set<number>): Set<number> {
    const all = new Set(rows);
    for (const merge of grid.merges) if (rows.has(merge.top)) for (let row = merge.top; row <= merge.bottom; row++) all.add(row);
    return all;
  }

  /**
   * Re-reads the rows an edit touched. When the touched rows were data rows and still read as such, away from
   * the header, title and the rows between tables (editKeepsRecognition), the kept recognition stands;
   * otherwise the sheet is recognised again in full (one scan, which finds stacked tables, sections, totals
   * and repeated headers exactly as readPlan does). When every table keeps its header, title and columns,
   * only a span of each table's rows is parsed again. The span starts at the
   * delegation that begins before the first changed row (its continuation rows may reach into the edit) and
   * ends before a row that starts a delegation both before and after the edit: past it nothing reads
   * differently. undefined when the edit is structural and the sheet must be read in full.
   */
  private rereadRows(state: SheetState, touched: Set<number>): { old: Map<string, Delegation>; fresh: Delegation[]; rows: number } | undefined {
    const oldTables = state.tables;
    if (!oldTables.some((table) => table.template)) return undefined;
    let newTables: SheetRecognition[];
    try {
      if (editKeepsRecognition(state.grid, oldTables, touched)) return this.rereadKept(state, touched);
      this.recognitions++;
      newTables = recognizeSheetTables(state.grid);
    } catch {
      return undefined;
    }
    if (newTables.length !== oldTables.length || newTables.some((table, index) => headerSignature(table) !== headerSignature(oldTables[index]))) return undefined;

    const oldDelegations = state.ids.map((id) => this.delegations.get(id)!);
    const oldStarts = new Set(oldDelegations.map((delegation) => delegation.row));
    const old = new Map<string, Delegation>();
    const fresh: Delegation[] = [];
    for (let t = 0; t < newTables.length; t++) {
      const before = oldTables[t];
      const after = newTables[t];
      if (!before.template || !after.template) continue;
      const oldByRow = new Map(before.dataRows.map((entry) => [entry.row, entry]));
      const newRows = after.dataRows;
      const newRowSet = new Set(newRows.map((entry) => entry.row));
      // The rows whose reading may differ: touched data rows, rows that became or stopped being data, new sections.
      let low = Infinity;
      let high = -Infinity;
      const widen = (row: number) => {
        low = Math.min(low, row);
        high = Math.max(high, row);
      };
      for (const entry of newRows) {
        const was = oldByRow.get(entry.row);
        if (!was || !sameSection(was, entry) || touched.has(entry.row)) widen(entry.row);
      }
      for (const entry of before.dataRows) if (!newRowSet.has(entry.row)) widen(entry.row);
      if (low > high) continue;

      const ownOld = oldDelegations.filter((delegation) => oldByRow.has(delegation.row));
      let from = -Infinity;
      for (const delegation of ownOld) if (delegation.row < low) from = delegation.row;
      // Candidate ends: rows after the change that started a delegation before it, in order.
      const ends = newRows.filter((entry) => entry.row > high && oldStarts.has(entry.row)).map((entry) => entry.row);
      let parsed: Delegation[] | undefined;
      let to = Infinity;
      for (let e = 0; e <= ends.length; e++) {
        const end = e < ends.length ? ends[e] : Infinity;
        const spanRows = newRows.filter((entry) => entry.row >= from && entry.row <= end);
        try {
          parsed = parseSheet(state.grid, { ...after, dataRows: spanRows }, this.options.file, { year: this.options.year });
        } catch {
          return undefined;
        }
        if (end === Infinity || parsed.some((delegation) => delegation.row === end)) {
          to = end;
          break;
        }
      }
      for (const delegation of parsed ?? []) if (delegation.row < to) fresh.push(delegation);
      for (const delegation of ownOld) if (delegation.row >= from && delegation.row < to) old.set(delegation.id, delegation);
    }

    const freshIds = new Set(fresh.map((delegation) => delegation.id));
    const kept = oldDelegations.filter((delegation) => !old.has(delegation.id) && !freshIds.has(delegation.id));
    state.ids = [...kept, ...fresh].sort((a, b) => a.row - b.row).map((delegation) => delegation.id);
    state.tables = newTables;
    for (const id of old.keys()) this.delegations.delete(id);
    const rows = fresh.filter((delegation) => touched.has(delegation.row) || (delegation.continuation?.some((part) => touched.has(part.row)) ?? false)).length;
    return { old, fresh, rows };
  }

  /**
   * rereadRows when the recognition stands: the same span as there (from the delegation starting before the
   * first touched row to the first later delegation start that still starts one), found by binary search over
   * the sheet's delegations in row order, so an edit costs its span and not the sheet's length.
   */
  private rereadKept(state: SheetState, touched: Set<number>): { old: Map<string, Delegation>; fresh: Delegation[]; rows: number } {
    const freshById = new Map<string, Delegation>();
    const rowAt = (index: number) => (this.delegations.get(state.ids[index]) ?? freshById.get(state.ids[index])!).row;
    /** Index of the first delegation starting at or after `row`. */
    const firstFrom = (row: number) => {
      let low = 0;
      let high = state.ids.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (rowAt(middle) < row) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    const old = new Map<string, Delegation>();
    const fresh: Delegation[] = [];
    const tables = state.tables.filter((table): table is RecognizedTemplate => table.template);
    // Bottom table first, so the ids of the tables above keep their places while a span is replaced.
    for (const table of [...tables].reverse()) {
      const dataRows = table.dataRows;
      const first = dataRows[0]?.row ?? Infinity;
      const last = dataRows[dataRows.length - 1]?.row ?? -Infinity;
      const own = [...touched].filter((row) => row >= first && row <= last);
      if (own.length === 0) continue;
      const low = Math.min(...own);
      const high = Math.max(...own);
      const tableFrom = firstFrom(first);
      const tableTo = firstFrom(last + 1);
      // The delegation starting before the first touched row (its continuation rows may reach into the edit).
      const before = firstFrom(low) - 1;
      const fromIndex = before >= tableFrom ? before : tableFrom;
      const from = before >= tableFrom ? rowAt(before) : first;
      const dataIndex = (row: number) => {
        let lowIndex = 0;
        let highIndex = dataRows.length;
        while (lowIndex < highIndex) {
          const middle = (lowIndex + highIndex) >> 1;
          if (dataRows[middle].row < row) lowIndex = middle + 1;
          else highIndex = middle;
        }
        return lowIndex;
      };
      let parsed: Delegation[] = [];
      let toIndex = tableTo;
      let to = Infinity;
      for (let end = firstFrom(high + 1); ; end++) {
        const endRow = end < tableTo ? rowAt(end) : Infinity;
        const spanRows = dataRows.slice(dataIndex(from), endRow === Infinity ? dataRows.length : dataIndex(endRow) + 1);
        parsed = parseSheet(state.grid, { ...table, dataRows: spanRows }, this.options.file, { year: this.options.year });
        if (endRow === Infinity || parsed.some((delegation) => delegation.row === endRow)) {
          to = endRow;
          toIndex = Math.min(end, tableTo);
          break;
        }
      }
      const replaced = state.ids.slice(fromIndex, toIndex);
      const span = parsed.filter((delegation) => delegation.row < to);
      for (const id of replaced) old.set(id, this.delegations.get(id)!);
      for (const delegation of span) freshById.set(delegation.id, delegation);
      state.ids.splice(fromIndex, replaced.length, ...span.map((delegation) => delegation.id));
      fresh.push(...span);
    }
    for (const id of old.keys()) this.delegations.delete(id);
    const rows = fresh.filter((delegation) => touched.has(delegation.row) || (delegation.continuation?.some((part) => touched.has(part.row)) ?? false)).length;
    return { old, fresh, rows };
  }

  // ------------------------------------------------------------------ checking

  /**
   * Puts the fresh delegations in place of the old ones and re-checks what they can affect. Rows whose
   * parsed content did not change are not re-checked.
   */
  private commit(oldById: Map<string, Delegation>, freshList: readonly Delegation[], rowsRead: number, fullSheets: string[], sheets: readonly string[]): LiveUpdate {
    const changedOld = new Map<string, Delegation>();
    const changedNew = new Map<string, Delegation>();
    const freshById = new Map(freshList.map((delegation) => [delegation.id, delegation]));
    for (const [id, delegation] of oldById) {
      const fresh = freshById.get(id);
      if (fresh && JSON.stringify(fresh) === JSON.stringify(delegation)) {
        // Unchanged: keep the old object, which the findings and indexes already refer to.
        this.delegations.set(id, delegation);
        freshById.delete(id);
        continue;
      }
      changedOld.set(id, delegation);
    }
    for (const [id, delegation] of freshById) {
      this.delegations.set(id, delegation);
      changedNew.set(id, delegation);
    }
    const titles = this.updateTitles(sheets, changedOld, changedNew);
    if (changedOld.size === 0 && changedNew.size === 0) return { removed: titles.removed, added: titles.added, rowsRechecked: 0, fullSheets, titleSheets: titles.sheets };

    const removed: Finding[] = [];
    const added: Finding[] = [];
    const replace = (ruleId: string, ids: Iterable<string>, findings: readonly Finding[]) => {
      const byId = this.findingsByRule.get(ruleId)!;
      for (const id of ids) {
        const list = byId.get(id);
        if (list) removed.push(...list);
        byId.delete(id);
      }
      for (const finding of findings) {
        const list = byId.get(finding.delegationId);
        if (list) list.push(finding);
        else byId.set(finding.delegationId, [finding]);
        added.push(finding);
      }
    };

    const touchedIds = new Set([...changedOld.keys(), ...changedNew.keys()]);
    const freshRows = [...changedNew.values()];
    const rowRules = this.activeRules.filter(isRowRule);
    const rowFindings = checkPlan(freshRows, this.context, rowRules);
    for (const rule of rowRules) replace(rule.id, touchedIds, rowFindings.filter((finding) => finding.rule === rule.id));

    for (const rule of this.activeRules) {
      if (isRowRule(rule)) continue;
      const { ids, findings } = this.recheckPlanRule(rule, changedOld, changedNew, touchedIds);
      replace(rule.id, ids, findings);
    }

    const diff = diffFindings(removed, added);
    for (const finding of diff.removed) this.indexCell(finding, false);
    for (const finding of diff.added) this.indexCell(finding, true);
    // A finding computed again the same is not a change, but the index must hold the object now kept.
    for (const [old, same] of diff.kept) {
      this.indexCell(old, false);
      this.indexCell(same, true);
    }
    this.sorted = undefined;
    return { removed: [...diff.removed, ...titles.removed], added: [...diff.added, ...titles.added], rowsRechecked: rowsRead, fullSheets, titleSheets: titles.sheets };
  }

  /** The plan-year findings of a sheet as planYearFindings gives them, and the trips each counts: O(tables) unless a title names another year. */
  private buildTitles(name: string): SheetTitles {
    const state = this.sheets.get(name)!;
    const titles = [...mismatchedTitles(state.tables, this.context).values()];
    const outside = titles.map(() => 0);
    if (titles.length > 0) {
      for (const id of state.ids) {
        const delegation = this.delegations.get(id)!;
        if (!isOutsidePlanYear(delegation, this.context)) continue;
        titles.forEach((title, i) => {
          if (title.rows.has(delegation.row)) outside[i]++;
        });
      }
    }
    return { tables: state.tables, titles, outside, findings: titles.map((title, i) => planYearFinding(title, outside[i], this.context)) };
  }

  /**
   * Brings the plan-year findings of the edited sheets up to date: built again when a sheet was recognised
   * again (its title may name another year), else the counts move by the changed delegations alone.
   */
  private updateTitles(sheets: readonly string[], changedOld: Map<string, Delegation>, changedNew: Map<string, Delegation>): { removed: Finding[]; added: Finding[]; sheets: string[] } {
    const removed: Finding[] = [];
    const added: Finding[] = [];
    const changedSheets: string[] = [];
    for (const name of new Set(sheets)) {
      const before = this.titlesBySheet.get(name);
      const state = this.sheets.get(name);
      let after: SheetTitles | undefined;
      if (!state) after = undefined;
      else if (!before || before.tables !== state.tables) after = this.buildTitles(name);
      else if (before.titles.length === 0) continue;
      else {
        const outside = [...before.outside];
        const count = (delegation: Delegation, step: number) => {
          if (delegation.sheet !== name || !isOutsidePlanYear(delegation, this.context)) return;
          before.titles.forEach((title, i) => {
            if (title.rows.has(delegation.row)) outside[i] += step;
          });
        };
        for (const delegation of changedOld.values()) count(delegation, -1);
        for (const delegation of changedNew.values()) count(delegation, 1);
        const findings = before.titles.map((title, i) => (outside[i] === before.outside[i] ? before.findings[i] : planYearFinding(title, outside[i], this.context)));
        after = { ...before, outside, findings };
      }
      if (after) this.titlesBySheet.set(name, after);
      else this.titlesBySheet.delete(name);
      const diff = diffFindings(before?.findings ?? [], after?.findings ?? []);
      for (const finding of diff.removed) this.indexCell(finding, false);
      for (const finding of diff.added) this.indexCell(finding, true);
      for (const [old, same] of diff.kept) {
        this.indexCell(old, false);
        this.indexCell(same, true);
      }
      if (diff.removed.length > 0 || diff.added.length > 0) changedSheets.push(name);
      removed.push(...diff.removed);
      added.push(...diff.added);
      this.sorted = undefined;
    }
    return { removed, added, sheets: changedSheets };
  }

  /**
   * Builds the kept parts of the rules kept per key (merge-candidate's clusters) now, so the first edit pays
   * only for its own keys (building them all takes about as long as the rule's full check). Hosts call it when
   * idle after a check; the parts are the same as those the first edit would build. Idempotent.
   */
  prepare(): void {
    for (const rule of this.activeRules) {
      if (isRowRule(rule) || rule.locality?.reach !== "neighbours" || !rule.locality.parts || this.partsByRule.has(rule.id)) continue;
      const index = this.links.get(rule.id);
      if (!index) continue;
      this.partsByRule.set(rule.id, this.buildParts(rule, rule.locality.parts, index));
    }
  }

  private buildParts(rule: PlanRule, parts: KeyedParts, index: LinkIndex): Map<string, unknown> {
    if (parts.allParts) return parts.allParts([...this.delegations.values()].filter((delegation) => rule.kinds.includes(delegation.kind)), this.context);
    const kept = new Map<string, unknown>();
    for (const key of index.keys()) {
      const part = parts.part(key, this.rows(index.membersOf(key)), this.context);
      if (part !== undefined) kept.set(key, part);
    }
    return kept;
  }

  /** The rows whose findings of this rule must be replaced, and their new findings. */
  private recheckPlanRule(rule: PlanRule, changedOld: Map<string, Delegation>, changedNew: Map<string, Delegation>, edited: ReadonlySet<string>): { ids: Set<string>; findings: Finding[] } {
    const index = this.links.get(rule.id);
    if (!rule.locality || !index) {
      const ids = new Set(this.findingsByRule.get(rule.id)!.keys());
      for (const id of changedOld.keys()) ids.add(id);
      return { ids, findings: checkPlan([...this.delegations.values()], this.context, [rule]) };
    }
    const relevantOld = [...changedOld.keys()];
    const relevantNew = [...changedNew.values()].filter((delegation) => rule.kinds.includes(delegation.kind));

    if (rule.locality.reach === "neighbours" && rule.locality.parts) return this.recheckByParts(rule, rule.locality.parts, index, relevantOld, relevantNew, edited);

    if (rule.locality.reach === "neighbours") {
      // Rows whose linked rows changed: those linked to a touched row before or after the edit.
      const affected = new Set<string>(relevantOld);
      for (const id of relevantOld) index.linked(id, affected);
      for (const id of relevantOld) index.remove(id);
      for (const delegation of relevantNew) index.add(delegation);
      for (const delegation of relevantNew) {
        affected.add(delegation.id);
        index.linked(delegation.id, affected);
      }
      const present = [...affected].filter((id) => this.delegations.has(id));
      const scope = new Set<string>(present);
      index.linkedToAny(present, scope);
      const focus = new Set(this.rows(affected));
      const findings = checkPlan(this.rows(scope), this.context, [rule], focus).filter((finding) => affected.has(finding.delegationId));
      return { ids: affected, findings };
    }

    // Component: everything reachable from a touched row before the edit, and from it or them after.
    const before = index.reachable(relevantOld);
    for (const id of relevantOld) index.remove(id);
    for (const delegation of relevantNew) index.add(delegation);
    const seeds = [...before].filter((id) => this.delegations.has(id));
    const scope = index.reachable([...seeds, ...relevantNew.map((delegation) => delegation.id)]);
    const ids = new Set([...before, ...scope]);
    return { ids, findings: checkPlan(this.rows(scope), this.context, [rule]) };
  }

  /**
   * A rule kept per key: works out again the parts of the keys the edited rows held or hold, and the findings
   * of the rows whose share of those parts changed (every row of those keys when the parts are first built).
   */
  private recheckByParts(rule: PlanRule, parts: KeyedParts, index: LinkIndex, relevantOld: string[], relevantNew: Delegation[], edited: ReadonlySet<string>): { ids: Set<string>; findings: Finding[] } {
    const changedKeys = new Set<string>();
    for (const id of relevantOld) for (const key of index.keysOfRow(id)) changedKeys.add(key);
    const affected = new Set<string>(relevantOld);
    let kept = this.partsByRule.get(rule.id);
    if (!kept) for (const key of changedKeys) for (const id of index.membersOf(key)) affected.add(id);
    for (const id of relevantOld) index.remove(id);
    for (const delegation of relevantNew) {
      index.add(delegation);
      affected.add(delegation.id);
      for (const key of index.keysOfRow(delegation.id)) changedKeys.add(key);
    }
    if (!kept) {
      kept = this.buildParts(rule, parts, index);
      this.partsByRule.set(rule.id, kept);
      for (const key of changedKeys) for (const id of index.membersOf(key)) affected.add(id);
    } else {
      for (const key of changedKeys) {
        const members = index.membersOf(key);
        const before = kept.get(key);
        const after = members.size > 0 ? parts.part(key, this.rows(members), this.context) : undefined;
        if (after === undefined) kept.delete(key);
        else kept.set(key, after);
        for (const id of parts.rowsChanged(before, after, edited)) affected.add(id);
      }
    }
    const partsNow = kept;
    const present = this.rows(affected).filter((delegation) => rule.kinds.includes(delegation.kind));
    const violations = parts.violations(present, (key) => partsNow.get(key), this.context);
    return { ids: affected, findings: findingsOf(rule, violations, this.context) };
  }

  private rows(ids: Iterable<string>): Delegation[] {
    const rows: Delegation[] = [];
    for (const id of ids) {
      const delegation = this.delegations.get(id);
      if (delegation) rows.push(delegation);
    }
    return rows;
  }

  private indexCell(finding: Finding, add: boolean): void {
    const key = cellKey(finding.sheet, finding.row, finding.column);
    if (add) {
      const set = this.byCell.get(key);
      if (set) set.add(finding);
      else this.byCell.set(key, new Set([finding]));
      return;
    }
    const set = this.byCell.get(key);
    if (!set) return;
    set.delete(finding);
    if (set.size === 0) this.byCell.delete(key);
  }
}

export function cellKey(sheet: string, row: number, column: number): string {
  return `${sheet}\u0000${row}\u0000${column}`;
}

/**
 * What a recognition says apart from its data rows and closing row (neither is read into a delegation):
 * equal signatures read the header, title and columns the same.
 */
function headerSignature(recognition: SheetRecognition): string {
  if (!recognition.template) return JSON.stringify(recognition);
  const { dataRows: _dataRows, closingRow: _closingRow, ...header } = recognition as RecognizedTemplate;
  return JSON.stringify(header);
}

function sameSection(a: { section?: { label: string; title: string } }, b: { section?: { label: string; title: string } }): boolean {
  return a.section?.label === b.section?.label && a.section?.title === b.section?.title;
}

/** The removed and added findings that are not the same finding computed again. */
function diffFindings(removed: Finding[], added: Finding[]): { removed: Finding[]; added: Finding[]; kept: Map<Finding, Finding> } {
  const pending = new Map<string, Finding[]>();
  for (const finding of removed) {
    const key = JSON.stringify(finding);
    const list = pending.get(key);
    if (list) list.push(finding);
    else pending.set(key, [finding]);
  }
  const reallyAdded: Finding[] = [];
  const kept = new Map<Finding, Finding>();
  for (const finding of added) {
    const same = pending.get(JSON.stringify(finding));
    const old = same?.pop();
    if (old) kept.set(old, finding);
    else reallyAdded.push(finding);
  }
  const reallyRemoved = removed.filter((finding) => !kept.has(finding));
  return { removed: reallyRemoved, added: reallyAdded, kept };
}

function copyGrid(grid: SheetGrid): SheetGrid {
  return {
    ...grid,
    originRow: Number.isInteger(grid.originRow) && grid.originRow > 0 ? grid.originRow : 1,
    originCol: Number.isInteger(grid.originCol) && grid.originCol > 0 ? grid.originCol : 1,
    values: (Array.isArray(grid.values) ? grid.values : []).map((line) => (Array.isArray(line) ? [...line] : [])),
    merges: Array.isArray(grid.merges) ? [...grid.merges] : [],
  };
}

/** Grows the grid so it starts at or before this cell (an edit above or left of the used range). */
function rebase(grid: SheetGrid, row: number, column: number): SheetGrid {
  if (row < grid.originRow) {
    const extra = grid.originRow - row;
    grid.values = [...Array.from({ length: extra }, () => [] as CellValue[]), ...grid.values];
    grid.originRow = row;
  }
  if (column < grid.originCol) {
    const extra = grid.originCol - column;
    grid.values = grid.values.map((line) => [...Array.from({ length: extra }, () => null), ...line]);
    grid.originCol = column;
  }
  return grid;
}

function setCell(grid: SheetGrid, row: number, column: number, value: CellValue): void {
  const r = row - grid.originRow;
  const c = column - grid.originCol;
  while (grid.values.length <= r) grid.values.push([]);
  const line = grid.values[r];
  while (line.length < c) line.push(null);
  line[c] = value;
}
