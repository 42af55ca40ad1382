import type { Geometry } from 'geojson';
import { anchorQuote } from './anchor';
import { geometryProblem, isObject, sameGeometry } from './geojson';
import { ID_PATTERN } from './ids';
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

/** The loader's answer: a model, or every problem found (never both). */
export type LoadResult = { ok: true; model: Model } | { ok: false; errors: ValidationError[] };

const KINDS: PlaceKind[] = ['town', 'monument', 'route'];
const PRECISIONS: Precision[] = ['exact', 'approximate'];

/** Formats an error the way `npm run validate` prints it. */
export function formatError(error: ValidationError): string {
  return `${error.file}${error.feature ? `: feature "${error.feature}"` : ''}: ${error.message}`;
}

/**
 * Parses and validates the raw geodata files into a model. The one loader: the validate script,
 * the build and the app all go through it, so they accept and reject the same files.
 */
export function loadModel(files: RawFiles): LoadResult {
  const errors: ValidationError[] = [];
  const sources = parseSources(files, errors);
  const places = new Map<string, Place>();
  const layers: Layer[] = [];
  for (const [file, text] of Object.entries(files.layers).sort(byLayerOrder)) {
    const layer = parseLayer(file, text, sources, places, errors);
    if (layer) layers.push(layer);
  }
  for (const id of LAYER_IDS) {
    if (!layers.some((l) => l.id === id)) errors.push({ file: `layers/${id}.geojson`, message: 'the layer file is missing' });
  }
  const differences = files.differences === undefined ? [] : parseDifferences(files.differences, sources, places, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, model: { sources: [...sources.values()], layers, places: [...places.values()], differences } };
}

function byLayerOrder([a]: [string, string], [b]: [string, string]): number {
  const rank = (file: string) => {
    const i = LAYER_IDS.indexOf(file.replace(/\.geojson$/, '') as LayerId);
    return i === -1 ? LAYER_IDS.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

function parseJson(file: string, text: string, errors: ValidationError[]): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    errors.push({ file, message: `is not valid JSON: ${(e as Error).message}` });
    return undefined;
  }
}

const nullableString = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

function parseSources(files: RawFiles, errors: ValidationError[]): Map<string, Source> {
  const file = 'sources/index.json';
  const sources = new Map<string, Source>();
  const index = parseJson(file, files.sourceIndex, errors);
  if (index === undefined) return sources;
  if (!Array.isArray(index)) {
    errors.push({ file, message: 'must be an array of source descriptions' });
    return sources;
  }
  for (const entry of index) {
    if (!isObject(entry) || typeof entry.id !== 'string' || typeof entry.file !== 'string') {
      errors.push({ file, message: `entry ${JSON.stringify(entry)} needs a string "id" and "file"` });
      continue;
    }
    const text = files.sourceTexts[entry.file];
    if (text === undefined) {
      errors.push({ file, message: `source "${entry.id}" names file "${entry.file}", which does not exist` });
      continue;
    }
    if (sources.has(entry.id)) errors.push({ file, message: `source id "${entry.id}" is used twice` });
    sources.set(entry.id, {
      id: entry.id,
      file: entry.file,
      title: nullableString(entry.title),
      publisher: nullableString(entry.publisher),
      date: nullableString(entry.date),
      url: nullableString(entry.url),
      language: nullableString(entry.language),
      note: nullableString(entry.note),
      label: nullableString(entry.label) ?? entry.id,
      text
    });
  }
  return sources;
}

function parseLayer(
  fileName: string,
  text: string,
  sources: Map<string, Source>,
  places: Map<string, Place>,
  errors: ValidationError[]
): Layer | null {
  const file = `layers/${fileName}`;
  const json = parseJson(file, text, errors);
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
  if (meta.id !== id) errors.push({ file, message: `"layer.id" must be "${id}", the file's name` });
  if (typeof meta.title !== 'string') errors.push({ file, message: '"layer.title" is missing' });
  const seen = new Set<string>();
  const placeIds: string[] = [];
  json.features.forEach((feature, i) => {
    const place = parseFeature(file, id as LayerId, feature, i, sources, errors);
    if (!place) return;
    if (seen.has(place.id)) {
      errors.push({ file, feature: place.id, message: 'duplicate id in this layer' });
      return;
    }
    seen.add(place.id);
    placeIds.push(place.id);
    mergePlace(file, place, places, errors);
  });
  return {
    id: id as LayerId,
    title: typeof meta.title === 'string' ? meta.title : id,
    description: typeof meta.description === 'string' ? meta.description : '',
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

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function parseFeature(
  file: string,
  layer: LayerId,
  feature: unknown,
  index: number,
  sources: Map<string, Source>,
  errors: ValidationError[]
): Place | null {
  if (!isObject(feature) || feature.type !== 'Feature') {
    errors.push({ file, feature: `#${index}`, message: 'is not a GeoJSON Feature' });
    return null;
  }
  const id = feature.id;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    errors.push({ file, feature: `#${index}`, message: `id ${JSON.stringify(id)} must be a lower-case slug like "khojaly"` });
    return null;
  }
  const fail = (message: string) => errors.push({ file, feature: id, message });
  const geometryError = geometryProblem(feature.geometry);
  if (geometryError) fail(`invalid geometry: ${geometryError}`);
  const p = isObject(feature.properties) ? feature.properties : {};
  if (typeof p.name !== 'string' || p.name.length === 0) fail('"name" is missing');
  if (!KINDS.includes(p.kind as PlaceKind)) fail(`"kind" ${JSON.stringify(p.kind)} must be one of ${KINDS.join(', ')}`);
  if (!PRECISIONS.includes(p.precision as Precision)) fail(`"precision" ${JSON.stringify(p.precision)} must be "exact" or "approximate"`);
  const provenance = parseProvenance(p.provenance);
  if (!provenance) fail('"provenance" needs a "reference" naming where the coordinates come from');
  if (!Array.isArray(p.citations) || p.citations.length === 0) fail('needs at least one citation');
  const citations: Citation[] = [];
  for (const raw of Array.isArray(p.citations) ? p.citations : []) {
    const resolved = resolveCitation(raw, sources);
    if (typeof resolved === 'string') fail(resolved);
    else citations.push({ ...resolved, layer });
  }
  if (geometryError || !provenance || typeof p.name !== 'string') return null;
  return {
    id,
    name: p.name,
    nameAz: nullableString(p.nameAz),
    altNames: stringList(p.altNames),
    mentions: stringList(p.mentions),
    kind: p.kind as PlaceKind,
    geometry: feature.geometry as Geometry,
    precision: p.precision as Precision,
    provenance,
    citations,
    layers: [layer]
  };
}

function parseProvenance(value: unknown): Provenance | null {
  if (!isObject(value) || typeof value.reference !== 'string') return null;
  const alternatives = Array.isArray(value.alternatives)
    ? value.alternatives.filter(
        (a): a is { reference: string; coordinates: number[] } =>
          isObject(a) && typeof a.reference === 'string' && Array.isArray(a.coordinates)
      )
    : undefined;
  return { reference: value.reference, note: nullableString(value.note) ?? undefined, alternatives };
}

/** Resolves one raw citation, or returns the error message naming the quote. */
function resolveCitation(raw: unknown, sources: Map<string, Source>): Omit<Citation, 'layer'> | string {
  if (!isObject(raw) || typeof raw.source !== 'string' || typeof raw.exact !== 'string') {
    return `citation ${JSON.stringify(raw)} needs a string "source" and "exact"`;
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
  const anchored = anchorQuote(source.text, selector);
  if (!anchored.ok) return `quote "${selector.exact}" in source "${selector.source}": ${anchored.reason}`;
  return { ...selector, start: anchored.start, end: anchored.end };
}

function parseDifferences(
  text: string,
  sources: Map<string, Source>,
  places: Map<string, Place>,
  errors: ValidationError[]
): Difference[] {
  const file = 'differences.json';
  const json = parseJson(file, text, errors);
  if (!Array.isArray(json)) {
    if (json !== undefined) errors.push({ file, message: 'must be an array of differences' });
    return [];
  }
  const result: Difference[] = [];
  for (const entry of json) {
    if (!isObject(entry) || typeof entry.id !== 'string' || typeof entry.topic !== 'string') {
      errors.push({ file, message: `entry ${JSON.stringify(entry)} needs a string "id" and "topic"` });
      continue;
    }
    const id = entry.id;
    const placeIds = stringList(entry.places);
    for (const placeId of placeIds) {
      if (!places.has(placeId)) errors.push({ file, feature: id, message: `names unknown place "${placeId}"` });
    }
    const citations: Difference['citations'] = [];
    for (const raw of Array.isArray(entry.citations) ? entry.citations : []) {
      const resolved = resolveCitation(raw, sources);
      if (typeof resolved === 'string') errors.push({ file, feature: id, message: resolved });
      else citations.push(resolved);
    }
    if (citations.length < 2) errors.push({ file, feature: id, message: 'a difference needs at least two citations' });
    result.push({ id, topic: entry.topic, places: placeIds, citations });
  }
  return result;
}
