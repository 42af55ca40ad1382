import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/lib/data/load';
import { readGeodata } from '../../src/lib/data/read-files';
import { findMentions } from '../../src/lib/sources/mentions';

const result = loadModel(readGeodata('geodata'));
if (!result.ok) throw new Error('shipped geodata is invalid');
const { places } = result.model;

describe('findMentions', () => {
  it('links both spellings of Khankendi to the same place', () => {
    const text = 'stationed in Khankendi; later Khankandi.';
    expect(findMentions(text, places)).toEqual([
      { start: 13, end: 22, placeId: 'khankendi' },
      { start: 30, end: 39, placeId: 'khankendi' }
    ]);
  });

  it('matches whole words only', () => {
    expect(findMentions('Aghdamski and Khojalyan are not places here.', places)).toEqual([]);
  });

  it('prefers the longest overlapping spelling', () => {
    const text = 'erected in the Khatai district of Baku in memory';
    expect(findMentions(text, places)).toEqual([{ start: 15, end: 38, placeId: 'mothers-cry' }]);
  });

  it('finds every flag-raising town in the report sentence', () => {
    const text = 'in the city of Khojaly, along with Aghdara, Asgaran, Khojavand, and Khankandi.';
    expect(findMentions(text, places).map((m) => m.placeId)).toEqual(['khojaly', 'aghdara', 'asgaran', 'khojavand', 'khankendi']);
  });
});
