import { describe, expect, it } from 'vitest';
import { formatError, loadModel } from '../../src/lib/data/load';
import { errorsOf, shippedFiles, withLayer } from '../support/model';

const good = shippedFiles;

describe('loadModel on the shipped geodata', () => {
  const result = loadModel(good);
  const model = result.ok ? result.model : null;

  it('accepts it', () => {
    expect(result.ok ? [] : result.errors.map(formatError)).toEqual([]);
  });

  it('has the six layers in order and every place id the map uses', () => {
    expect(model!.layers.map((l) => l.id)).toEqual(['khojaly', 'escape-route', 'khankendi', 'baku-monument', 'flag-raising-2023', 'also-named']);
    expect(model!.places.map((p) => p.id).sort()).toEqual(
      [
        ...['aghdam', 'aghdara', 'asgaran', 'khankendi', 'khojaly', 'khojaly-aghdam-route', 'khojavand', 'mothers-cry'],
        ...['baku', 'khatai-district', 'palembang', 'pakistan', 'mexico', 'czech-republic', 'colombia', 'bosnia-and-herzegovina']
      ].sort()
    );
  });

  it('merges a place drawn in two layers and keeps the citations of both', () => {
    const khojaly = model!.places.find((p) => p.id === 'khojaly')!;
    expect(khojaly.layers).toEqual(['khojaly', 'flag-raising-2023']);
    expect(khojaly.citations.map((c) => c.layer)).toContain('flag-raising-2023');
  });

  it('resolves every citation to the exact text it quotes', () => {
    for (const place of model!.places) {
      for (const c of place.citations) {
        const text = model!.sources.find((s) => s.id === c.source)!.text;
        expect(text.slice(c.start, c.end)).toBe(c.exact);
      }
    }
  });

  it('keeps unknown source metadata as null', () => {
    const overview = model!.sources.find((s) => s.id === 'khojaly-overview')!;
    expect([overview.title, overview.publisher, overview.date, overview.url]).toEqual([null, null, null, null]);
  });
});

describe('loadModel rejects broken data, naming file, feature and value', () => {
  it('invalid JSON', () => {
    const files = { ...good, layers: { ...good.layers, 'khojaly.geojson': '{"type": "FeatureCollection",' } };
    expect(errorsOf(files)[0]).toMatch(/^layers\/khojaly\.geojson: is not valid JSON: /);
  });

  it('a file that is not a FeatureCollection', () => {
    const files = withLayer('khojaly.geojson', (j) => (j.type = 'Feature'));
    expect(errorsOf(files)).toContain('layers/khojaly.geojson: is not a GeoJSON FeatureCollection with a "features" array');
  });

  it('a latitude out of range', () => {
    const files = withLayer('khankendi.geojson', (j) => (j.features[0].geometry.coordinates = [46.75, 139.8]));
    expect(errorsOf(files)).toContain('layers/khankendi.geojson: feature "khankendi": invalid geometry: latitude 139.8 is out of range [-90, 90]');
  });

  it('a longitude out of range', () => {
    const files = withLayer('baku-monument.geojson', (j) => (j.features[0].geometry.coordinates = [249.87, 40.38]));
    expect(errorsOf(files)).toContain('layers/baku-monument.geojson: feature "mothers-cry": invalid geometry: longitude 249.87 is out of range [-180, 180]');
  });

  it('a non-numeric coordinate', () => {
    const files = withLayer('baku-monument.geojson', (j) => (j.features[0].geometry.coordinates = ['49.8', 40.38]));
    expect(errorsOf(files)[0]).toContain('feature "mothers-cry": invalid geometry: position ["49.8",40.38] has a non-numeric coordinate');
  });

  it('a duplicate id in one layer', () => {
    const files = withLayer('flag-raising-2023.geojson', (j) => j.features.push(structuredClone(j.features[1])));
    expect(errorsOf(files)).toContain('layers/flag-raising-2023.geojson: feature "aghdara": duplicate id in this layer');
  });

  it('an id that is not a slug', () => {
    const files = withLayer('khankendi.geojson', (j) => (j.features[0].id = 'Khan Kendi'));
    expect(errorsOf(files)).toContain('layers/khankendi.geojson: feature "#0": id "Khan Kendi" must be a lower-case slug like "khojaly"');
  });

  it('a place whose coordinates differ between layers', () => {
    const files = withLayer('flag-raising-2023.geojson', (j) => (j.features[4].geometry.coordinates = [46.76, 39.82]));
    expect(errorsOf(files)).toContain('layers/flag-raising-2023.geojson: feature "khankendi": coordinates differ from the same place in layer "khankendi"');
  });

  it('an id used for two different places', () => {
    const files = withLayer('flag-raising-2023.geojson', (j) => (j.features[4].properties.name = 'Stepanakert'));
    expect(errorsOf(files)).toContain(
      'layers/flag-raising-2023.geojson: feature "khankendi": inconsistent id: name or kind differs from the same place in layer "khankendi"'
    );
  });

  it('an unknown source', () => {
    const files = withLayer('khankendi.geojson', (j) => (j.features[0].properties.citations[0].source = 'pravda-1992'));
    expect(errorsOf(files)[0]).toMatch(/^layers\/khankendi\.geojson: feature "khankendi": citation "utilizing .*" names unknown source "pravda-1992"$/);
  });

  it('a quote that is not in its source', () => {
    const files = withLayer('khankendi.geojson', (j) => (j.features[0].properties.citations[0].exact = 'stationed in Stepanakert'));
    expect(errorsOf(files)).toContain(
      'layers/khankendi.geojson: feature "khankendi": quote "stationed in Stepanakert" in source "khojaly-overview": the quote is not found in the text'
    );
  });

  it('a quote that is not unique', () => {
    const files = withLayer('escape-route.geojson', (j) => (j.features[1].properties.citations[0] = { source: 'report-2026-02-26', exact: 'Khojaly' }));
    expect(errorsOf(files)[0]).toMatch(
      /^layers\/escape-route\.geojson: feature "aghdam": quote "Khojaly" in source "report-2026-02-26": the quote is ambiguous: it occurs \d+ times; add a prefix or suffix$/
    );
  });

  it('a feature without citations', () => {
    const files = withLayer('khankendi.geojson', (j) => (j.features[0].properties.citations = []));
    expect(errorsOf(files)).toContain('layers/khankendi.geojson: feature "khankendi": needs at least one citation');
  });

  it('a feature without provenance or precision', () => {
    const files = withLayer('khankendi.geojson', (j) => {
      delete j.features[0].properties.provenance;
      j.features[0].properties.precision = 'roughly';
    });
    expect(errorsOf(files)).toEqual([
      'layers/khankendi.geojson: feature "khankendi": "precision" "roughly" must be "exact" or "approximate"',
      'layers/khankendi.geojson: feature "khankendi": "provenance" needs a "reference" naming where the coordinates come from'
    ]);
  });

  it('a reference URL that is not http(s), in the provenance or an alternative', () => {
    const files = withLayer('khankendi.geojson', (j) => {
      j.features[0].properties.provenance.url = 'javascript:alert(1)';
      j.features[0].properties.provenance.alternatives[0].url = 'ftp://example.org/x';
    });
    expect(errorsOf(files)).toEqual([
      'layers/khankendi.geojson: feature "khankendi": "provenance.url" "javascript:alert(1)" must be an absolute http(s) URL',
      'layers/khankendi.geojson: feature "khankendi": "provenance.alternatives[0].url" "ftp://example.org/x" must be an absolute http(s) URL'
    ]);
  });

  it('keeps the reference URLs of the coordinates', () => {
    const result = loadModel(good);
    const khojaly = result.ok ? result.model.places.find((p) => p.id === 'khojaly') : undefined;
    expect(khojaly?.provenance.alternatives?.[0]?.url).toBe('https://www.geonames.org/147774');
  });

  it('a missing layer file', () => {
    const { 'khankendi.geojson': _, ...rest } = good.layers;
    expect(errorsOf({ ...good, layers: rest })).toContain('layers/khankendi.geojson: the layer file is missing');
  });

  it('a source index that names a missing text', () => {
    const index = JSON.parse(good.sourceIndex);
    index[0].file = 'gone.txt';
    expect(errorsOf({ ...good, sourceIndex: JSON.stringify(index) })[0]).toBe(
      'sources/index.json: source "report-2026-02-26" names file "gone.txt", which does not exist'
    );
  });

  it('a difference whose quote is missing', () => {
    const differences = JSON.parse(good.differences!);
    differences[0].citations[0].exact = 'Another 500 people';
    expect(errorsOf({ ...good, differences: JSON.stringify(differences) })).toContain(
      'differences.json: feature "injured": quote "Another 500 people" in source "report-2026-02-26": the quote is not found in the text'
    );
  });
});
