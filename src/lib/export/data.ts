import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { selectorAt } from '../data/anchor';
import type { LayerId, Model, RawFiles } from '../data/types';

/** Said in every data export: what the offsets count. */
export const OFFSETS_NOTE =
  'start/end and TextPositionSelector offsets are JavaScript string indices (UTF-16 code units) into the source texts as stored in geodata/sources/<file> of khojaly-map.';

/** The URI naming a source in exports: its URL, or a URN when the URL is unknown (never an invented URL). */
export const sourceUri = (id: string, url: string | null) => url ?? `urn:khojaly-map:source:${id}`;

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
    const features = collection.features
      .filter((f) => f.properties?.layer === id)
      .map((f) => ({ ...f, properties: Object.fromEntries(Object.entries(f.properties ?? {}).filter(([k]) => k !== 'layer')) }));
    layers[`${id}.geojson`] = JSON.stringify({ type: 'FeatureCollection', layer: info, features });
  }
  return { ...base, layers };
}

/** The citations of the visible layers as a W3C Web Annotation collection (JSON-LD). */
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
          properties: { name: place.name, layer: c.layer },
          geometry: place.geometry
        },
        target: {
          source: sourceUri(source.id, source.url),
          selector: [
            { type: 'TextQuoteSelector', exact: sel.exact, prefix: sel.prefix, suffix: sel.suffix },
            { type: 'TextPositionSelector', start: c.start, end: c.end }
          ]
        }
      });
    }
  }
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: meta.permalink,
    type: 'AnnotationCollection',
    label: 'Places of khojaly-map and the passages that mention them',
    comment: OFFSETS_NOTE,
    total: items.length,
    first: { type: 'AnnotationPage', items }
  };
}
