import fc from 'fast-check';
import type { RawFiles } from '../../../src/lib/data/types';
import { HOSTILE_STRINGS } from './config';

/** One change to the geodata, described for the failure report. */
export interface Mutation {
  label: string;
  apply: (files: RawFiles) => RawFiles;
}

/** Names a mutation by its label in fast-check's failure report. */
const named = (m: Mutation): Mutation => Object.assign(m, { [fc.toStringMethod]: () => m.label });

type Path = (string | number)[];

/** Every path into a JSON tree (objects and arrays included) down to 40 levels, without recursion. */
function paths(root: unknown): Path[] {
  const out: Path[] = [];
  const stack: [unknown, Path][] = [[root, []]];
  while (stack.length > 0) {
    const [value, at] = stack.pop()!;
    out.push(at);
    if (at.length >= 40 || !value || typeof value !== 'object') continue;
    for (const [k, v] of Object.entries(value)) stack.push([v, [...at, Array.isArray(value) ? Number(k) : k]]);
  }
  return out;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return root;
}

/** The JSON files of the geodata, each with its key in {@link RawFiles}. */
function jsonFiles(files: RawFiles): { name: string; text: string; put: (text: string) => RawFiles }[] {
  return [
    { name: 'sources/index.json', text: files.sourceIndex, put: (text: string) => ({ ...files, sourceIndex: text }) },
    ...Object.entries(files.layers).map(([file, text]) => ({ name: `layers/${file}`, text, put: (t: string) => ({ ...files, layers: { ...files.layers, [file]: t } }) })),
    ...(files.differences === undefined ? [] : [{ name: 'differences.json', text: files.differences, put: (text: string) => ({ ...files, differences: text }) }])
  ];
}

/** A placeholder replaced, in the file's text, by arrays nested `depth` deep (too deep to build as a value). */
const DEEP = '@@deep:';
const nested = (text: string) => text.replace(/"@@deep:(\d+)"/g, (_, d: string) => `${'['.repeat(Number(d))}1${']'.repeat(Number(d))}`);

const CONTROL = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));

/** Values to put somewhere: right and wrong types, numbers at the edges, hostile strings, deep nesting. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer({ min: -5000, max: 20_000 }),
  fc.constantFrom(null, true, false, [], {}, '', 0, -1, 0.5, 181, -91, 1e308, 'khojaly', 'https://example.org/a', 'javascript:alert(1)', 'ftp://x'),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.jsonValue({ maxDepth: 2 }),
  fc.integer({ min: 1, max: 6000 }).map((d) => `${DEEP}${d}`)
);

/** Set the value at a random path of a random JSON file (coordinates, ids, quotes, offsets, URLs, types). */
const setValue = fc.tuple(fc.nat(), fc.nat(), replacement).map(([f, p, value]): Mutation =>
  named({
  label: `set value ${JSON.stringify(value)?.slice(0, 60)} at path #${p} of file #${f}`,
  apply(files) {
    const all = jsonFiles(files);
    const file = all[f % all.length]!;
    const json = JSON.parse(file.text);
    const options = paths(json);
    const path = options[p % options.length]!;
    return file.put(nested(JSON.stringify(setAt(json, path, value))));
  }
}));

const FIELDS = ['url', 'id', 'file', 'sha256', 'start', 'exact', 'prefix', 'source', 'coordinates', 'type', 'nameAz', 'altNames', 'mentions', 'kind', 'precision', 'places', 'citations', 'provenance', 'layer'];

/** Set a named field (a URL, an id, an offset, a quote, coordinates …) of a random file, where it occurs, to a generated value. */
const setField = fc.tuple(fc.nat(), fc.constantFrom(...FIELDS), fc.nat(), replacement).map(
  ([f, field, n, value]): Mutation =>
    named({
      label: `set "${field}" #${n} of file #${f} to ${JSON.stringify(value)?.slice(0, 60)}`,
      apply(files) {
        const all = jsonFiles(files);
        const file = all[f % all.length]!;
        const json = JSON.parse(file.text);
        const hits = paths(json).filter((path) => path[path.length - 1] === field);
        if (hits.length === 0) return files;
        return file.put(nested(JSON.stringify(setAt(json, hits[n % hits.length]!, value))));
      }
    })
);

/** Insert a character (a control character, often) into a random string of a random JSON file. */
const editString = fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.oneof(CONTROL, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), fc.boolean()).map(
  ([f, s, at, char, remove]): Mutation =>
  named({
    label: `${remove ? 'delete a character of' : `insert U+${char.charCodeAt(0).toString(16)} into`} string #${s} of file #${f} at ${at}`,
    apply(files) {
      const all = jsonFiles(files);
      const file = all[f % all.length]!;
      const json = JSON.parse(file.text);
      const strings = paths(json).filter((path) => typeof path.reduce<any>((n, k) => n[k], json) === 'string');
      if (strings.length === 0) return files;
      const path = strings[s % strings.length]!;
      const old = path.reduce<any>((n, k) => n[k], json) as string;
      const i = old.length === 0 ? 0 : at % old.length;
      return file.put(JSON.stringify(setAt(json, path, remove ? old.slice(0, i) + old.slice(i + 1) : old.slice(0, i) + char + old.slice(i))));
    }
  })
);

/** Cut a JSON file short at a random place. */
const truncate = fc.tuple(fc.nat(), fc.nat()).map(([f, at]): Mutation =>
  named({
  label: `truncate file #${f} at ${at}`,
  apply(files) {
    const all = jsonFiles(files);
    const file = all[f % all.length]!;
    return file.put(file.text.slice(0, at % Math.max(1, file.text.length)));
  }
}));

/** Change a source text: a BOM, CRLF line endings, a changed or inserted character. */
const editText = fc.tuple(fc.nat(), fc.constantFrom('bom', 'crlf', 'char', 'control'), fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })).map(
  ([t, kind, at, char]): Mutation =>
  named({
    label: `${kind} in source text #${t} at ${at}`,
    apply(files) {
      const names = Object.keys(files.sourceTexts).sort();
      const name = names[t % names.length]!;
      const text = files.sourceTexts[name]!;
      const i = at % text.length;
      const changed = { bom: `\ufeff${text}`, crlf: text.replace(/\n/g, '\r\n'), char: text.slice(0, i) + char + text.slice(i + 1), control: `${text.slice(0, i)}\u0007${text.slice(i)}` }[kind];
      return { ...files, sourceTexts: { ...files.sourceTexts, [name]: changed } };
    }
  })
);

/** Give a random citation a position hint: any non-negative integer (the quote is then searched for when it is wrong). */
const hint = fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.nat({ max: 20_000 }), fc.constant(0))).map(
  ([f, c, start]): Mutation =>
    named({
      label: `position hint ${start} on citation #${c} of layer #${f}`,
      apply(files) {
        const names = Object.keys(files.layers).sort();
        const name = names[f % names.length]!;
        const json = JSON.parse(files.layers[name]!);
        const citations = (json.features as { properties: { citations: Record<string, unknown>[] } }[]).flatMap((x) => x.properties.citations);
        citations[c % citations.length]!.start = start;
        return { ...files, layers: { ...files.layers, [name]: JSON.stringify(json) } };
      }
    })
);

/** One to three changes of any kind, applied in order. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(fc.oneof({ weight: 3, arbitrary: setValue }, { weight: 3, arbitrary: setField }, { weight: 3, arbitrary: editString }, { weight: 2, arbitrary: hint }, truncate, editText), {
  minLength: 1,
  maxLength: 3
});
