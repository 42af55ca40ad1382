import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ValidationError } from './types';

/** What a geodata file may be, at most: past these the loader refuses the file with a message. */
const LIMITS = {
  /** Characters in one JSON file or source text. */
  fileChars: 5_000_000,
  /** Nesting of arrays and objects (a MultiPolygon needs 5). */
  depth: 32,
  /** Items in one array or keys in one object. */
  items: 100_000,
  /** Characters in one string of a JSON file. */
  stringChars: 20_000
} as const;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]/;

const codePoint = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The index of the first lone surrogate, or -1 (checked only when the string is not well formed). */
function loneSurrogate(value: string): number {
  if ((value as string & { isWellFormed(): boolean }).isWellFormed()) return -1;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

/**
 * Where a string has a character that breaks exports (C0/C1 controls, lone surrogates, U+FFFE/U+FFFF;
 * in a source text, tab and newline are allowed): "U+0001 at index 3", or null when it is clean.
 */
export function controlCharacter(value: string, inText = false): string | null {
  const found = (inText ? CONTROL_IN_TEXT : CONTROL).exec(value);
  const surrogate = loneSurrogate(value);
  const at = found && (surrogate === -1 || found.index < surrogate) ? found.index : surrogate;
  return at === -1 ? null : `${codePoint(value.charCodeAt(at))} at index ${at}`;
}

/** A short, safe rendering of any value for a message: never recursive past the limits, never long. */
export function describe(value: unknown, max = 80): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Array.isArray(value) ? '[…]' : typeof value === 'object' ? '{…}' : String(value);
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A problem found in a JSON tree, at a path like `features[2].properties.name`. */
interface TreeProblem {
  path: (string | number)[];
  message: string;
  /** True when the tree cannot be read further (too deep or too big): the file is refused. */
  fatal: boolean;
}

/** Formats a path as `features[2].properties.name`. */
function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * Walks parsed JSON without recursion past {@link LIMITS.depth}: reports nesting too deep, arrays or
 * objects too big, strings too long and control characters in any string or key.
 */
function treeProblems(root: unknown): TreeProblem[] {
  const problems: TreeProblem[] = [];
  type Node = { value: unknown; key: string | number | null; parent: Node | null; depth: number };
  const pathOf = (node: Node, key?: string) => {
    const path: (string | number)[] = key === undefined ? [] : [key];
    for (let n: Node | null = node; n && n.key !== null; n = n.parent) path.unshift(n.key);
    return path;
  };
  const stack: Node[] = [{ value: root, key: null, parent: null, depth: 0 }];
  while (stack.length > 0 && problems.length < 50) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      if (value.length > LIMITS.stringChars) problems.push({ path: pathOf(node), message: `a string of ${value.length} characters is longer than ${LIMITS.stringChars}`, fatal: false });
      const bad = controlCharacter(value);
      if (bad) problems.push({ path: pathOf(node), message: `${describe(value, 40)} contains the control character ${bad}`, fatal: false });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (node.depth >= LIMITS.depth) {
      problems.push({ path: pathOf(node), message: `nesting deeper than ${LIMITS.depth} levels`, fatal: true });
      return problems;
    }
    const keys = Array.isArray(value) ? null : Object.keys(value);
    const size = keys ? keys.length : (value as unknown[]).length;
    if (size > LIMITS.items) {
      problems.push({ path: pathOf(node), message: `${size} items, more than ${LIMITS.items}`, fatal: true });
      return problems;
    }
    for (let i = size - 1; i >= 0; i--) {
      const key = keys ? keys[i]! : i;
      if (typeof key === 'string') {
        const bad = controlCharacter(key);
        if (bad) problems.push({ path: pathOf(node, key), message: `the key contains the control character ${bad}`, fatal: false });
      }
      stack.push({ value: (value as Record<string | number, unknown>)[key], key, parent: node, depth: node.depth + 1 });
    }
  }
  return problems;
}

/** Whether a URL is absolute `http:` or `https:` (the only links the map shows or exports). */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const digests = new Map<string, string>();

/** The SHA-256 of a text's UTF-8 bytes, as lower-case hex (what `sha256sum` prints for the file). */
export function sha256Hex(text: string): string {
  let hex = digests.get(text);
  if (hex === undefined) {
    hex = bytesToHex(sha256(utf8ToBytes(text)));
    if (digests.size > 16) digests.clear();
    digests.set(text, hex);
  }
  return hex;
}

const textProblems = new Map<string, string | null>();

/** Problems of a source text as a file: a BOM, CR line endings, control characters, its size (remembered per text). */
export function sourceTextProblem(text: string): string | null {
  let problem = textProblems.get(text);
  if (problem === undefined) {
    problem = textProblem(text);
    if (textProblems.size > 16) textProblems.clear();
    textProblems.set(text, problem);
  }
  return problem;
}

function textProblem(text: string): string | null {
  if (text.length > LIMITS.fileChars) return `is ${text.length} characters, more than ${LIMITS.fileChars}`;
  if (text.startsWith('\ufeff')) return 'starts with a byte order mark (BOM): offsets would shift by one; save it as UTF-8 without BOM';
  const cr = text.indexOf('\r');
  if (cr !== -1) return `has a carriage return (CR) at index ${cr}: offsets count in LF-only text; convert the line endings to LF`;
  const bad = controlCharacter(text, true);
  return bad ? `contains the control character ${bad}` : null;
}

/** Reports, as warnings, the keys of an object that the format does not know (a typo like `citatons`). */
export function unknownKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  where: { file: string; feature?: string; what: string },
  warnings: ValidationError[]
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      warnings.push({ file: where.file, feature: where.feature, message: `unknown key ${describe(key)} in ${where.what} (known: ${known.join(', ')})` });
    }
  }
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The id of the feature or entry a path points into (`features[2]…` or `[2]…`), or `#2` when it has no valid id. */
function entryAt(json: unknown, path: readonly (string | number)[]): string | undefined {
  const [list, index] = path[0] === 'features' ? [(json as { features?: unknown }).features, path[1]] : [json, path[0]];
  if (typeof index !== 'number' || !Array.isArray(list)) return undefined;
  const id = (list[index] as { id?: unknown } | null)?.id;
  return typeof id === 'string' && SLUG.test(id) ? id : `#${index}`;
}

/**
 * Parses one JSON file of the geodata: refuses it (undefined) when it is too big, not JSON, or nested
 * or sized past {@link LIMITS}; reports every control character, naming the file, the feature and the path.
 */
export function readJson(file: string, text: string, errors: ValidationError[]): unknown {
  if (text.length > LIMITS.fileChars) {
    errors.push({ file, message: `is ${text.length} characters, more than ${LIMITS.fileChars}` });
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    errors.push({ file, message: `is not valid JSON: ${e instanceof Error ? e.message : String(e)}` });
    return undefined;
  }
  const problems = treeProblems(json);
  for (const problem of problems) {
    const where = problem.path.length > 0 ? `${formatPath(problem.path)}: ` : '';
    errors.push({ file, feature: entryAt(json, problem.path), message: `${where}${problem.message}` });
  }
  return problems.some((p) => p.fatal) ? undefined : json;
}
