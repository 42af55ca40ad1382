import type { Geometry } from 'geojson';
import { anchorQuote } from './anchor';
import { checkDescription, mapNoteProblem } from './descriptions';
import { parseEvents, type ParseContext } from './events';
import { parseGazetteer } from './gazetteer';
import { geometryProblem, isObject, sameGeometry } from './geojson';
import { describe, isHttpUrl, readJson, unknownKeys } from './hardening';
import { ID_PATTERN } from './ids';
import { parseSources } from './sources';
import {
  LAYER_IDS,
  type Citation,
  type Difference,
  type Layer,
  type LayerId,
  type Model,
  type Place,
  type PlaceKind,
  type Precision,
  type Provenance,
  type QuoteSelector,
  type RawFiles,
  type Source,
  type ValidationError
} from './types';

/**
 * The loader's answer: a model, or every problem found (never both). Warnings (unknown keys, a
 * likely typo) never block loading.
 */
export type LoadResult = { ok: true; model: Model; warnings: ValidationError[] } | { ok: false; errors: ValidationError[]; warnings: ValidationError[] };

const KINDS: PlaceKind[] = ['town', 'monument', 'route', 'city', 'district', 'country'];
const PRECISIONS: Precision[] = ['exact', 'approximate'];
const COLLECTION_KEYS = ['type', 'layer', 'features', 'bbox'];
const LAYER_KEYS = ['id', 'title', 'description'];
const FEATURE_KEYS = ['type', 'id', 'geometry', 'properties', 'bbox'];
const PROPERTY_KEYS = ['name', 'nameAz', 'altNames', 'mentions', 'kind', 'precision', 'provenance', 'citations'];
const CITATION_KEYS = ['source', 'exact', 'prefix', 'suffix', 'start'];
const DIFFERENCE_KEYS = ['id', 'topic', 'places', 'citations'];
const PROVENANCE_KEYS = ['reference', 'url', 'note', 'alternatives'];
const ALTERNATIVE_KEYS = ['reference', 'coordinates', 'url'];

/** Collects problems and warnings, naming the file and feature each time. */
interface Report {
  errors: ValidationError[];
  warnings: ValidationError[];
}

/** Formats an error the way `npm run validate` prints it. */
export function formatError(error: ValidationError): string {
  return `${error.file}${error.feature ? `: feature "${error.feature}"` : ''}: ${error.message}`;
}

/**
 * Parses and validates the raw geodata files into a model. The one loader: the validate script,
 * the build and the app all go through it, so they accept and reject the same files.
 */
export function loadModel(files: RawFiles): LoadResult {
  const report: Report = { errors: [], warnings: [] };
  const { errors, warnings } = report;
  const sources = parseSources(files, errors, warnings);
  const places = new Map<string, Place>();
  const layers: Layer[] = [];
  for (const [file, text] of Object.entries(files.layers).sort(byLayerOrder)) {
    const layer = parseLayer(file, text, sources, places, report);
    if (layer) layers.push(layer);
  }
  for (const id of LAYER_IDS) {
    if (!layers.some((l) => l.id === id)) errors.push({ file: `layers/${id}.geojson`, message: 'the layer file is missing' });
  }
  const differences = files.differences === undefined ? [] : parseDifferences(files.differences, sources, places, report);
  const ctx: ParseContext = {
    sources,
    places,
    errors,
    resolve: (raw) => resolveCitation(withoutDateKeys(raw), sources, (message) => warnings.push({ file: 'events.json', message }))
  };
  const events = files.events === undefined ? [] : parseEvents(readJson('events.json', files.events, errors), ctx);
  const gazetteer = files.gazetteer === undefined ? { entries: [], notPlaces: [] } : parseGazetteer(readJson('gazetteer.json', files.gazetteer, errors), ctx);
  if (errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, model: { sources: [...sources.values()], layers, places: [...places.values()], differences, events, gazetteer }, warnings };
}

/** An event citation without its date keys, so the shared citation check does not warn about them. */
function withoutDateKeys(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const { when: _when, date: _date, asOfSource: _asOf, ...rest } = raw;
  return rest;
}

function byLayerOrder([a]: [string, string], [b]: [string, string]): number {
  const rank = (file: string) => {
    const i = LAYER_IDS.indexOf(file.replace(/\.geojson$/, '') as LayerId);
    return i === -1 ? LAYER_IDS.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** An optional text field: a non-empty string, or null when absent, null or empty. */
const nullableString = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

function parseLayer(
  fileName: string,
  text: string,
  sources: Map<string, Source>,
  places: Map<string, Place>,
  report: Report
): Layer | null {
  const { errors, warnings } = report;
  const file = `layers/${fileName}`;
  const json = readJson(file, text, errors);
  if (json === undefined) return null;
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    errors.push({ file, message: 'is not a GeoJSON FeatureCollection with a "features" array' });
    return null;
  }
  const id = fileName.replace(/\.geojson$/, '');
  if (!(LAYER_IDS as readonly string[]).includes(id)) {
    errors.push({ file, message: `"${id}" is not a known layer id (${LAYER_IDS.join(', ')})` });
    return null;
  }
  const meta = isObject(json.layer) ? json.layer : {};
  unknownKeys(json, COLLECTION_KEYS, { file, what: 'the FeatureCollection' }, warnings);
  unknownKeys(meta, LAYER_KEYS, { file, what: '"layer"' }, warnings);
  if (meta.id !== id) errors.push({ file, message: `"layer.id" must be "${id}", the file's name` });
  if (typeof meta.title !== 'string') errors.push({ file, message: '"layer.title" is missing' });
  if (meta.description !== undefined && typeof meta.description !== 'string' && !isObject(meta.description)) {
    errors.push({ file, message: `"layer.description" ${describe(meta.description)} must be a string or a quotation { "source", "exact" }` });
  }
  const seen = new Set<string>();
  const placeIds: string[] = [];
  json.features.forEach((feature, i) => {
    const place = parseFeature(file, id as LayerId, feature, i, sources, report);
    if (!place) return;
    if (seen.has(place.id)) {
      errors.push({ file, feature: place.id, message: 'duplicate id in this layer' });
      return;
    }
    seen.add(place.id);
    placeIds.push(place.id);
    mergePlace(file, place, places, errors);
  });
  const names = placeIds.map((p) => places.get(p)!).flatMap((p) => [p.name, ...(p.nameAz ? [p.nameAz] : []), ...p.altNames, ...p.mentions]);
  const description = checkDescription(meta.description, names, (raw) => resolveCitation(raw, sources, (message) => warnings.push({ file, message })));
  if (!description.ok) errors.push({ file, message: description.message });
  return {
    id: id as LayerId,
    title: typeof meta.title === 'string' ? meta.title : id,
    description: description.ok ? description.description : '',
    file: fileName,
    placeIds
  };
}

function mergePlace(file: string, place: Place, places: Map<string, Place>, errors: ValidationError[]): void {
  const known = places.get(place.id);
  if (!known) {
    places.set(place.id, place);
    return;
  }
  if (!sameGeometry(known.geometry, place.geometry)) {
    errors.push({ file, feature: place.id, message: `coordinates differ from the same place in layer "${known.layers[0]}"` });
  }
  if (known.name !== place.name || known.kind !== place.kind) {
    errors.push({ file, feature: place.id, message: `inconsistent id: name or kind differs from the same place in layer "${known.layers[0]}"` });
  }
  known.layers.push(...place.layers);
  known.citations.push(...place.citations);
}

/** A list of strings; anything else in it is reported (never silently dropped). */
function stringList(value: unknown, name: string, fail: (message: string) => void): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    fail(`"${name}" ${describe(value)} must be a list of strings`);
    return [];
  }
  value.forEach((v, i) => {
    if (typeof v !== 'string' || v.length === 0) fail(`"${name}[${i}]" ${describe(v)} must be a non-empty string`);
  });
  return value.filter((v): v is string => typeof v === 'string' && v.length > 0);
}

function parseFeature(
  file: string,
  layer: LayerId,
  feature: unknown,
  index: number,
  sources: Map<string, Source>,
  { errors, warnings }: Report
): Place | null {
  if (!isObject(feature) || feature.type !== 'Feature') {
    errors.push({ file, feature: `#${index}`, message: 'is not a GeoJSON Feature' });
    return null;
  }
  const id = feature.id;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    errors.push({ file, feature: `#${index}`, message: `id ${describe(id)} must be a lower-case slug like "khojaly"` });
    return null;
  }
  const fail = (message: string) => errors.push({ file, feature: id, message });
  const geometryError = geometryProblem(feature.geometry);
  if (geometryError) fail(`invalid geometry: ${geometryError}`);
  const p = isObject(feature.properties) ? feature.properties : {};
  unknownKeys(feature, FEATURE_KEYS, { file, feature: id, what: 'the Feature' }, warnings);
  unknownKeys(p, PROPERTY_KEYS, { file, feature: id, what: '"properties"' }, warnings);
  if (typeof p.name !== 'string' || p.name.length === 0) fail('"name" is missing');
  if (p.nameAz !== undefined && p.nameAz !== null && typeof p.nameAz !== 'string') fail(`"nameAz" ${describe(p.nameAz)} must be a string or null`);
  if (!KINDS.includes(p.kind as PlaceKind)) fail(`"kind" ${describe(p.kind)} must be one of ${KINDS.join(', ')}`);
  if (!PRECISIONS.includes(p.precision as Precision)) fail(`"precision" ${describe(p.precision)} must be "exact" or "approximate"`);
  const provenance = parseProvenance(p.provenance, fail);
  if (isObject(p.provenance)) {
    unknownKeys(p.provenance, PROVENANCE_KEYS, { file, feature: id, what: '"provenance"' }, warnings);
    for (const a of Array.isArray(p.provenance.alternatives) ? p.provenance.alternatives : []) {
      if (isObject(a)) unknownKeys(a, ALTERNATIVE_KEYS, { file, feature: id, what: 'a provenance alternative' }, warnings);
    }
  }
  const noteProblem = provenance?.note ? mapNoteProblem(provenance.note) : null;
  if (noteProblem) fail(noteProblem);
  if (!Array.isArray(p.citations) || p.citations.length === 0) fail('needs at least one citation');
  const citations: Citation[] = [];
  for (const raw of Array.isArray(p.citations) ? p.citations : []) {
    const resolved = resolveCitation(raw, sources, (key) => warnings.push({ file, feature: id, message: key }));
    if (typeof resolved === 'string') fail(resolved);
    else citations.push({ ...resolved, layer });
  }
  const altNames = stringList(p.altNames, 'altNames', fail);
  const mentions = stringList(p.mentions, 'mentions', fail);
  if (geometryError || !provenance || typeof p.name !== 'string') return null;
  return {
    id,
    name: p.name,
    nameAz: nullableString(p.nameAz),
    altNames,
    mentions,
    kind: p.kind as PlaceKind,
    geometry: feature.geometry as Geometry,
    precision: p.precision as Precision,
    provenance,
    citations,
    layers: [layer]
  };
}

function parseProvenance(value: unknown, fail: (message: string) => void): Provenance | null {
  if (!isObject(value) || typeof value.reference !== 'string' || value.reference.length === 0) {
    fail('"provenance" needs a "reference" naming where the coordinates come from');
    return null;
  }
  if (value.note !== undefined && value.note !== null && typeof value.note !== 'string') fail(`"provenance.note" ${describe(value.note)} must be a string`);
  if (value.alternatives !== undefined && !Array.isArray(value.alternatives)) fail('"provenance.alternatives" must be a list');
  const url = referenceUrl(value.url, '"provenance.url"', fail);
  const alternatives = Array.isArray(value.alternatives)
    ? value.alternatives.flatMap((a, i) => {
        const problem = !isObject(a) || typeof a.reference !== 'string' ? 'needs a string "reference"' : geometryProblem({ type: 'Point', coordinates: a.coordinates });
        if (problem || !isObject(a)) {
          fail(`"provenance.alternatives[${i}]" ${problem}`);
          return [];
        }
        const altUrl = referenceUrl(a.url, `"provenance.alternatives[${i}].url"`, fail);
        return [{ reference: a.reference as string, coordinates: a.coordinates as number[], ...(altUrl ? { url: altUrl } : {}) }];
      })
    : undefined;
  return { reference: value.reference, ...(url ? { url } : {}), note: nullableString(value.note) ?? undefined, alternatives };
}

/** A reference's URL: absent, or an absolute http(s) URL (anything else fails, naming the field). */
function referenceUrl(value: unknown, what: string, fail: (message: string) => void): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && isHttpUrl(value)) return value;
  fail(`${what} ${describe(value)} must be an absolute http(s) URL`);
  return undefined;
}

/** Resolves one raw citation, or returns the error message naming the quote. */
function resolveCitation(raw: unknown, sources: Map<string, Source>, warn: (message: string) => void): Omit<Citation, 'layer'> | string {
  if (!isObject(raw) || typeof raw.source !== 'string' || typeof raw.exact !== 'string') {
    return `citation ${describe(raw)} needs a string "source" and "exact"`;
  }
  for (const key of Object.keys(raw)) {
    if (!CITATION_KEYS.includes(key)) warn(`unknown key ${describe(key)} in the citation "${describe(raw.exact, 40)}" (known: ${CITATION_KEYS.join(', ')})`);
  }
  for (const key of ['prefix', 'suffix'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'string') return `citation "${raw.exact}": "${key}" ${describe(raw[key])} must be a string`;
  }
  const hint = raw.start;
  if (hint !== undefined && (typeof hint !== 'number' || !Number.isSafeInteger(hint) || hint < 0)) {
    return `citation "${raw.exact}": "start" ${describe(hint)} must be a non-negative integer (a UTF-16 offset into the text)`;
  }
  const selector: QuoteSelector = {
    source: raw.source,
    exact: raw.exact,
    ...(typeof raw.prefix === 'string' ? { prefix: raw.prefix } : {}),
    ...(typeof raw.suffix === 'string' ? { suffix: raw.suffix } : {}),
    ...(typeof raw.start === 'number' ? { start: raw.start } : {})
  };
  const source = sources.get(selector.source);
  if (!source) return `citation "${selector.exact}" names unknown source "${selector.source}"`;
  if (selector.start !== undefined && selector.start + selector.exact.length > source.text.length) {
    return `citation "${selector.exact}": "start" ${selector.start} lies outside the text of source "${source.id}" (${source.text.length} characters)`;
  }
  const anchored = anchorQuote(source.text, selector);
  if (!anchored.ok) return `quote "${selector.exact}" in source "${selector.source}": ${anchored.reason}`;
  return { ...selector, start: anchored.start, end: anchored.end };
}

function parseDifferences(
  text: string,
  sources: Map<string, Source>,
  places: Map<string, Place>,
  { errors, warnings }: Report
): Difference[] {
  const file = 'differences.json';
  const json = readJson(file, text, errors);
  if (!Array.isArray(json)) {
    if (json !== undefined) errors.push({ file, message: 'must be an array of differences' });
    return [];
  }
  const result: Difference[] = [];
  for (const entry of json) {
    if (!isObject(entry) || typeof entry.id !== 'string' || typeof entry.topic !== 'string') {
      errors.push({ file, message: `entry ${describe(entry)} needs a string "id" and "topic"` });
      continue;
    }
    const id = entry.id;
    const fail = (message: string) => errors.push({ file, feature: id, message });
    unknownKeys(entry, DIFFERENCE_KEYS, { file, feature: id, what: 'a difference' }, warnings);
    const placeIds = stringList(entry.places, 'places', fail);
    for (const placeId of placeIds) {
      if (!places.has(placeId)) errors.push({ file, feature: id, message: `names unknown place "${placeId}"` });
    }
    const citations: Difference['citations'] = [];
    for (const raw of Array.isArray(entry.citations) ? entry.citations : []) {
      const resolved = resolveCitation(raw, sources, (message) => warnings.push({ file, feature: id, message }));
      if (typeof resolved === 'string') errors.push({ file, feature: id, message: resolved });
      else citations.push(resolved);
    }
    if (citations.length < 2) errors.push({ file, feature: id, message: 'a difference needs at least two citations' });
    result.push({ id, topic: entry.topic, places: placeIds, citations });
  }
  return result;
}
