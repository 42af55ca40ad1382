import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { selectorAt } from '../data/anchor';
import type { LayerId, Model, RawFiles } from '../data/types';

/** Said in every data export: what the offsets count. */
export const OFFSETS_NOTE =
  'start/end and TextPositionSelector offsets are JavaScript string indices (UTF-16 code units) into the source texts as stored in geodata/sources/<file> of khojaly-map.';

/** The URN of the stored copy of a source text (`geodata/sources/<file>`), the resource its offsets count in. */
const storedTextUri = (id: string) => `urn:khojaly-map:source:${id}`;

/** The official Web Annotation context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The GeoJSON-LD 1.0 context, which defines `Feature`, `geometry`, `properties`, `coordinates`. */
export const GEOJSON_CONTEXT = 'https://geojson.org/geojson-ld/geojson-context.jsonld';

/** The two terms of the annotation export that neither context defines, mapped to existing vocabularies. */
const LOCAL_CONTEXT = {
  comment: 'rdfs:comment',
  layer: { '@id': 'dcterms:isPartOf', '@type': '@id' }
} as const;

/** One feature per (visible layer, place), with its citations resolved and its provenance. */
export function exportGeoJson(model: Model, visible: readonly LayerId[], meta: { permalink: string; attribution: string }): FeatureCollection {
  const features: Feature<Geometry>[] = [];
  for (const layer of model.layers.filter((l) => visible.includes(l.id))) {
    for (const id of layer.placeIds) {
      const place = model.places.find((p) => p.id === id)!;
      features.push({
        type: 'Feature',
        id: place.id,
        geometry: place.geometry,
        properties: {
          layer: layer.id,
          name: place.name,
          nameAz: place.nameAz,
          altNames: place.altNames,
          mentions: place.mentions,
          kind: place.kind,
          precision: place.precision,
          provenance: place.provenance,
          citations: place.citations
            .filter((c) => c.layer === layer.id)
            .map(({ source, exact, prefix, suffix, start, end }) => ({ source, exact, prefix, suffix, start, end }))
        }
      });
    }
  }
  return {
    type: 'FeatureCollection',
    features,
    ...{
      comment: OFFSETS_NOTE,
      layers: model.layers.filter((l) => visible.includes(l.id)).map(({ id, title, description }) => ({ id, title, description })),
      sources: model.sources.map(({ id, file, title, publisher, date, url, language, label }) => ({ id, file, title, publisher, date, url, language, label })),
      permalink: meta.permalink,
      attribution: meta.attribution
    }
  } as FeatureCollection;
}

/**
 * Splits an exported collection back into one layer file per layer, in the form `loadModel`
 * reads (layers not in the export become empty files), so an export round-trips through the loader.
 */
export function splitByLayer(collection: FeatureCollection, base: Omit<RawFiles, 'layers'>, allLayers: readonly LayerId[]): RawFiles {
  const meta = (collection as unknown as { layers: { id: LayerId; title: string; description: string }[] }).layers;
  const layers: Record<string, string> = {};
  for (const id of allLayers) {
    const info = meta.find((l) => l.id === id) ?? { id, title: id, description: '' };
    const features = collection.features.filter((f) => f.properties?.layer === id).map(asLayerFeature);
    layers[`${id}.geojson`] = JSON.stringify({ type: 'FeatureCollection', layer: info, features });
  }
  const present = new Set(collection.features.map((f) => String(f.id)));
  return { ...base, layers, differences: differencesAmong(base.differences, present) };
}

/** An exported feature as a layer file has it: no `layer` property, citations without their computed `end`. */
function asLayerFeature(feature: Feature): Feature {
  const { layer: _, citations, ...properties } = feature.properties ?? {};
  const quotes = Array.isArray(citations) ? citations.map(({ end: _end, ...quote }: Record<string, unknown>) => quote) : citations;
  return { ...feature, properties: { ...properties, citations: quotes } };
}

/** The differences file keeping only the entries whose places are all in the export. */
function differencesAmong(text: string | undefined, present: ReadonlySet<string>): string | undefined {
  let all: unknown;
  try {
    all = text === undefined ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
  if (!Array.isArray(all)) return text;
  return JSON.stringify(all.filter((d: { places?: unknown }) => Array.isArray(d?.places) && d.places.every((p) => present.has(String(p)))));
}

/** Ids of an annotation export: the collection's (the permalink when absolute, else a URN) and its page's. */
function collectionIds(visible: readonly LayerId[], permalink: string): { collection: string; page: string } {
  const urn = `urn:khojaly-map:annotations:${visible.join(',') || 'none'}`;
  const absolute = /^https?:\/\/[^/]/i.test(permalink);
  return { collection: absolute ? permalink : urn, page: `${urn}:page:1` };
}

/**
 * The citations of the visible layers as a W3C Web Annotation collection (JSON-LD). Each target is the
 * stored copy of the text (where the TextPositionSelector's offsets hold); the publisher's page, when
 * known, is its `scope`. The body is a GeoJSON-LD Feature, so nothing is dropped on expansion.
 */
export function exportAnnotations(model: Model, visible: readonly LayerId[], meta: { permalink: string }): object {
  const items = [];
  for (const place of model.places) {
    for (const [i, c] of place.citations.entries()) {
      if (!visible.includes(c.layer)) continue;
      const source = model.sources.find((s) => s.id === c.source)!;
      const sel = selectorAt(source.text, source.id, c.start, c.end);
      items.push({
        id: `urn:khojaly-map:annotation:${place.id}:${c.layer}:${i}`,
        type: 'Annotation',
        motivation: 'identifying',
        body: {
          id: `urn:khojaly-map:place:${place.id}`,
          type: 'Feature',
          properties: { name: place.name, layer: `urn:khojaly-map:layer:${c.layer}` },
          geometry: place.geometry
        },
        target: {
          type: 'SpecificResource',
          source: { id: storedTextUri(source.id), type: 'Text', format: 'text/plain', ...(source.language ? { language: source.language } : {}) },
          ...(source.url ? { scope: source.url } : {}),
          selector: [
            { type: 'TextQuoteSelector', exact: sel.exact, prefix: sel.prefix, suffix: sel.suffix },
            { type: 'TextPositionSelector', start: c.start, end: c.end }
          ]
        }
      });
    }
  }
  const ids = collectionIds(visible, meta.permalink);
  return {
    '@context': [ANNO_CONTEXT, GEOJSON_CONTEXT, LOCAL_CONTEXT],
    id: ids.collection,
    type: 'AnnotationCollection',
    label: 'Places of khojaly-map and the passages that mention them',
    comment: `${OFFSETS_NOTE} Each target's source is that stored copy (urn:khojaly-map:source:<id>); its scope, when known, is the publisher's page.`,
    total: items.length,
    first: { id: ids.page, type: 'AnnotationPage', partOf: ids.collection, startIndex: 0, items }
  };
}
