import { describe, isHttpUrl, readJson, sha256Hex, sourceTextProblem, unknownKeys } from './hardening';
import { isObject } from './geojson';
import type { RawFiles, Source, ValidationError } from './types';

const FILE = 'sources/index.json';
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TEXT_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.txt$/;
const KEYS = ['id', 'file', 'title', 'publisher', 'date', 'url', 'language', 'note', 'label', 'sha256'] as const;
const OPTIONAL_TEXT = ['title', 'publisher', 'date', 'url', 'language', 'note', 'label'] as const;

/** An optional text field: a non-empty string, or null when absent, null or empty. */
const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * Parses `sources/index.json` and checks each text it names: the text exists, has no BOM, CR or
 * control character, and its SHA-256 is the one recorded (so a changed byte anywhere is seen).
 */
export function parseSources(files: RawFiles, errors: ValidationError[], warnings: ValidationError[]): Map<string, Source> {
  const sources = new Map<string, Source>();
  const index = readJson(FILE, files.sourceIndex, errors);
  if (index === undefined) return sources;
  if (!Array.isArray(index)) {
    errors.push({ file: FILE, message: 'must be an array of source descriptions' });
    return sources;
  }
  index.forEach((entry, i) => {
    const source = parseEntry(entry, i, files, errors, warnings);
    if (!source) return;
    if (sources.has(source.id)) errors.push({ file: FILE, feature: source.id, message: 'this source id is used twice' });
    sources.set(source.id, source);
  });
  return sources;
}

function parseEntry(entry: unknown, i: number, files: RawFiles, errors: ValidationError[], warnings: ValidationError[]): Source | null {
  if (!isObject(entry) || typeof entry.id !== 'string' || typeof entry.file !== 'string') {
    errors.push({ file: FILE, feature: `#${i}`, message: `entry ${describe(entry)} needs a string "id" and "file"` });
    return null;
  }
  const { id, file } = entry;
  const fail = (message: string) => errors.push({ file: FILE, feature: id, message });
  if (!SLUG.test(id)) fail(`id ${describe(id)} must be a lower-case slug like "khojaly-overview"`);
  if (!TEXT_FILE.test(file)) fail(`"file" ${describe(file)} must be a plain .txt file name in sources/`);
  unknownKeys(entry, KEYS, { file: FILE, feature: id, what: 'a source' }, warnings);
  for (const key of OPTIONAL_TEXT) {
    const value = entry[key];
    if (value !== undefined && value !== null && typeof value !== 'string') fail(`"${key}" ${describe(value)} must be a string or null`);
  }
  if (typeof entry.url === 'string' && entry.url.length > 0 && !isHttpUrl(entry.url)) {
    fail(`"url" ${describe(entry.url)} must be an absolute http(s) URL, or null when unknown`);
  }
  const body = Object.hasOwn(files.sourceTexts, file) ? files.sourceTexts[file] : undefined;
  if (typeof body !== 'string') {
    errors.push({ file: FILE, message: `source "${id}" names file "${file}", which does not exist` });
    return null;
  }
  const textProblem = sourceTextProblem(body);
  if (textProblem) errors.push({ file: `sources/${file}`, message: textProblem });
  const digest = sha256Hex(body);
  if (typeof entry.sha256 !== 'string') fail(`"sha256" is missing: the text's checksum is "${digest}" (check that the file is the source, byte for byte, then record it)`);
  else if (entry.sha256.toLowerCase() !== digest) {
    fail(`"sha256" does not match sources/${file}: the file changed (its checksum is now "${digest}"); offsets into it may no longer hold`);
  }
  return {
    id,
    file,
    title: text(entry.title),
    publisher: text(entry.publisher),
    date: text(entry.date),
    url: typeof entry.url === 'string' && isHttpUrl(entry.url) ? entry.url : null,
    language: text(entry.language),
    note: text(entry.note),
    label: text(entry.label) ?? id,
    text: body
  };
}
