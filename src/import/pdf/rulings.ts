/**
 * A page's straight ruling lines (table borders), in page space. Two ways to them, one result: from
 * pdf.js's operator list (`operatorListRulings`), and from the page's content streams read here
 * (`contentRulings`), which builds the same paths with the same graphics-state transforms as pdf.js's
 * evaluator does for the operator list (its `buildPath`, `EvaluatorPreprocessor` and form XObjects), for
 * a fraction of the time: no fonts, no glyphs, no operator list to copy between pdf.js's two halves.
 * The content reader throws `Unread` at whatever it does not follow exactly as pdf.js does (inline
 * images, annotations that draw, an operator with the wrong count of operands…): the caller then asks
 * pdf.js. Both feed the same `RulingCollector`, so what is made of a path is written once.
 */
import type { Ruling } from "./geometry.js";
import {
  isName,
  isRegular,
  isSpace,
  Name,
  type PdfDict,
  type PdfObjects,
  PdfStream,
  type PdfValue,
  Ref,
  Unread,
} from "./objects.js";

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: ArrayLike<number>): Matrix {
  const [n0 = 0, n1 = 0, n2 = 0, n3 = 0, n4 = 0, n5 = 0] = [n[0], n[1], n[2], n[3], n[4], n[5]];
  return [
    m[0] * n0 + m[2] * n1,
    m[1] * n0 + m[3] * n1,
    m[0] * n2 + m[2] * n3,
    m[1] * n2 + m[3] * n3,
    m[0] * n4 + m[2] * n5 + m[4],
    m[1] * n4 + m[3] * n5 + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** pdf.js's path opcodes inside a `constructPath` (DrawOPS). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_TO = 3;
const CLOSE = 4;

/** A filled rectangle thinner than this is a ruling drawn as a bar (Word's PDFs draw borders so). */
const BAR = 2.5;

/** How a path is painted: pdf.js's painting operators, by the content stream's names. */
export type Paint = "S" | "s" | "f" | "f*" | "B" | "B*" | "b" | "b*" | "n";
/** The paints that can draw a ruling (closing fill-and-strokes and `n` never did here). */
const DRAWS: ReadonlySet<Paint> = new Set<Paint>(["S", "s", "f", "f*", "B", "B*"]);

/** The polygons of a pdf.js path: its points, subpath by subpath. */
function subpaths(data: ArrayLike<number>): [number, number][][] {
  const paths: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let at = 0; at < data.length; ) {
    const op = data[at] ?? CLOSE;
    if (op === MOVE_TO) {
      if (current.length > 0) paths.push(current);
      current = [[data[at + 1] ?? 0, data[at + 2] ?? 0]];
      at += 3;
    } else if (op === LINE_TO) {
      current.push([data[at + 1] ?? 0, data[at + 2] ?? 0]);
      at += 3;
    } else if (op === CURVE_TO) at += 7;
    else if (op === QUADRATIC_TO) at += 5;
    else {
      if (current[0]) current.push(current[0]);
      at += 1;
    }
  }
  if (current.length > 0) paths.push(current);
  return paths;
}

export interface Rulings {
  horizontal: Ruling[];
  vertical: Ruling[];
}

function addSegment(out: Rulings, [x1, y1]: [number, number], [x2, y2]: [number, number]): void {
  if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) > 1) {
    out.horizontal.push({ at: y1, from: Math.min(x1, x2), to: Math.max(x1, x2) });
  } else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) > 1) {
    out.vertical.push({ at: x1, from: Math.min(y1, y2), to: Math.max(y1, y2) });
  }
}

/** A filled thin rectangle is one ruling along its middle; a stroked path, each straight side. */
function addPath(out: Rulings, points: [number, number][], filled: boolean): void {
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [left, right, bottom, top] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (filled && top - bottom < BAR && right - left > 1) {
    out.horizontal.push({ at: (top + bottom) / 2, from: left, to: right });
    return;
  }
  if (filled && right - left < BAR && top - bottom > 1) {
    out.vertical.push({ at: (left + right) / 2, from: bottom, to: top });
    return;
  }
  for (let index = 1; index < points.length; index++) {
    const from = points[index - 1];
    const to = points[index];
    if (from && to) addSegment(out, from, to);
  }
}

/** The transforms in force as an operator list is walked, and the rulings its painted paths make. */
export class RulingCollector {
  readonly rulings: Rulings = { horizontal: [], vertical: [] };
  private readonly stack: Matrix[] = [];
  private matrix: Matrix = IDENTITY;

  save(): void {
    this.stack.push(this.matrix);
  }

  restore(): void {
    this.matrix = this.stack.pop() ?? IDENTITY;
  }

  transform(by: ArrayLike<number>): void {
    this.matrix = multiply(this.matrix, by);
  }

  beginForm(matrix: ArrayLike<number> | null | undefined): void {
    this.stack.push(this.matrix);
    if (matrix) this.matrix = multiply(this.matrix, matrix);
  }

  endForm(): void {
    this.restore();
  }

  /** A `constructPath`: pdf.js's path data (Float32), painted so. */
  paint(paint: Paint, data: ArrayLike<number> | null | undefined): void {
    if (!DRAWS.has(paint) || !data) return;
    const filled = paint !== "S" && paint !== "s";
    const current = this.matrix;
    for (const points of subpaths(data)) {
      addPath(
        this.rulings,
        points.map(([x, y]) => apply(current, x, y)),
        filled,
      );
    }
  }
}

/** pdf.js's operator codes, the few read here (its `OPS`). */
export interface OperatorCodes {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  endPath: number;
}

export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

function paintsByCode(ops: OperatorCodes): Map<number, Paint> {
  return new Map<number, Paint>([
    [ops.stroke, "S"],
    [ops.closeStroke, "s"],
    [ops.fill, "f"],
    [ops.eoFill, "f*"],
    [ops.fillStroke, "B"],
    [ops.eoFillStroke, "B*"],
    [ops.closeFillStroke, "b"],
    [ops.closeEOFillStroke, "b*"],
    [ops.endPath, "n"],
  ]);
}

/** The rulings of pdf.js's operator list of a page. */
export function operatorListRulings(list: OperatorList, ops: OperatorCodes): Rulings {
  const paints = paintsByCode(ops);
  const collector = new RulingCollector();
  for (let index = 0; index < list.fnArray.length; index++) {
    const fn = list.fnArray[index];
    const args = list.argsArray[index] as unknown[] | null;
    if (fn === ops.save) collector.save();
    else if (fn === ops.restore) collector.restore();
    else if (fn === ops.transform) collector.transform(args as unknown as Matrix);
    else if (fn === ops.paintFormXObjectBegin) collector.beginForm(args?.[0] as Matrix | null | undefined);
    else if (fn === ops.paintFormXObjectEnd) collector.endForm();
    else if (fn === ops.constructPath && args) {
      const paint = paints.get(args[0] as number);
      if (paint) collector.paint(paint, (args[1] as ArrayLike<number>[] | undefined)?.[0]);
    }
  }
  return collector.rulings;
}

/**
 * The content operators pdf.js knows, with their count of operands (its `EvaluatorPreprocessor.opMap`);
 * a negative count: at most that many (the colour operators).
 */
const OPERANDS: Readonly<Record<string, number>> = {
  w: 1,
  J: 1,
  j: 1,
  M: 1,
  d: 2,
  ri: 1,
  i: 1,
  gs: 1,
  q: 0,
  Q: 0,
  cm: 6,
  m: 2,
  l: 2,
  c: 6,
  v: 4,
  y: 4,
  h: 0,
  re: 4,
  S: 0,
  s: 0,
  f: 0,
  F: 0,
  "f*": 0,
  B: 0,
  "B*": 0,
  b: 0,
  "b*": 0,
  n: 0,
  W: 0,
  "W*": 0,
  BT: 0,
  ET: 0,
  Tc: 1,
  Tw: 1,
  Tz: 1,
  TL: 1,
  Tf: 2,
  Tr: 1,
  Ts: 1,
  Td: 2,
  TD: 2,
  Tm: 6,
  "T*": 0,
  Tj: 1,
  TJ: 1,
  "'": 1,
  '"': 3,
  d0: 2,
  d1: 6,
  CS: 1,
  cs: 1,
  SC: -4,
  SCN: -33,
  sc: -4,
  scn: -33,
  G: 1,
  g: 1,
  RG: 3,
  rg: 3,
  K: 4,
  k: 4,
  sh: 1,
  Do: 1,
  MP: 1,
  DP: 2,
  BMC: 1,
  BDC: 2,
  EMC: 0,
  BX: 0,
  EX: 0,
};
/** pdf.js gives up on a content stream at an operator with more operands than this. */
const MAX_OPERANDS = 33;
/** Forms inside forms deeper than this are not a document's. */
const MAX_FORM_DEPTH = 16;

const NUMBER_START = new Uint8Array(256);
for (const byte of Buffer.from("0123456789+-.")) NUMBER_START[byte] = 1;

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let word = "";
  for (let at = start; at < end; at++) word += String.fromCharCode(bytes[at] ?? 0);
  return word;
}

function wordEnd(bytes: Uint8Array, start: number): number {
  let at = start;
  while (at < bytes.length && isRegular(bytes[at] ?? 0)) at++;
  return at;
}

function skipComment(bytes: Uint8Array, start: number): number {
  let at = start;
  while (at < bytes.length && bytes[at] !== 0x0a && bytes[at] !== 0x0d) at++;
  return at;
}

/**
 * Past a string, an array or a dictionary (one operand, whatever it holds); nested ones counted, strings'
 * parentheses too. A stream that ends inside one, or a stray closing bracket, is left to pdf.js.
 */
function skipOperand(bytes: Uint8Array, start: number): number {
  let depth = 0;
  let at = start;
  do {
    const byte = bytes[at];
    if (byte === undefined) throw new Unread("operand not closed");
    if (byte === 0x28 /* ( */) at = skipString(bytes, at);
    else if (byte === 0x25 /* % */) at = skipComment(bytes, at);
    else if (byte === 0x3c /* < */ && bytes[at + 1] === 0x3c) {
      depth++;
      at += 2;
    } else if (byte === 0x3c) at = skipHex(bytes, at);
    else if (byte === 0x3e /* > */ && bytes[at + 1] === 0x3e) {
      depth--;
      at += 2;
    } else if (byte === 0x5b /* [ */) {
      depth++;
      at++;
    } else if (byte === 0x5d /* ] */) {
      depth--;
      at++;
    } else if (byte === 0x29 || byte === 0x3e || byte === 0x7b || byte === 0x7d)
      throw new Unread("stray bracket");
    else at++;
    if (depth < 0) throw new Unread("stray bracket");
    if (depth > MAX_NESTING) throw new Unread("nested too deep");
  } while (depth > 0);
  return at;
}

/** Arrays and dictionaries in a content stream deeper than this are not a document's. */
const MAX_NESTING = 64;

function skipString(bytes: Uint8Array, start: number): number {
  let depth = 0;
  for (let at = start; at < bytes.length; at++) {
    const byte = bytes[at];
    if (byte === 0x5c /* \ */) at++;
    else if (byte === 0x28) depth++;
    else if (byte === 0x29 && --depth === 0) return at + 1;
  }
  throw new Unread("string not closed");
}

/** Past a hexadecimal string: at its first `>`, as pdf.js's lexer ends it (whatever it holds). */
function skipHex(bytes: Uint8Array, start: number): number {
  const end = bytes.indexOf(0x3e, start + 1);
  if (end < 0) throw new Unread("hex string not closed");
  return end + 1;
}

/** An operand: a number, a name (for `Do`), or anything else. */
type Operand = number | Name | undefined;

/** Reads one content stream's operators into `collector`, as pdf.js's evaluator would build its operator list. */
class ContentReader {
  private readonly operands: Operand[] = [];
  /** The path under construction: pdf.js's path buffer (DrawOPS and coordinates). */
  private path: number[] = [];
  /** The `q`s not yet closed by a `Q`: pdf.js closes them at the end of a stream. */
  private open = 0;

  constructor(
    private readonly objects: PdfObjects,
    private readonly collector: RulingCollector,
    private readonly resources: PdfDict,
    private readonly forms: Set<number>,
  ) {}

  /** The stream's tokens, read byte by byte (no strings made but operators' and names'). */
  read(bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length; ) {
      const byte = bytes[at] ?? 0;
      if (isSpace(byte)) at++;
      else if (byte === 0x25 /* % */) at = skipComment(bytes, at);
      else if (NUMBER_START[byte] === 1) at = this.number(bytes, at);
      else if (byte === 0x2f /* / */) {
        const end = wordEnd(bytes, at + 1);
        this.push(new Name(latin1(bytes, at + 1, end)));
        at = end;
      } else if (byte === 0x28 || byte === 0x3c || byte === 0x5b /* ( < [ */) {
        at = skipOperand(bytes, at);
        this.push(undefined);
      } else if (isRegular(byte)) {
        const end = wordEnd(bytes, at);
        const word = latin1(bytes, at, end);
        if (word === "true" || word === "false") this.push(undefined);
        else this.operator(word);
        at = end;
      } else throw new Unread(`unexpected ${String.fromCharCode(byte)}`);
    }
    for (; this.open > 0; this.open--) this.collector.restore();
  }

  private push(operand: Operand): void {
    if (this.operands.length === MAX_OPERANDS) throw new Unread("too many operands");
    this.operands.push(operand);
  }

  /** A number, computed as pdf.js's lexer does (digit by digit, then one division); its end. */
  private number(bytes: Uint8Array, start: number): number {
    let at = start;
    let sign = 1;
    if (bytes[at] === 0x2d || bytes[at] === 0x2b) sign = bytes[at++] === 0x2d ? -1 : 1;
    let divideBy = 0;
    if (bytes[at] === 0x2e) {
      divideBy = 10;
      at++;
    }
    const first = bytes[at] ?? 0;
    if (first < 0x30 || first > 0x39) throw new Unread("not a number");
    let value = first - 0x30;
    for (at++; at < bytes.length; at++) {
      const byte = bytes[at] ?? 0;
      if (byte >= 0x30 && byte <= 0x39) {
        if (divideBy !== 0) divideBy *= 10;
        value = value * 10 + (byte - 0x30);
      } else if (byte === 0x2e && divideBy === 0) divideBy = 1;
      else break;
    }
    if (at < bytes.length && isRegular(bytes[at] ?? 0)) throw new Unread("not a number");
    this.push(sign * (divideBy !== 0 ? value / divideBy : value));
    return at;
  }

  private numbers(count: number): number[] {
    const values = this.operands as number[];
    if (values.some((value) => typeof value !== "number")) throw new Unread("operands not numbers");
    return values.slice(0, count);
  }

  private operator(word: string): void {
    const expected = OPERANDS[word];
    if (expected === undefined) throw new Unread(`operator ${word}`);
    const count = this.operands.length;
    if (count > MAX_OPERANDS) throw new Unread("too many operands");
    if (expected >= 0 ? count !== expected : count > -expected) throw new Unread(`operands of ${word}`);
    this.apply(word);
    this.operands.length = 0;
  }

  private apply(word: string): void {
    switch (word) {
      case "q":
        this.open++;
        this.collector.save();
        return;
      case "Q":
        if (this.open > 0) this.open--;
        this.collector.restore();
        return;
      case "cm":
        this.collector.transform(this.numbers(6));
        return;
      case "m":
      case "l": {
        const [x = 0, y = 0] = this.numbers(2);
        this.path.push(word === "m" ? MOVE_TO : LINE_TO, x, y);
        return;
      }
      case "c":
      case "v":
      case "y":
        // A curve's points are never a ruling's (`subpaths` steps over them): only their place is kept.
        this.numbers(0);
        this.path.push(CURVE_TO, 0, 0, 0, 0, 0, 0);
        return;
      case "h":
        this.path.push(CLOSE);
        return;
      case "re":
        this.rectangle(this.numbers(4));
        return;
      case "S":
      case "s":
      case "f":
      case "F":
      case "f*":
      case "B":
      case "B*":
      case "b":
      case "b*":
      case "n":
        this.paint(word === "F" ? "f" : word);
        return;
      case "Do":
        this.xobject(this.operands[0]);
        return;
      default:
    }
  }

  private rectangle([x = 0, y = 0, width = 0, height = 0]: number[]): void {
    const [xw, yh] = [x + width, y + height];
    if (width === 0 || height === 0) this.path.push(MOVE_TO, x, y, LINE_TO, xw, yh, CLOSE);
    else this.path.push(MOVE_TO, x, y, LINE_TO, xw, y, LINE_TO, xw, yh, LINE_TO, x, yh, CLOSE);
  }

  private paint(paint: Paint): void {
    if (paint === "s" || paint === "b" || paint === "b*") this.path.push(CLOSE);
    if (this.path.length === 0) return;
    this.collector.paint(paint, new Float32Array(this.path));
    this.path = [];
  }

  private xobject(name: Operand): void {
    if (!(name instanceof Name)) throw new Unread("Do without a name");
    const xobjects = this.objects.resolve(this.resources.get("XObject"));
    const raw = xobjects instanceof Map ? xobjects.get(name.name) : undefined;
    const xobject = this.objects.resolve(raw);
    if (!(xobject instanceof PdfStream)) throw new Unread("XObject not a stream");
    const subtype = xobject.dict.get("Subtype");
    if (isName(subtype, "Image") || isName(subtype, "PS")) return;
    if (!isName(subtype, "Form")) throw new Unread("XObject of another kind");
    if (!(raw instanceof Ref) || this.forms.has(raw.num) || this.forms.size >= MAX_FORM_DEPTH) {
      throw new Unread("form not by reference, or nested in itself");
    }
    this.form(raw, xobject);
  }

  private form(ref: Ref, form: PdfStream): void {
    const own = this.objects.resolve(form.dict.get("Resources"));
    this.collector.beginForm(formMatrix(this.objects, form.dict.get("Matrix")));
    this.forms.add(ref.num);
    new ContentReader(
      this.objects,
      this.collector,
      own instanceof Map ? own : this.resources,
      this.forms,
    ).read(this.objects.decode(form));
    this.forms.delete(ref.num);
    this.collector.endForm();
  }
}

/** A form's matrix as pdf.js hands it on (Float32), or null when it is not six numbers. */
function formMatrix(objects: PdfObjects, value: PdfValue | undefined): Float32Array | null {
  const matrix = objects.resolve(value);
  if (!Array.isArray(matrix) || matrix.length !== 6) return null;
  const numbers = matrix.map((item) => objects.resolve(item));
  return numbers.every((item) => typeof item === "number") ? new Float32Array(numbers as number[]) : null;
}

/** A page property that a page inherits from its parents when it has none. */
function inherited(objects: PdfObjects, page: PdfDict, key: string): PdfValue | undefined {
  let node: PdfDict | undefined = page;
  for (let depth = 0; node && depth < 64; depth++) {
    const value = objects.resolve(node.get(key));
    if (value !== undefined) return value;
    const parent = objects.resolve(node.get("Parent"));
    node = parent instanceof Map ? parent : undefined;
  }
  return undefined;
}

/** pdf.js draws an annotation's appearance into the operator list: only links without one draw nothing. */
function checkAnnotations(objects: PdfObjects, page: PdfDict): void {
  const annotations = objects.resolve(page.get("Annots"));
  if (annotations === undefined || annotations === null) return;
  if (!Array.isArray(annotations)) throw new Unread("annotations not an array");
  for (const item of annotations) {
    const annotation = objects.resolve(item);
    if (!(annotation instanceof Map) || !isName(annotation.get("Subtype"), "Link") || annotation.has("AP")) {
      throw new Unread("an annotation that may draw");
    }
  }
}

/** The page's content: its streams' data, one after another, as pdf.js joins them. */
function pageContent(objects: PdfObjects, page: PdfDict): Uint8Array {
  const contents = objects.resolve(page.get("Contents"));
  const items = Array.isArray(contents)
    ? contents
    : contents === undefined || contents === null
      ? []
      : [contents];
  const parts = items.map((item) => {
    const stream = objects.resolve(item);
    if (!(stream instanceof PdfStream) || stream.dict.has("Resources"))
      throw new Unread("content not a plain stream");
    return objects.decode(stream);
  });
  return parts.length === 1 ? (parts[0] ?? new Uint8Array()) : Buffer.concat(parts);
}

/** The rulings of a page read from its content streams; throws `Unread` where pdf.js must read them. */
export function contentRulings(objects: PdfObjects, pageRef: { num: number; gen: number }): Rulings {
  const page = objects.fetch(new Ref(pageRef.num, pageRef.gen));
  if (!(page instanceof Map) || !isName(page.get("Type"), "Page")) throw new Unread("not a page");
  checkAnnotations(objects, page);
  const resources = inherited(objects, page, "Resources");
  const collector = new RulingCollector();
  const content = pageContent(objects, page);
  new ContentReader(objects, collector, resources instanceof Map ? resources : new Map(), new Set()).read(
    content,
  );
  return collector.rulings;
}
