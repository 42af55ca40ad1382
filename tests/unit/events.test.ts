import { describe, expect, it } from 'vitest';
import { eventCaption, isIsoDate } from '../../src/lib/data/events';
import { formatHash, parseHash } from '../../src/lib/state/url';
import type { RawFiles } from '../../src/lib/data/types';
import { errorsOf, modelOf, shippedFiles, withJson } from '../support/model';

const good = shippedFiles;

/** The shipped files with one event rewritten by `change`. */
const withEvent = (id: string, change: (event: any) => void): RawFiles =>
  withJson('events', (json) => change(json.events.find((e: any) => e.id === id)));

const model = modelOf(good);
const event = (id: string) => model.events.find((e) => e.id === id)!;

describe('the shipped events', () => {
  it('are in time order, undated last', () => {
    expect(model.events.map((e) => e.date)).toEqual([
      '1992-02-25/1992-02-26',
      '1993',
      '1994',
      '2009-02',
      '2012-01',
      '2014-02-13',
      '2023-09-19/2023-09-20',
      '2023-10-15',
      '2026-02-26',
      '2026-02-26',
      null,
      null
    ]);
  });

  it('keep the date words as each text writes them', () => {
    expect(event('attack-1992').citations.map((c) => c.when)).toEqual([
      'On the night of February 25–26, 1992',
      'On the night of February 25-26, 1992',
      'On February 25, 1992'
    ]);
  });

  it('date the monument from one text only: the other gives no year', () => {
    expect(event('monument').citations.map((c) => [c.source, c.date])).toEqual([
      ['khojaly-overview', '1993'],
      ['report-2026-02-26', null]
    ]);
  });

  it('leave the 44-day war undated', () => {
    expect(event('war-44-day').date).toBeNull();
    expect(event('war-44-day').citations.every((c) => c.when === null && c.date === null)).toBe(true);
  });

  it("date the resettlement figures by the report's own date, marked as such", () => {
    const [c] = event('resettlement').citations;
    expect([c!.asOfSource, c!.date, c!.when]).toEqual([true, '2026-02-26', null]);
  });

  it('quote every label from the event itself', () => {
    for (const e of model.events) expect(e.citations.some((c) => c.exact.includes(e.label))).toBe(true);
  });
});

describe('isIsoDate', () => {
  it.each(['1993', '2009-02', '2014-02-13', '1992-02-25/1992-02-26'])('accepts %s', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['93', '2009-13', '2014-02-30', '1992-02-26/1992-02-25', 'February 1992', '1992-2-5'])('rejects %s', (d) =>
    expect(isIsoDate(d)).toBe(false)
  );
});

describe('event validation', () => {
  it('rejects a date that is not a real ISO 8601 date', () => {
    const files = withEvent('order-2014', (e) => (e.citations[0].date = '2014-02-31'));
    expect(errorsOf(files)).toContain(
      'events.json: feature "order-2014": date "2014-02-31" is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or start/end)'
    );
  });

  it('rejects a date the quoted words do not give', () => {
    const files = withEvent('order-2014', (e) => (e.citations[0].date = '2015-02-13'));
    expect(errorsOf(files)).toContain('events.json: feature "order-2014": date "2015-02-13" does not match the words "dated February 13, 2014"');
  });

  it('rejects a date without the words that give it', () => {
    const files = withEvent('war-44-day', (e) => (e.citations[0].date = '2020'));
    expect(errorsOf(files)).toContain('events.json: feature "war-44-day": date "2020" needs "when", the words of the quote that give it');
  });

  it('rejects an unknown place', () => {
    const files = withEvent('flag-2023', (e) => e.places.push('shusha'));
    expect(errorsOf(files)).toContain('events.json: feature "flag-2023": names unknown place "shusha"');
  });

  it('rejects a quote not found in its text', () => {
    const files = withEvent('cleared-2023', (e) => (e.citations[0].exact = 'The city of Khojaly was cleared on September 19.'));
    expect(errorsOf(files)).toContain(
      'events.json: feature "cleared-2023": quote "The city of Khojaly was cleared on September 19." in source "report-2026-02-26": the quote is not found in the text'
    );
  });

  it('rejects date words that are not in the quote', () => {
    const files = withEvent('flag-2023', (e) => (e.citations[1].when = 'On 15 October 2023'));
    expect(errorsOf(files)[0]).toMatch(/"when" "On 15 October 2023" does not occur in the quote/);
  });

  it('rejects a label that is not quoted from the event', () => {
    const files = withEvent('monument', (e) => (e.label = 'the monument opened'));
    expect(errorsOf(files)).toContain('events.json: feature "monument": "label" "the monument opened" must be words quoted from one of its citations');
  });
});

describe('the export caption of an event', () => {
  it('quotes the label and gives each date in the words of the text, with its sources', () => {
    expect(eventCaption(model, event('flag-2023'))).toBe('“raised the State Flag” — On October 15, 2023 [1, 2]');
  });

  it('shows both dates where the quotations differ', () => {
    expect(eventCaption(model, event('attack-1992'))).toBe(
      '“attacked the city of Khojaly” — On the night of February 25–26, 1992 [1, 2]; On February 25, 1992 [2]'
    );
  });

  it('says an undated event has no date in the texts', () => {
    expect(eventCaption(model, event('war-44-day'))).toBe('“the 44-day war” — no date in the texts [1]');
  });
});

describe('event= in the URL hash', () => {
  const known = { layers: [], places: [], events: model.events.map((e) => e.id) };

  it('reads a known event and writes it back', () => {
    const state = parseHash('#event=palembang-2012', known);
    expect(state.event).toBe('palembang-2012');
    expect(formatHash(state)).toBe('event=palembang-2012');
  });

  it('drops an unknown event', () => {
    expect(parseHash('#event=nowhere', known).event).toBeUndefined();
  });
});
