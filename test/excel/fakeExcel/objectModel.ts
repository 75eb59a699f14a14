/**
 * Proxies of the part of the Excel object model the host uses. Like Office.js, a proxy only describes
 * a path: reading a property needs `load` + `sync` first (else PropertyNotLoaded, failing the test),
 * writes and method calls are queued and run in order at `sync()`, *OrNullObject results tell
 * `isNullObject` after a sync. Stricter than Office.js where its behaviour is undocumented: using a
 * null object for anything but `isNullObject`/loading fails, and so does using an API above the
 * configured requirement set.
 */
import type { CellArea } from "../../../src/workbook/types";
import { MAX_COLUMNS, MAX_ROWS, areaAddress, cellAddress, parseArea } from "../../../src/excel/a1";
import { ACTION_OVERHEAD_BYTES, FakeContextCore, FakeOfficeError, Staged, byteSize } from "./context";
import { breakReferencesTo, checkFormatDelete, checkFormatRead, checkMergedAreas, checkProtection, columnWidthOf, copyName, formatAt, NOTE_ADDER, pastedFormula, specialCellAreas } from "./behaviours";
import { shiftRows } from "./userActions";
import {
  cellKey,
  emptySheet,
  forEachCell,
  newId,
  splitKey,
  type FakeCell,
  type FakeChart,
  type ConditionalFormatData,
  type FakeHyperlink,
  type FakeSheet,
  type FakeValidation,
  type FakeValue,
  type FakeWorkbook,
  type Visibility,
} from "./model";

type Resolver<T> = () => T | null;

function notLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function nullUsed(): FakeOfficeError {
  return new FakeOfficeError("FakeNullObjectUsed", "A null object was used for more than isNullObject/load; check isNullObject after a sync first.");
}

const ERROR_TEXTS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"]);

function intersects(a: CellArea, b: CellArea): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function contains(outer: CellArea, inner: CellArea): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
}

function clip(area: CellArea, within: CellArea): CellArea {
  return { top: Math.max(area.top, within.top), left: Math.max(area.left, within.left), bottom: Math.min(area.bottom, within.bottom), right: Math.min(area.right, within.right) };
}

function cellCount(area: CellArea): number {
  return (area.bottom - area.top + 1) * (area.right - area.left + 1);
}

function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/** Excel's reading of typed input: what `Range.values = …` does to one cell. */
export function typeInto(cell: FakeCell, input: unknown): void {
  delete cell.value;
  delete cell.formula;
  delete cell.textPrefix;
  if (input === "" || input === null || input === undefined) return;
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  const text = String(input);
  if (cell.numberFormat === "@") cell.value = text;
  else if (text.startsWith("'")) {
    cell.value = text.slice(1);
    cell.textPrefix = true;
  } else if (/^[=+\-@]/.test(text) && !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) cell.formula = text;
  else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) cell.value = Number(text);
  else if (/^(true|false)$/i.test(text)) cell.value = text.toLowerCase() === "true";
  else if (ERROR_TEXTS.has(text)) cell.value = { error: text };
  else if (/^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(text)) cell.value = 45000; // a date: the fake only shows it became a number
  else cell.value = text;
}

function readValue(cell: FakeCell | undefined): string | number | boolean {
  const value: FakeValue | undefined = cell?.value;
  if (value === undefined) return "";
  if (typeof value === "object") return value.error;
  return value;
}

function ensureCell(sheet: FakeSheet, row: number, column: number): FakeCell {
  const key = cellKey(row, column);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = {};
    sheet.cells.set(key, cell);
  }
  return cell;
}

function dropIfEmpty(sheet: FakeSheet, row: number, column: number): void {
  const key = cellKey(row, column);
  const cell = sheet.cells.get(key);
  if (cell && Object.keys(cell).length === 0) sheet.cells.delete(key);
}

/** The sheet a command's target belongs to, when it has one (for the protection check). */
function sheetOfTarget(target: unknown): FakeSheet | undefined {
  if (typeof target !== "object" || target === null) return undefined;
  if ("cells" in target && "notes" in target) return target as FakeSheet;
  if ("sheet" in target) return (target as { sheet: FakeSheet }).sheet;
  return undefined;
}

/** Base of every proxy: load tracking, queued commands, null objects. */
abstract class FakeClientObject<T> {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private readonly children = new Map<string, FakeClientObject<unknown>>();

  constructor(
    readonly context: FakeRequestContext,
    protected readonly resolver: Resolver<T>,
    protected readonly nullable = false,
  ) {
    if (nullable && !context.core.executing) {
      context.core.enqueue({ bytes: ACTION_OVERHEAD_BYTES, writes: false, run: (staged) => this.stageNullState(staged) });
    }
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  private stageNullState(staged: Staged): T | null {
    const target = this.resolver();
    if (this.nullable) staged.add(target === null, () => (this.nullState = target === null));
    else if (target === null) throw nullUsed();
    return target;
  }

  /** The target for a command; a null object cannot take commands. */
  protected target(): T {
    const target = this.resolver();
    if (target === null) throw nullUsed();
    return target;
  }

  protected child<C extends FakeClientObject<unknown>>(name: string, create: () => C): C {
    let existing = this.children.get(name) as C | undefined;
    if (!existing) {
      existing = create();
      this.children.set(name, existing);
    }
    return existing;
  }

  protected read<V>(property: string): V {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return this.loaded.get(property) as V;
  }

  /** Queues a method call or property write; writes are logged as "Class.member" when they run. */
  protected command(member: string, args: unknown, writes: boolean, run: (target: T) => void): void {
    const label = `${this.constructor.name.replace(/^Fake/, "")}.${member}`;
    this.context.core.enqueue({
      bytes: ACTION_OVERHEAD_BYTES + byteSize(args),
      writes,
      label,
      run: () => {
        const target = this.target();
        if (writes) checkProtection(label, this.context.book, sheetOfTarget(target));
        run(target);
      },
    });
  }

  load(properties?: string | string[]): this {
    if (properties === undefined || (Array.isArray(properties) && properties.length === 0) || properties === "") {
      throw new Error("fake: load() needs the properties to load (an empty load is an anti-pattern)");
    }
    if (typeof properties !== "string" && !Array.isArray(properties)) throw new Error("fake: only string/array load paths are supported");
    const list = (Array.isArray(properties) ? properties : properties.split(",")).map((p) => p.trim()).filter((p) => p.length > 0);
    const paths = list.map((p) => p.split("/"));
    this.context.core.enqueue({ bytes: ACTION_OVERHEAD_BYTES + byteSize(properties), writes: false, run: (staged) => this.loadPaths(paths, staged) });
    return this;
  }

  /** Loads property paths at sync time ("name", "format/fill/color", "items/customOrNullObject/rule/formula"). */
  loadPaths(paths: string[][], staged: Staged): void {
    const target = this.stageNullState(staged);
    if (target === null) return;
    for (const [head, ...rest] of paths) {
      if (rest.length === 0) {
        if (head === "values" || head === "numberFormat" || head === "formulas") staged.largestRead = Math.max(staged.largestRead, this.cellsOf(target));
        const value = this.scalar(target, head);
        staged.add(value, () => this.loaded.set(head, value));
      } else {
        const nav = this.navigation(head);
        if (!nav) throw new Error(`fake: ${this.constructor.name} has no navigation property ${head}`);
        nav.loadPaths([rest], staged);
      }
    }
  }

  /** Cells a value-bearing load reads (ranges override). */
  protected cellsOf(_target: T): number {
    return 0;
  }

  /** The value of a loadable scalar property of the target. */
  protected scalar(_target: T, property: string): unknown {
    throw new Error(`fake: ${this.constructor.name}.${property} is not loadable in the fake`);
  }

  protected navigation(_property: string): FakeClientObject<unknown> | undefined {
    return undefined;
  }
}

/** A collection proxy: `items` after loading ("items/x" or "x" paths load the items' properties). */
abstract class FakeCollection<T, P extends FakeClientObject<T>> extends FakeClientObject<T[]> {
  private loadedItems: P[] | undefined;

  get items(): P[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  protected abstract itemProxy(item: T): P;

  override loadPaths(paths: string[][], staged: Staged): void {
    const targets = this.target();
    const proxies = targets.map((item) => this.itemProxy(item));
    const itemPaths = paths.map((path) => (path[0] === "items" ? path.slice(1) : path)).filter((path) => path.length > 0);
    for (const proxy of proxies) proxy.loadPaths(itemPaths, staged);
    staged.add(null, () => (this.loadedItems = proxies));
  }
}

/** A method's result (`getCount()`…): its `value` is readable only after the sync that computed it. */
export class FakeClientResult<T> {
  private computed: { value: T } | undefined;
  constructor(context: FakeRequestContext, compute: () => T) {
    context.core.enqueue({
      bytes: ACTION_OVERHEAD_BYTES,
      writes: false,
      run: (staged) => {
        const value = compute();
        staged.add(value, () => (this.computed = { value }));
      },
    });
  }
  get value(): T {
    if (!this.computed) throw notLoaded("value");
    return this.computed.value;
  }
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbookObject;
  constructor(readonly core: FakeContextCore) {
    this.workbook = new FakeWorkbookObject(this, () => core.book);
  }
  sync(): Promise<void> {
    return this.core.sync();
  }
  get book(): FakeWorkbook {
    return this.core.book;
  }
}

export class FakeWorkbookObject extends FakeClientObject<FakeWorkbook> {
  get worksheets(): FakeWorksheetCollection {
    return this.child("worksheets", () => new FakeWorksheetCollection(this.context, () => this.context.book.sheets));
  }
  get name(): string {
    return this.read("name");
  }
  protected override scalar(target: FakeWorkbook, property: string): unknown {
    if (property === "name") {
      this.context.core.requireApi("1.7", "Workbook.name");
      return target.name;
    }
    return super.scalar(target, property);
  }
}

function findSheet(book: FakeWorkbook, key: string): FakeSheet | undefined {
  return book.sheets.find((sheet) => sheet.id === key) ?? book.sheets.find((sheet) => sheet.name.toLowerCase() === key.toLowerCase());
}

export class FakeWorksheetCollection extends FakeCollection<FakeSheet, FakeWorksheet> {
  protected itemProxy(sheet: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      if (!this.context.book.sheets.includes(sheet)) throw new FakeOfficeError("ItemNotFound", "The worksheet no longer exists.");
      return sheet;
    });
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = findSheet(this.context.book, key);
      if (!sheet) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (worksheet ${key}).`);
      return sheet;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => findSheet(this.context.book, key) ?? null, true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = this.context.book.sheets.find((s) => s.id === this.context.book.activeSheetId);
      if (!sheet) throw new FakeOfficeError("ItemNotFound", "No sheet is active.");
      return sheet;
    });
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.context.core.enqueue({
      bytes: ACTION_OVERHEAD_BYTES + byteSize(name),
      writes: true,
      label: "WorksheetCollection.add",
      run: () => {
        const book = this.context.book;
        checkProtection("WorksheetCollection.add", book, undefined);
        if (findSheet(book, name)) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named ${name} already exists.`);
        created = emptySheet(book, name);
        book.sheets.push(created);
      },
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new Error("fake: the added worksheet is used before its add ran");
      return created;
    });
  }
}

export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.command("name", value, true, (sheet) => {
      if (this.context.book.sheets.some((s) => s !== sheet && s.name.toLowerCase() === value.toLowerCase())) {
        throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named ${value} already exists.`);
      }
      sheet.name = value;
    });
  }
  get id(): string {
    return this.read("id");
  }
  get visibility(): Visibility {
    return this.read("visibility");
  }
  set visibility(value: Visibility) {
    this.command("visibility", value, true, (sheet) => {
      const book = this.context.book;
      if (value !== "Visible" && book.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      sheet.visibility = value;
    });
  }
  get position(): number {
    return this.read("position");
  }
  set position(value: number) {
    this.command("position", value, true, (sheet) => {
      const sheets = this.context.book.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.min(value, sheets.length), 0, sheet);
    });
  }

  protected override scalar(sheet: FakeSheet, property: string): unknown {
    switch (property) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "visibility":
        return sheet.visibility;
      case "position":
        return this.context.book.sheets.indexOf(sheet);
      default:
        return super.scalar(sheet, property);
    }
  }

  get notes(): FakeNoteCollection {
    this.context.core.requireApi("1.18", "Worksheet.notes");
    return this.child("notes", () => new FakeNoteCollection(this.context, () => this.target()));
  }

  get protection(): FakeWorksheetProtection {
    return this.child("protection", () => new FakeWorksheetProtection(this.context, () => this.target()));
  }

  get charts(): FakeChartCollection {
    return this.child("charts", () => new FakeChartCollection(this.context, () => this.target()));
  }

  get pageLayout(): FakePageLayout {
    return this.child("pageLayout", () => new FakePageLayout(this.context, () => this.target()));
  }

  get freezePanes(): FakeFreezePanes {
    return this.child("freezePanes", () => new FakeFreezePanes(this.context, () => this.target()));
  }

  getRange(address?: string): FakeRange {
    const area: CellArea = address ? parseArea(address) : { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS };
    return new FakeRange(this.context, () => ({ sheet: this.target(), area }));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    if (rowCount < 1 || columnCount < 1) throw new FakeOfficeError("InvalidArgument", "A range needs at least one row and one column.");
    const area: CellArea = { top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount };
    if (area.bottom > MAX_ROWS || area.right > MAX_COLUMNS) throw new FakeOfficeError("InvalidArgument", "The range goes past the sheet's edge.");
    return new FakeRange(this.context, () => ({ sheet: this.target(), area }));
  }

  getRanges(address: string): FakeRangeAreas {
    this.context.core.requireApi("1.9", "Worksheet.getRanges");
    if (address.length >= 8192) throw new FakeOfficeError("InvalidArgument", `The address is ${address.length} characters long; Excel accepts fewer than 8,192.`);
    const areas = address.split(/[,;]/).map((part) => parseArea(part.trim()));
    return new FakeRangeAreas(this.context, () => ({ sheet: this.target(), areas }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.target();
        let area: CellArea | undefined;
        for (const [key, cell] of sheet.cells) {
          if (valuesOnly && cell.value === undefined && cell.formula === undefined) continue;
          const { row, column } = splitKey(key);
          area = area
            ? { top: Math.min(area.top, row), left: Math.min(area.left, column), bottom: Math.max(area.bottom, row), right: Math.max(area.right, column) }
            : { top: row, left: column, bottom: row, right: column };
        }
        return area ? { sheet, area } : null;
      },
      true,
    );
  }

  activate(): void {
    this.command("activate", null, false, (sheet) => {
      if (sheet.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated.");
      this.context.book.activeSheetId = sheet.id;
    });
  }

  /** Worksheet.copy (ExcelApi 1.7, behaviours.ts): a full copy at the position asked, under a name of Excel's choosing. */
  copy(positionType: "None" | "Before" | "After" | "Beginning" | "End" = "None", relativeTo?: FakeWorksheet): FakeWorksheet {
    this.context.core.requireApi("1.7", "Worksheet.copy");
    let created: FakeSheet | undefined;
    this.context.core.enqueue({
      bytes: ACTION_OVERHEAD_BYTES + byteSize(positionType),
      writes: true,
      label: "Worksheet.copy",
      run: () => {
        const book = this.context.book;
        const source = this.target();
        checkProtection("Worksheet.copy", book, undefined);
        const copy: FakeSheet = {
          ...structuredClone({ ...source, conditionalFormats: [] }),
          id: newId(book, "SHEET"),
          name: copyName(book, source.name),
          conditionalFormats: source.conditionalFormats.map((format) => ({ ...structuredClone(format), id: newId(book, "CF") })),
        };
        let at = 0;
        if (positionType === "End") at = book.sheets.length;
        else if (positionType === "Before" || positionType === "After") {
          if (!relativeTo) throw new FakeOfficeError("InvalidArgument", "relativeTo is needed with Before or After.");
          const anchor = book.sheets.indexOf(relativeTo.resolveForFake());
          at = positionType === "Before" ? anchor : anchor + 1;
        }
        book.sheets.splice(at, 0, copy);
        created = copy;
      },
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new Error("fake: the copied worksheet is used before its copy ran");
      if (!this.context.book.sheets.includes(created)) throw new FakeOfficeError("ItemNotFound", "The worksheet no longer exists.");
      return created;
    });
  }

  /** The fake's own access to the sheet a proxy stands for. */
  resolveForFake(): FakeSheet {
    return this.target();
  }

  delete(): void {
    this.command("delete", null, true, (sheet) => {
      const book = this.context.book;
      if (book.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0) {
        throw new FakeOfficeError("InvalidOperation", "The last visible sheet cannot be deleted.");
      }
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      breakReferencesTo(book, sheet);
      if (book.activeSheetId === sheet.id) book.activeSheetId = book.sheets.find((s) => s.visibility === "Visible")?.id;
    });
  }
}

export class FakeWorksheetProtection extends FakeClientObject<FakeSheet> {
  get protected(): boolean {
    return this.read("protected");
  }
  protected override scalar(sheet: FakeSheet, property: string): unknown {
    if (property === "protected") return Boolean(sheet.protected);
    return super.scalar(sheet, property);
  }
}

export class FakeFreezePanes extends FakeClientObject<FakeSheet> {
  freezeRows(count: number): void {
    this.command("freezeRows", count, true, (sheet) => (sheet.frozenRows = count));
  }
  unfreeze(): void {
    this.command("unfreeze", null, true, (sheet) => (sheet.frozenRows = 0));
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  area: CellArea;
}

interface AreasTarget {
  sheet: FakeSheet;
  areas: CellArea[];
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  /** The fake's own access to the cells a range stands for (used by other fake objects at sync time). */
  resolveForFake(): RangeTarget {
    return this.target();
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): (string | number | boolean)[][] {
    return this.read("values");
  }
  set values(rows: unknown[][]) {
    this.command("values", rows, true, ({ sheet, area }) => {
      this.checkShape(rows, area);
      forEachCell(area, (row, column) => {
        typeInto(ensureCell(sheet, row, column), rows[row - area.top][column - area.left]);
        dropIfEmpty(sheet, row, column);
      });
    });
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(rows: string[][]) {
    this.command("numberFormat", rows, true, ({ sheet, area }) => {
      this.checkShape(rows, area);
      forEachCell(area, (row, column) => (ensureCell(sheet, row, column).numberFormat = rows[row - area.top][column - area.left]));
    });
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  /** Formulas the add-in writes itself (totals): kept as the formula, never computed by the fake. */
  set formulas(rows: unknown[][]) {
    this.command("formulas", rows, true, ({ sheet, area }) => {
      this.checkShape(rows, area);
      forEachCell(area, (row, column) => {
        const cell = ensureCell(sheet, row, column);
        const input = rows[row - area.top][column - area.left];
        if (typeof input === "string" && input.startsWith("=")) {
          cell.formula = input;
          delete cell.value;
        } else typeInto(cell, input);
      });
    });
  }
  getEntireColumn(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, area } = this.target();
      return { sheet, area: { top: 1, bottom: MAX_ROWS, left: area.left, right: area.right } };
    });
  }
  set columnHidden(hidden: boolean) {
    this.command("columnHidden", hidden, true, ({ sheet, area }) => {
      for (let column = area.left; column <= area.right; column++) {
        if (hidden) sheet.hiddenColumns.add(column);
        else sheet.hiddenColumns.delete(column);
      }
    });
  }
  group(groupOption: string): void {
    this.context.core.requireApi("1.10", "Range.group");
    this.command("group", groupOption, true, ({ sheet, area }) => {
      if (groupOption !== "ByColumns") throw new Error("fake: only column groups are modelled");
      sheet.columnGroups.push({ left: area.left, right: area.right });
    });
  }
  set hyperlink(link: FakeHyperlink) {
    this.context.core.requireApi("1.7", "Range.hyperlink");
    this.command("hyperlink", link, true, ({ sheet, area }) => {
      const cell = ensureCell(sheet, area.top, area.left);
      cell.hyperlink = { ...link };
      if (link.textToDisplay !== undefined) {
        delete cell.formula;
        cell.value = link.textToDisplay;
      }
    });
  }

  protected override cellsOf({ area }: RangeTarget): number {
    return cellCount(area);
  }

  /** Range.copyFrom (ExcelApi 1.9) as behaviours.ts reads it: "All" only, into the source's shape or one cell. */
  copyFrom(source: FakeRange | string, copyType = "All", skipBlanks = false, transpose = false): void {
    this.context.core.requireApi("1.9", "Range.copyFrom");
    if (copyType !== "All" || skipBlanks || transpose) throw new Error(`fake: copyFrom ${copyType} (skipBlanks ${skipBlanks}, transpose ${transpose}) is not modelled`);
    this.command("copyFrom", typeof source === "string" ? source : "range", true, (target) => {
      const from = typeof source === "string" ? { sheet: target.sheet, area: parseArea(source) } : source.resolveForFake();
      if (!this.context.book.sheets.includes(from.sheet)) throw new FakeOfficeError("ItemNotFound", "The source range's worksheet no longer exists.");
      const height = from.area.bottom - from.area.top + 1;
      const width = from.area.right - from.area.left + 1;
      const single = target.area.top === target.area.bottom && target.area.left === target.area.right;
      const sameShape = target.area.bottom - target.area.top + 1 === height && target.area.right - target.area.left + 1 === width;
      if (!single && !sameShape) throw new Error("fake: copyFrom into a range of another shape (replication) is not modelled");
      const to: CellArea = { top: target.area.top, left: target.area.left, bottom: target.area.top + height - 1, right: target.area.left + width - 1 };
      const down = to.top - from.area.top;
      const right = to.left - from.area.left;
      // Read everything first: source and destination may overlap.
      const cells: [number, number, FakeCell | undefined, FakeValidation | undefined][] = [];
      forEachCell(from.area, (row, column) => cells.push([row, column, structuredClone(from.sheet.cells.get(cellKey(row, column))), structuredClone(from.sheet.validations.get(cellKey(row, column)))]));
      const formats = from.sheet.conditionalFormats
        .map((format) => ({ format, areas: format.areas.filter((a) => intersects(a, from.area)).map((a) => clip(a, from.area)) }))
        .filter(({ areas }) => areas.length > 0);
      const sheet = target.sheet;
      for (const [row, column, cell, validation] of cells) {
        const key = cellKey(row + down, column + right);
        if (cell) {
          if (cell.formula) cell.formula = pastedFormula(cell.formula, down, right);
          sheet.cells.set(key, cell);
        } else sheet.cells.delete(key);
        if (validation) sheet.validations.set(key, validation);
        else sheet.validations.delete(key);
      }
      // The destination's own rules give way where the pasted cells go (rules wholly inside them).
      sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => !format.areas.every((a) => contains(to, a)));
      for (const { format, areas } of formats.reverse()) {
        sheet.conditionalFormats.unshift({
          ...structuredClone(format),
          id: newId(this.context.book, "CF"),
          ...(format.formula !== undefined ? { formula: pastedFormula(format.formula, down, right) } : {}),
          areas: areas.map((a) => ({ top: a.top + down, left: a.left + right, bottom: a.bottom + down, right: a.right + right })),
        });
      }
    });
  }

  private checkShape(rows: unknown[][], area: CellArea): void {
    const height = area.bottom - area.top + 1;
    const width = area.right - area.left + 1;
    if (!Array.isArray(rows) || rows.length !== height || rows.some((row) => !Array.isArray(row) || row.length !== width)) {
      throw new FakeOfficeError("InvalidArgument", `The array is not ${height}×${width} like the range.`);
    }
  }

  protected override scalar({ sheet, area }: RangeTarget, property: string): unknown {
    switch (property) {
      case "address":
        return `${sheetPrefix(sheet.name)}${areaAddress(area)}`;
      case "rowIndex":
        return area.top - 1;
      case "columnIndex":
        return area.left - 1;
      case "rowCount":
        return area.bottom - area.top + 1;
      case "columnCount":
        return area.right - area.left + 1;
      case "formulas":
      case "values":
      case "numberFormat": {
        const cells = cellCount(area);
        if (cells > this.context.core.env.maxCellsPerRead) {
          if (property === "values" && this.context.core.env.oversizeRead === "null") return null;
          throw new FakeOfficeError("RangeExceedsLimit", `Reading ${cells} cells from one range exceeds the limit.`);
        }
        const rows: unknown[][] = [];
        for (let row = area.top; row <= area.bottom; row++) {
          const line: unknown[] = [];
          for (let column = area.left; column <= area.right; column++) {
            const cell = sheet.cells.get(cellKey(row, column));
            // Range.formulas: "the formula in A1-style notation. If a cell has no formula, its value is returned instead."
            if (property === "formulas") line.push(cell?.formula ?? readValue(cell));
            else line.push(property === "values" ? readValue(cell) : (cell?.numberFormat ?? "General"));
          }
          rows.push(line);
        }
        return rows;
      }
      default:
        return super.scalar({ sheet, area }, property);
    }
  }

  protected override navigation(property: string): FakeClientObject<unknown> | undefined {
    return property === "format" ? this.format : undefined;
  }

  get format(): FakeRangeFormat {
    return this.child("format", () => new FakeRangeFormat(this.context, () => this.target()));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.child("conditionalFormats", () => new FakeConditionalFormatCollection(this.context, () => ({ sheet: this.target().sheet, areas: [this.target().area] })));
  }

  get dataValidation(): FakeDataValidation {
    return this.child("dataValidation", () => new FakeDataValidation(this.context, () => this.target()));
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.core.requireApi("1.13", "Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(
      this.context,
      () => {
        const { sheet, area } = this.target();
        const merges = sheet.merges.filter((merge) => intersects(merge, area));
        checkMergedAreas(merges.length);
        return merges.length > 0 ? { sheet, areas: merges } : null;
      },
      true,
    );
  }

  /**
   * Range.getUsedRangeOrNullObject (ExcelApi 1.4): "Returns the used range of the given range object. If there
   * are no used cells within the range, then this method returns an object with its isNullObject property set
   * to true." As the worksheet's: with `valuesOnly`, only cells holding a value or a formula count.
   */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const { sheet, area: within } = this.target();
        let area: CellArea | undefined;
        for (const [key, cell] of sheet.cells) {
          if (valuesOnly && cell.value === undefined && cell.formula === undefined) continue;
          const { row, column } = splitKey(key);
          if (row < within.top || row > within.bottom || column < within.left || column > within.right) continue;
          area = area
            ? { top: Math.min(area.top, row), left: Math.min(area.left, column), bottom: Math.max(area.bottom, row), right: Math.max(area.right, column) }
            : { top: row, left: column, bottom: row, right: column };
        }
        return area ? { sheet, area } : null;
      },
      true,
    );
  }

  /** Range.getSpecialCells (ExcelApi 1.9, behaviours.ts): ItemNotFound at the sync when no cell matches. */
  getSpecialCells(cellType: string, cellValueType?: string): FakeRangeAreas {
    this.context.core.requireApi("1.9", "Range.getSpecialCells");
    const resolve = (): AreasTarget => {
      const { sheet, area } = this.target();
      const areas = specialCellAreas(sheet, area, cellType, cellValueType);
      if (areas.length === 0) throw new FakeOfficeError("ItemNotFound", "No cells were found.");
      return { sheet, areas };
    };
    // The method itself runs at the sync, loaded or not: no match fails that sync.
    this.context.core.enqueue({ bytes: ACTION_OVERHEAD_BYTES, writes: false, run: () => void resolve() });
    return new FakeRangeAreas(this.context, resolve);
  }

  /** Range.getSpecialCellsOrNullObject (ExcelApi 1.9, behaviours.ts): a null object when no cell matches. */
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): FakeRangeAreas {
    this.context.core.requireApi("1.9", "Range.getSpecialCellsOrNullObject");
    return new FakeRangeAreas(
      this.context,
      () => {
        const { sheet, area } = this.target();
        const areas = specialCellAreas(sheet, area, cellType, cellValueType);
        return areas.length > 0 ? { sheet, areas } : null;
      },
      true,
    );
  }

  unmerge(): void {
    this.command("unmerge", null, true, ({ sheet, area }) => {
      sheet.merges = sheet.merges.filter((merge) => !contains(area, merge));
    });
  }

  merge(across = false): void {
    this.command("merge", across, true, ({ sheet, area }) => {
      if (across) throw new Error("fake: merge(across) is not modelled");
      if (sheet.merges.some((merge) => intersects(merge, area))) throw new FakeOfficeError("InvalidOperation", `${areaAddress(area)} overlaps a merged area.`);
      sheet.merges.push({ ...area });
    });
  }

  getEntireRow(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, area } = this.target();
      return { sheet, area: { top: area.top, bottom: area.bottom, left: 1, right: MAX_COLUMNS } };
    });
  }

  /** Inserting whole rows (shift "Down") moves everything below, notes included (userActions.ts). */
  insert(shift: string): void {
    this.command("insert", shift, true, ({ sheet, area }) => {
      if (shift !== "Down" || area.left !== 1 || area.right !== MAX_COLUMNS) throw new Error("fake: only whole rows inserted Down are modelled");
      shiftRows(sheet, area.top, area.bottom - area.top + 1);
    });
  }

  /** Deleting whole rows (shift "Up"). */
  delete(shift: string): void {
    this.command("delete", shift, true, ({ sheet, area }) => {
      if (shift !== "Up" || area.left !== 1 || area.right !== MAX_COLUMNS) throw new Error("fake: only whole rows deleted Up are modelled");
      shiftRows(sheet, area.top, -(area.bottom - area.top + 1));
    });
  }

  select(): void {
    this.command("select", null, false, ({ sheet, area }) => {
      if (this.context.book.activeSheetId !== sheet.id) throw new FakeOfficeError("InvalidSelection", "Only cells of the active sheet can be selected.");
      this.context.book.selection = { sheet: sheet.name, address: areaAddress(area) };
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.command("clear", applyTo, true, ({ sheet, area }) => {
      for (const [key, cell] of [...sheet.cells]) {
        const { row, column } = splitKey(key);
        if (row < area.top || row > area.bottom || column < area.left || column > area.right) continue;
        if (applyTo === "All") sheet.cells.delete(key);
        else if (applyTo === "Contents") {
          delete cell.value;
          delete cell.formula;
          delete cell.textPrefix;
          dropIfEmpty(sheet, row, column);
        } else {
          for (const formatKey of ["numberFormat", "bold", "fill", "fontColor", "wrapText"] as const) delete cell[formatKey];
          dropIfEmpty(sheet, row, column);
        }
      }
    });
  }
}

/** Where a format proxy writes: cells of a range, or a conditional format. */
interface FormatSink {
  fill(color: string): void;
  fontColor(color: string): void;
  bold(value: boolean): void;
  italic(value: boolean): void;
  size(value: number): void;
}

function rangeSink({ sheet, area }: RangeTarget): FormatSink {
  const each = (apply: (cell: FakeCell) => void) => forEachCell(area, (row, column) => apply(ensureCell(sheet, row, column)));
  return {
    fill: (color) => each((cell) => (cell.fill = color)),
    fontColor: (color) => each((cell) => (cell.fontColor = color)),
    bold: (value) => each((cell) => (cell.bold = value)),
    italic: (value) => each((cell) => (cell.italic = value)),
    size: (value) => each((cell) => (cell.fontSize = value)),
  };
}

function conditionalSink(format: ConditionalFormatData): FormatSink {
  return {
    fill: (color) => (format.fill = color),
    fontColor: (color) => (format.fontColor = color),
    bold: () => {
      throw new Error("fake: bold conditional formats are not modelled");
    },
    italic: () => {
      throw new Error("fake: italic conditional formats are not modelled");
    },
    size: () => {
      throw new Error("fake: font size in conditional formats is not modelled");
    },
  };
}

export class FakeFill extends FakeClientObject<FormatSink> {
  set color(value: string) {
    this.command("color", value, true, (sink) => sink.fill(value));
  }
}

export class FakeFont extends FakeClientObject<FormatSink> {
  set color(value: string) {
    this.command("color", value, true, (sink) => sink.fontColor(value));
  }
  set bold(value: boolean) {
    this.command("bold", value, true, (sink) => sink.bold(value));
  }
  set italic(value: boolean) {
    this.command("italic", value, true, (sink) => sink.italic(value));
  }
  set size(value: number) {
    this.command("size", value, true, (sink) => sink.size(value));
  }
}

export class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  get fill(): FakeFill {
    return this.child("fill", () => new FakeFill(this.context, () => rangeSink(this.target())));
  }
  get font(): FakeFont {
    return this.child("font", () => new FakeFont(this.context, () => rangeSink(this.target())));
  }
  /** RangeFormat.columnWidth (behaviours.ts: the standard width where none was set, null when not uniform). */
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  protected override scalar(target: RangeTarget, property: string): unknown {
    if (property === "columnWidth") return columnWidthOf(target.sheet, target.area);
    return super.scalar(target, property);
  }
  set columnWidth(points: number) {
    this.command("columnWidth", points, true, ({ sheet, area }) => {
      for (let column = area.left; column <= area.right; column++) sheet.columnWidths.set(column, points);
    });
  }
  set wrapText(value: boolean) {
    this.command("wrapText", value, true, ({ sheet, area }) => forEachCell(area, (row, column) => (ensureCell(sheet, row, column).wrapText = value)));
  }
  set horizontalAlignment(value: string) {
    this.command("horizontalAlignment", value, true, ({ sheet, area }) => forEachCell(area, (row, column) => (ensureCell(sheet, row, column).horizontalAlignment = value)));
  }
  set verticalAlignment(value: string) {
    this.command("verticalAlignment", value, true, ({ sheet, area }) => forEachCell(area, (row, column) => (ensureCell(sheet, row, column).verticalAlignment = value)));
  }
  set rowHeight(points: number) {
    this.command("rowHeight", points, true, ({ sheet, area }) => {
      for (let row = area.top; row <= area.bottom; row++) sheet.rowHeights.set(row, points);
    });
  }
  get borders(): FakeBorderCollection {
    return this.child("borders", () => new FakeBorderCollection(this.context, () => this.target()));
  }
}

const BORDER_EDGES = new Set(["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"]);

export class FakeBorderCollection extends FakeClientObject<RangeTarget> {
  getItem(index: string): FakeBorder {
    if (!BORDER_EDGES.has(index)) throw new FakeOfficeError("InvalidArgument", `No border ${index}.`);
    return new FakeBorder(this.context, () => ({ ...this.target(), edge: index }));
  }
}

export class FakeBorder extends FakeClientObject<RangeTarget & { edge: string }> {
  set style(value: string) {
    this.command("style", value, true, ({ sheet, area, edge }) => {
      // Excel has no inside edge in a single row or column.
      if ((edge === "InsideVertical" && area.left === area.right) || (edge === "InsideHorizontal" && area.top === area.bottom)) {
        throw new FakeOfficeError("InvalidArgument", `${edge} of a range without inside edges.`);
      }
      forEachCell(area, (row, column) => {
        const cell = ensureCell(sheet, row, column);
        cell.borders = { ...cell.borders, [edge]: value };
      });
    });
  }
}

/** Worksheet.pageLayout (ExcelApi 1.9): what is set is recorded on the sheet. */
export class FakePageLayout extends FakeClientObject<FakeSheet> {
  private set(property: string, value: unknown, apply: (sheet: FakeSheet) => void): void {
    this.context.core.requireApi("1.9", `PageLayout.${property}`);
    this.command(property, value, true, apply);
  }
  set orientation(value: string) {
    this.set("orientation", value, (sheet) => (sheet.pageLayout.orientation = value));
  }
  set paperSize(value: string) {
    this.set("paperSize", value, (sheet) => (sheet.pageLayout.paperSize = value));
  }
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.set("zoom", value, (sheet) => (sheet.pageLayout.zoom = { ...value }));
  }
  set centerHorizontally(value: boolean) {
    this.set("centerHorizontally", value, (sheet) => (sheet.pageLayout.centerHorizontally = value));
  }
  set leftMargin(points: number) {
    this.set("leftMargin", points, (sheet) => (sheet.pageLayout.margins.left = points));
  }
  set rightMargin(points: number) {
    this.set("rightMargin", points, (sheet) => (sheet.pageLayout.margins.right = points));
  }
  set topMargin(points: number) {
    this.set("topMargin", points, (sheet) => (sheet.pageLayout.margins.top = points));
  }
  set bottomMargin(points: number) {
    this.set("bottomMargin", points, (sheet) => (sheet.pageLayout.margins.bottom = points));
  }
  set headerMargin(points: number) {
    this.set("headerMargin", points, (sheet) => (sheet.pageLayout.margins.header = points));
  }
  set footerMargin(points: number) {
    this.set("footerMargin", points, (sheet) => (sheet.pageLayout.margins.footer = points));
  }
  setPrintArea(address: string): void {
    parseArea(address);
    this.set("setPrintArea", address, (sheet) => (sheet.pageLayout.printArea = address));
  }
  setPrintTitleRows(address: string): void {
    if (!/^\$\d+:\$\d+$/.test(address)) throw new FakeOfficeError("InvalidArgument", `Print title rows must be whole rows ("$1:$3"), not ${address}.`);
    this.set("setPrintTitleRows", address, (sheet) => (sheet.pageLayout.printTitleRows = address));
  }
  get headersFooters(): { defaultForAllPages: { centerFooter: string } } {
    const setFooter = (text: string) => this.set("centerFooter", text, (sheet) => (sheet.pageLayout.centerFooter = text));
    return {
      defaultForAllPages: {
        set centerFooter(text: string) {
          setFooter(text);
        },
        get centerFooter(): string {
          throw new Error("fake: the footer is write-only in the fake");
        },
      },
    };
  }
}

export class FakeRangeAreas extends FakeClientObject<AreasTarget> {
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  protected override scalar({ sheet, areas }: AreasTarget, property: string): unknown {
    if (property === "address") return areas.map((area) => `${sheetPrefix(sheet.name)}${areaAddress(area)}`).join(", ");
    if (property === "areaCount") return areas.length;
    return super.scalar({ sheet, areas }, property);
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.child("conditionalFormats", () => new FakeConditionalFormatCollection(this.context, () => this.target()));
  }
}

interface FormatTarget {
  sheet: FakeSheet;
  format: ConditionalFormatData;
}

export class FakeConditionalFormatCollection extends FakeCollection<FormatTarget, FakeConditionalFormat> {
  constructor(
    context: FakeRequestContext,
    private readonly owner: () => AreasTarget,
  ) {
    super(context, () => {
      const { sheet, areas } = owner();
      return sheet.conditionalFormats.filter((format) => format.areas.some((a) => areas.some((b) => intersects(a, b)))).map((format) => ({ sheet, format }));
    });
  }

  /** A loaded item stands for its id, that is its priority when loaded (behaviours.ts): it may later mean another format. */
  protected itemProxy(item: FormatTarget): FakeConditionalFormat {
    const id = String(item.sheet.conditionalFormats.indexOf(item.format));
    return new FakeConditionalFormat(this.context, () => ({ sheet: item.sheet, format: formatAt(item.sheet, id) }));
  }

  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => {
      const { sheet } = this.owner();
      return { sheet, format: formatAt(sheet, id) };
    });
  }

  clearAll(): void {
    this.context.core.enqueue({
      bytes: ACTION_OVERHEAD_BYTES,
      writes: true,
      label: "ConditionalFormatCollection.clearAll",
      run: () => {
        const { sheet, areas } = this.owner();
        checkProtection("ConditionalFormatCollection.clearAll", this.context.book, sheet);
        sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => !format.areas.every((a) => areas.some((b) => contains(b, a))));
      },
    });
  }

  add(type: string): FakeConditionalFormat {
    let created: FormatTarget | undefined;
    this.context.core.enqueue({
      bytes: ACTION_OVERHEAD_BYTES + byteSize(type),
      writes: true,
      label: "ConditionalFormatCollection.add",
      run: () => {
        const { sheet, areas } = this.owner();
        checkProtection("ConditionalFormatCollection.add", this.context.book, sheet);
        const format: ConditionalFormatData = { id: newId(this.context.book, "CF"), type, areas: areas.map((a) => ({ ...a })) };
        sheet.conditionalFormats.unshift(format); // "added at the first/top priority"
        created = { sheet, format };
      },
    });
    return new FakeConditionalFormat(this.context, () => {
      if (!created) throw new Error("fake: the conditional format is used before its add ran");
      return created;
    });
  }
}

export class FakeConditionalFormat extends FakeClientObject<FormatTarget> {
  get type(): string {
    return this.read("type");
  }
  get id(): string {
    return this.read("id");
  }
  protected override scalar({ sheet, format }: FormatTarget, property: string): unknown {
    if (property === "type") return format.type;
    if (property === "id") return String(sheet.conditionalFormats.indexOf(format));
    if (property === "priority") return sheet.conditionalFormats.indexOf(format);
    return super.scalar({ sheet, format }, property);
  }
  override loadPaths(paths: string[][], staged: Staged): void {
    const { format } = this.target();
    for (const [head] of paths) checkFormatRead(format, head);
    super.loadPaths(paths, staged);
  }
  protected override navigation(property: string): FakeClientObject<unknown> | undefined {
    if (property === "customOrNullObject") return this.customOrNullObject;
    if (property === "custom") return this.custom;
    return undefined;
  }
  get custom(): FakeCustomConditionalFormat {
    return this.child("custom", () => new FakeCustomConditionalFormat(this.context, () => {
      const { format } = this.target();
      if (format.type !== "Custom") throw new FakeOfficeError("InvalidOperation", "This conditional format is not a custom one.");
      return format;
    }));
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this.child("customOrNullObject", () => new FakeCustomConditionalFormat(this.context, () => {
      const { format } = this.target();
      return format.type === "Custom" ? format : null;
    }, true));
  }
  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const { sheet, format } = this.target();
      return { sheet, areas: format.areas.map((area) => ({ ...area })) };
    });
  }
  delete(): void {
    this.command("delete", null, true, ({ sheet, format }) => {
      checkFormatDelete(sheet, format, this.context.core.run);
      sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(format), 1);
    });
  }
}

export class FakeCustomConditionalFormat extends FakeClientObject<ConditionalFormatData> {
  get rule(): FakeConditionalFormatRule {
    return this.child("rule", () => new FakeConditionalFormatRule(this.context, () => this.target()));
  }
  get format(): FakeConditionalRangeFormat {
    return this.child("format", () => new FakeConditionalRangeFormat(this.context, () => this.target()));
  }
  protected override navigation(property: string): FakeClientObject<unknown> | undefined {
    return property === "rule" ? this.rule : undefined;
  }
}

export class FakeConditionalFormatRule extends FakeClientObject<ConditionalFormatData> {
  get formula(): string {
    return this.read("formula");
  }
  set formula(value: string) {
    this.command("formula", value, true, (format) => (format.formula = value));
  }
  protected override scalar(format: ConditionalFormatData, property: string): unknown {
    if (property === "formula") return format.formula ?? "";
    return super.scalar(format, property);
  }
}

export class FakeConditionalRangeFormat extends FakeClientObject<ConditionalFormatData> {
  get fill(): FakeFill {
    return this.child("fill", () => new FakeFill(this.context, () => conditionalSink(this.target())));
  }
  get font(): FakeFont {
    return this.child("font", () => new FakeFont(this.context, () => conditionalSink(this.target())));
  }
}

interface NoteTarget {
  sheet: FakeSheet;
  address: string;
}

export class FakeNoteCollection extends FakeClientObject<FakeSheet> {
  private loadedItems: FakeNote[] | undefined;

  get items(): FakeNote[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  /** "items/content": each note of the sheet, reached by its cell as it was at load time. */
  override loadPaths(paths: string[][], staged: Staged): void {
    const sheet = this.target();
    const proxies = [...sheet.notes.keys()].map(
      (address) =>
        new FakeNote(this.context, () => {
          if (!sheet.notes.has(address)) throw new FakeOfficeError("ItemNotFound", "The note no longer exists.");
          return { sheet, address };
        }),
    );
    const itemPaths = paths.map((path) => (path[0] === "items" ? path.slice(1) : path)).filter((path) => path.length > 0);
    for (const proxy of proxies) proxy.loadPaths(itemPaths, staged);
    staged.add(null, () => (this.loadedItems = proxies));
  }

  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.context, () => this.target().notes.size);
  }

  getItem(address: string): FakeNote {
    const normalized = areaAddress(parseArea(address));
    return new FakeNote(this.context, () => {
      const sheet = this.target();
      if (!sheet.notes.has(normalized)) throw new FakeOfficeError("ItemNotFound", `The cell ${normalized} has no note.`);
      return { sheet, address: normalized };
    });
  }

  getItemOrNullObject(address: string): FakeNote {
    const normalized = areaAddress(parseArea(address));
    return new FakeNote(this.context, () => {
      const sheet = this.target();
      return sheet.notes.has(normalized) ? { sheet, address: normalized } : null;
    }, true);
  }

  add(cell: FakeRange | string, content: string): void {
    this.command("add", content, true, (sheet) => {
      const area = typeof cell === "string" ? parseArea(cell) : cell.resolveForFake().area;
      if (typeof cell !== "string" && cell.resolveForFake().sheet !== sheet) throw new FakeOfficeError("InvalidArgument", "The cell is on another sheet.");
      if (cellCount(area) !== 1) throw new FakeOfficeError("InvalidArgument", "A note goes on a single cell.");
      const address = cellAddress(area.top, area.left);
      if (sheet.notes.has(address)) throw new FakeOfficeError("InvalidArgument", `The cell ${address} already has a note.`);
      sheet.notes.set(address, { content, author: NOTE_ADDER });
    });
  }
}

export class FakeNote extends FakeClientObject<NoteTarget> {
  get content(): string {
    return this.read("content");
  }
  set content(value: string) {
    this.command("content", value, true, ({ sheet, address }) => {
      const note = sheet.notes.get(address);
      if (!note) throw new FakeOfficeError("ItemNotFound", "The note no longer exists.");
      note.content = value;
    });
  }
  /** Note.authorName (ExcelApi 1.18): read-only (behaviours.ts). */
  get authorName(): string {
    return this.read("authorName");
  }
  protected override scalar({ sheet, address }: NoteTarget, property: string): unknown {
    if (property === "content") return sheet.notes.get(address)?.content;
    if (property === "authorName") return sheet.notes.get(address)?.author;
    return super.scalar({ sheet, address }, property);
  }
  /** Note.getLocation (ExcelApi 1.18): the note's cell. */
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, address } = this.target();
      if (!sheet.notes.has(address)) throw new FakeOfficeError("ItemNotFound", "The note no longer exists.");
      return { sheet, area: parseArea(address) };
    });
  }
  delete(): void {
    this.command("delete", null, true, ({ sheet, address }) => {
      if (!sheet.notes.delete(address)) throw new FakeOfficeError("ItemNotFound", "The note no longer exists.");
    });
  }
}

export class FakeDataValidation extends FakeClientObject<RangeTarget> {
  get rule(): unknown {
    return this.read("rule");
  }
  /** The rule of the range's first cell (the fake keeps validation per cell). */
  protected override scalar({ sheet, area }: RangeTarget, property: string): unknown {
    if (property === "rule") return structuredClone(sheet.validations.get(cellKey(area.top, area.left))?.rule ?? null);
    return super.scalar({ sheet, area }, property);
  }
  clear(): void {
    this.command("clear", null, true, ({ sheet, area }) => forEachCell(area, (row, column) => sheet.validations.delete(cellKey(row, column))));
  }
  set rule(rule: unknown) {
    this.command("rule", rule, true, ({ sheet, area }) => {
      forEachCell(area, (row, column) => {
        const existing = sheet.validations.get(cellKey(row, column));
        if (existing?.rule !== undefined) {
          throw new FakeOfficeError("InvalidOperation", `${cellAddress(row, column)} already has validation: clear it first.`);
        }
        sheet.validations.set(cellKey(row, column), { ...existing, rule: structuredClone(rule) });
      });
    });
  }
  set ignoreBlanks(value: boolean) {
    this.setPart("ignoreBlanks", value);
  }
  set errorAlert(value: unknown) {
    this.setPart("errorAlert", structuredClone(value));
  }
  private setPart(part: keyof FakeValidation, value: unknown): void {
    this.command(part, value, true, ({ sheet, area }) =>
      forEachCell(area, (row, column) => sheet.validations.set(cellKey(row, column), { ...sheet.validations.get(cellKey(row, column)), [part]: value })),
    );
  }
}

export class FakeChartCollection extends FakeClientObject<FakeSheet> {
  private loadedItems: FakeChartObject[] | undefined;

  get items(): FakeChartObject[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  override loadPaths(paths: string[][], staged: Staged): void {
    const sheet = this.target();
    const proxies = sheet.charts.map(
      (chart) =>
        new FakeChartObject(this.context, () => {
          if (!sheet.charts.includes(chart)) throw new FakeOfficeError("ItemNotFound", "The chart no longer exists.");
          return chart;
        }),
    );
    const itemPaths = paths.map((path) => (path[0] === "items" ? path.slice(1) : path)).filter((path) => path.length > 0);
    for (const proxy of proxies) proxy.loadPaths(itemPaths, staged);
    staged.add(null, () => (this.loadedItems = proxies));
  }

  add(type: string, source: FakeRange, seriesBy: string): FakeChartObject {
    let created: FakeChart | undefined;
    this.command("add", { type, seriesBy }, true, (sheet) => {
      const target = source.resolveForFake();
      if (target.sheet !== sheet) throw new FakeOfficeError("InvalidArgument", "The chart's data is on another sheet.");
      created = { type, source: areaAddress(target.area), seriesBy };
      sheet.charts.push(created);
    });
    return new FakeChartObject(this.context, () => {
      if (!created) throw new Error("fake: the added chart is used before its add ran");
      return created;
    });
  }
}

export class FakeChartObject extends FakeClientObject<FakeChart> {
  get name(): string {
    return this.read("name");
  }
  protected override scalar(chart: FakeChart, property: string): unknown {
    if (property === "name") return chart.title ?? chart.type;
    return super.scalar(chart, property);
  }
  delete(): void {
    this.command("delete", null, true, (chart) => {
      for (const sheet of this.context.book.sheets) {
        const index = sheet.charts.indexOf(chart);
        if (index >= 0) {
          checkProtection("Chart.delete", this.context.book, sheet);
          sheet.charts.splice(index, 1);
        }
      }
    });
  }
  get title(): FakeChartTitle {
    return this.child("title", () => new FakeChartTitle(this.context, () => this.target()));
  }
  setPosition(startCell: string, endCell?: string): void {
    this.command("setPosition", [startCell, endCell], true, (chart) => {
      chart.position = areaAddress({ ...parseArea(startCell), ...(endCell ? { bottom: parseArea(endCell).bottom, right: parseArea(endCell).right } : {}) });
    });
  }
}

export class FakeChartTitle extends FakeClientObject<FakeChart> {
  set text(value: string) {
    this.command("text", value, true, (chart) => (chart.title = value));
  }
}

/** For tests: whether an area lies inside another. */
export { contains };
