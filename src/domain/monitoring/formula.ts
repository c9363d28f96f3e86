/**
 * A small safe evaluator for indicator formulas over named monitoring variables: numbers (decimal
 * comma or dot), names (Latin or Cyrillic letters, digits, "_"), + - * / ( ) and unary minus.
 * "×", "·" and ":" are read as multiplication and division, as documents print them.
 * Anything else is a syntax error. Division by zero or an unknown variable gives no value (null).
 */

type Node =
  | { kind: "number"; value: number }
  | { kind: "variable"; name: string }
  | { kind: "negate"; operand: Node }
  | { kind: "binary"; operator: "+" | "-" | "*" | "/"; left: Node; right: Node };

type Token = { kind: "number"; value: number } | { kind: "name"; name: string } | { kind: "op"; op: string };

export class FormulaSyntaxError extends Error {
  override name = "FormulaSyntaxError";
}

const TOKEN = /\s*(?:(\d+(?:[.,]\d+)?)|([\p{L}_][\p{L}\p{N}_]*)|([-+*/():×·−–]))/uy;
const OPERATOR_ALIASES: Record<string, string> = { "×": "*", "·": "*", ":": "/", "−": "-", "–": "-" };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) throw new FormulaSyntaxError(`недопустимий символ у формулі на позиції ${at + 1}`);
    if (match[1] !== undefined) tokens.push({ kind: "number", value: Number(match[1].replace(",", ".")) });
    else if (match[2] !== undefined) tokens.push({ kind: "name", name: match[2] });
    else tokens.push({ kind: "op", op: OPERATOR_ALIASES[match[3] ?? ""] ?? match[3] ?? "" });
  }
  return tokens;
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    if (this.tokens.length === 0) throw new FormulaSyntaxError("порожня формула");
    const node = this.expression();
    if (this.position < this.tokens.length) throw new FormulaSyntaxError("зайві символи після виразу");
    return node;
  }

  private peekOp(...ops: string[]): string | null {
    const token = this.tokens[this.position];
    return token?.kind === "op" && ops.includes(token.op) ? token.op : null;
  }

  private expression(): Node {
    let node = this.term();
    for (let op = this.peekOp("+", "-"); op; op = this.peekOp("+", "-")) {
      this.position++;
      node = { kind: "binary", operator: op as "+" | "-", left: node, right: this.term() };
    }
    return node;
  }

  private term(): Node {
    let node = this.factor();
    for (let op = this.peekOp("*", "/"); op; op = this.peekOp("*", "/")) {
      this.position++;
      node = { kind: "binary", operator: op as "*" | "/", left: node, right: this.factor() };
    }
    return node;
  }

  private factor(): Node {
    const token = this.tokens[this.position++];
    if (!token) throw new FormulaSyntaxError("формула обривається");
    if (token.kind === "number") return { kind: "number", value: token.value };
    if (token.kind === "name") return { kind: "variable", name: token.name };
    if (token.op === "-") return { kind: "negate", operand: this.factor() };
    if (token.op === "+") return this.factor();
    if (token.op === "(") {
      const inner = this.expression();
      if (!this.peekOp(")")) throw new FormulaSyntaxError("не закрито дужку");
      this.position++;
      return inner;
    }
    throw new FormulaSyntaxError(`неочікуваний знак «${token.op}»`);
  }
}

function evaluate(node: Node, variables: Readonly<Record<string, number>>): number | null {
  switch (node.kind) {
    case "number":
      return node.value;
    case "variable":
      return Object.hasOwn(variables, node.name) ? (variables[node.name] ?? null) : null;
    case "negate": {
      const value = evaluate(node.operand, variables);
      return value === null ? null : -value;
    }
    case "binary":
      return applyBinary(node.operator, evaluate(node.left, variables), evaluate(node.right, variables));
  }
}

function applyBinary(
  operator: "+" | "-" | "*" | "/",
  left: number | null,
  right: number | null,
): number | null {
  if (left === null || right === null) return null;
  if (operator === "/" && right === 0) return null;
  const value = { "+": left + right, "-": left - right, "*": left * right, "/": left / right }[operator];
  return Number.isFinite(value) ? value : null;
}

function collectVariables(node: Node, into: Set<string>): Set<string> {
  if (node.kind === "variable") into.add(node.name);
  if (node.kind === "negate") collectVariables(node.operand, into);
  if (node.kind === "binary") {
    collectVariables(node.left, into);
    collectVariables(node.right, into);
  }
  return into;
}

export interface CompiledFormula {
  /** Variable names in order of first appearance. */
  variables: string[];
  evaluate(variables: Readonly<Record<string, number>>): number | null;
}

/** Parses a formula once; throws FormulaSyntaxError (Ukrainian message) when it is not arithmetic. */
export function compileFormula(text: string): CompiledFormula {
  const tree = new Parser(tokenize(text)).parse();
  return {
    variables: [...collectVariables(tree, new Set())],
    evaluate: (variables) => evaluate(tree, variables),
  };
}

/** Evaluates a formula; null when a variable is missing or a division by zero occurs. */
export function evaluateFormula(
  text: string,
  variables: Readonly<Record<string, number>> = {},
): number | null {
  return compileFormula(text).evaluate(variables);
}

/** Like compileFormula, but null instead of an error, for formulas that are prose in the documents. */
export function tryCompileFormula(text: string): CompiledFormula | null {
  try {
    return compileFormula(text);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return null;
    throw error;
  }
}
