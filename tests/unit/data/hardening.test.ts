import { describe, expect, it } from 'vitest';
import { formatError, loadModel } from '../../../src/lib/data/load';
import type { RawFiles } from '../../../src/lib/data/types';
import { errorsOf, shippedFiles, withJson, withLayer } from '../../support/model';

const good = shippedFiles;

const withIndex = (change: (index: any[]) => void): RawFiles => withJson('sourceIndex', change);

const withText = (file: string, text: string): RawFiles => ({ ...good, sourceTexts: { ...good.sourceTexts, [file]: text } });

describe('the loader refuses what it cannot stand behind', () => {
  it('a control character in a place name, naming file, feature and path', () => {
    const files = withLayer('khojaly.geojson', (j) => (j.features[0].properties.name = 'Khojaly\u0001'));
    expect(errorsOf(files)).toContain(
      'layers/khojaly.geojson: feature "khojaly": features[0].properties.name: "Khojaly\\u0001" contains the control character U+0001 at index 7'
    );
  });

  it('coordinates nested 5,000 deep, with a message instead of a stack overflow', () => {
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const text = good.layers['khankendi.geojson']!.replace(/"coordinates":\s*\[[^\]]*\]/, `"coordinates": ${deep}`);
    const errors = errorsOf({ ...good, layers: { ...good.layers, 'khankendi.geojson': text } });
    expect(errors.some((e) => /^layers\/khankendi\.geojson: feature "khankendi": features\[0\]\.geometry\.coordinates(\[0\])+: nesting deeper than 32 levels$/.test(e))).toBe(true);
  });

  it('an array longer than the limit', () => {
    const files = withLayer('khojaly.geojson', (j) => (j.features[0].properties.altNames = Array.from({ length: 100_001 }, () => 'x')));
    expect(errorsOf(files).some((e) => e.includes('100001 items, more than 100000'))).toBe(true);
  });

  it('a negative position hint', () => {
    const files = withLayer('khankendi.geojson', (j) => (j.features[0].properties.citations[0].start = -2597));
    expect(errorsOf(files).some((e) => e.includes('"start" -2597 must be a non-negative integer'))).toBe(true);
  });

  it('a fractional position hint', () => {
    const files = withLayer('khankendi.geojson', (j) => (j.features[0].properties.citations[0].start = 304.5));
    expect(errorsOf(files).some((e) => e.includes('"start" 304.5 must be a non-negative integer'))).toBe(true);
  });

  it('a position hint past the end of the text', () => {
    const files = withLayer('khankendi.geojson', (j) => (j.features[0].properties.citations[0].start = 10_000_000));
    expect(errorsOf(files).some((e) => e.includes('"start" 10000000 lies outside the text'))).toBe(true);
  });

  it('a source text with a byte order mark', () => {
    const errors = errorsOf(withText('khojaly-overview.txt', `\ufeff${good.sourceTexts['khojaly-overview.txt']}`));
    expect(errors).toContain('sources/khojaly-overview.txt: starts with a byte order mark (BOM): offsets would shift by one; save it as UTF-8 without BOM');
  });

  it('a source text with CRLF line endings', () => {
    const errors = errorsOf(withText('khojaly-overview.txt', good.sourceTexts['khojaly-overview.txt']!.replace(/\n/g, '\r\n')));
    expect(errors.some((e) => e.startsWith('sources/khojaly-overview.txt: has a carriage return (CR) at index'))).toBe(true);
  });

  it('a source text changed outside the quoted passages, by its checksum', () => {
    const text = good.sourceTexts['report-2026-02-26.txt']!;
    const errors = errorsOf(withText('report-2026-02-26.txt', `t${text.slice(1)}`));
    expect(errors.some((e) => e.startsWith('sources/index.json: feature "report-2026-02-26": "sha256" does not match sources/report-2026-02-26.txt'))).toBe(true);
  });

  it('a source without a recorded checksum, saying what it is', () => {
    const errors = errorsOf(withIndex((index) => delete index[1].sha256));
    expect(errors).toContain(
      'sources/index.json: feature "khojaly-overview": "sha256" is missing: the text\'s checksum is "c9b2cf8d902e8cfc31c687e7a15a9fb826f9dd608f7b4922f940b30125a8c063" (check that the file is the source, byte for byte, then record it)'
    );
  });

  it('a source URL that is not absolute http(s)', () => {
    const errors = errorsOf(withIndex((index) => (index[0].url = 'javascript:alert(1)')));
    expect(errors).toContain('sources/index.json: feature "report-2026-02-26": "url" "javascript:alert(1)" must be an absolute http(s) URL, or null when unknown');
  });

  it('an unclosed polygon ring', () => {
    const files = withLayer('khankendi.geojson', (j) => {
      j.features[0].geometry = { type: 'Polygon', coordinates: [[[46.7, 39.8], [46.8, 39.8], [46.8, 39.9], [46.7, 39.9]]] };
    });
    expect(errorsOf(files).some((e) => e.includes('a polygon ring must be closed: its last position [46.7,39.9] differs from its first [46.7,39.8]'))).toBe(true);
  });

  it('a "nameAz" that is not a string', () => {
    const files = withLayer('khankendi.geojson', (j) => (j.features[0].properties.nameAz = 42));
    expect(errorsOf(files)).toContain('layers/khankendi.geojson: feature "khankendi": "nameAz" 42 must be a string or null');
  });

  it('an "altNames" entry that is not a string, instead of dropping it', () => {
    const files = withLayer('khankendi.geojson', (j) => j.features[0].properties.altNames.push({ name: 'x' }));
    expect(errorsOf(files).some((e) => /feature "khankendi": "altNames\[\d+\]" \{"name":"x"\} must be a non-empty string/.test(e))).toBe(true);
  });

  it('an alternative coordinate out of range', () => {
    const files = withLayer('khankendi.geojson', (j) => (j.features[0].properties.provenance.alternatives[0].coordinates = [46.7, 139.8]));
    expect(errorsOf(files)).toContain('layers/khankendi.geojson: feature "khankendi": "provenance.alternatives[0]" latitude 139.8 is out of range [-90, 90]');
  });
});

describe('the loader accepts what is fine and warns of what looks like a typo', () => {
  it('a tab in a source text is not a control character it refuses', () => {
    const text = good.sourceTexts['khojaly-overview.txt']!;
    const result = loadModel(withText('khojaly-overview.txt', `${text}\tend\n`));
    expect(result.ok ? [] : result.errors.map(formatError).filter((e) => !e.includes('sha256'))).toEqual([]);
  });

  it('a misspelt key is a warning that names it', () => {
    const files = withLayer('khankendi.geojson', (j) => (j.features[0].properties.citatons = []));
    const result = loadModel(files);
    expect(result.ok).toBe(true);
    expect(result.warnings.map(formatError)).toContain(
      'layers/khankendi.geojson: feature "khankendi": unknown key "citatons" in "properties" (known: name, nameAz, altNames, mentions, kind, precision, provenance, citations)'
    );
  });

  it('the shipped geodata has no warnings', () => {
    expect(loadModel(good).warnings).toEqual([]);
  });
});

describe('unknown keys deeper in a feature', () => {
  it('a misspelt provenance key is a warning', () => {
    const files = withLayer('khankendi.geojson', (j) => (j.features[0].properties.provenance.refrence = 'x'));
    expect(loadModel(files).warnings.map(formatError)).toContain(
      'layers/khankendi.geojson: feature "khankendi": unknown key "refrence" in "provenance" (known: reference, url, note, alternatives)'
    );
  });
});
