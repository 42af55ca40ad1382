import { describe, expect, it } from 'vitest';
import file from '../../basemaps.json';
import { externalOrigins, parseBasemapConfig } from '../../src/lib/data/basemap-config';

describe('parseBasemapConfig', () => {
  it('reads the shipped configuration: the self-hosted PMTiles archive by default, nothing online', () => {
    const config = parseBasemapConfig(file);
    expect(config.default).toBe('pmtiles');
    expect(config.basemaps.map((b) => b.type)).toEqual(['offline', 'pmtiles']);
    expect(externalOrigins(config)).toEqual([]);
  });

  it('lets the build-time override choose a listed basemap', () => {
    expect(parseBasemapConfig(file, 'offline').default).toBe('offline');
  });

  it('adds an online style from the override, and names its origin for the CSP', () => {
    const config = parseBasemapConfig(file, 'style:https://tiles.openfreemap.org/styles/positron');
    expect(config.default).toBe('configured');
    expect(config.basemaps.at(-1)).toMatchObject({ type: 'style', url: 'https://tiles.openfreemap.org/styles/positron' });
    expect(externalOrigins(config)).toEqual(['https://tiles.openfreemap.org']);
  });

  it('ignores an override that is neither an id nor a typed URL', () => {
    expect(parseBasemapConfig(file, 'somewhere-else').default).toBe('pmtiles');
  });

  it('drops entries with unsafe URLs or ids and keeps the offline basemap', () => {
    const config = parseBasemapConfig({
      default: 'evil',
      basemaps: [
        { id: 'evil', type: 'style', url: 'javascript:alert(1)' },
        { id: 'proto', type: 'pmtiles', url: '//other.example/x.pmtiles' },
        { id: 'data', type: 'style', url: 'data:application/json,{}' },
        { id: 'Bad Id', type: 'offline' }
      ]
    });
    expect(config.basemaps.map((b) => b.id)).toEqual(['offline']);
    expect(config.default).toBe('offline');
  });

  it('accepts a path relative to the page, so the site works from any folder', () => {
    const config = parseBasemapConfig({ basemaps: [{ id: 'tiles', type: 'pmtiles', url: 'basemap/caucasus.pmtiles' }] });
    expect(config.basemaps.map((b) => b.id)).toEqual(['offline', 'tiles']);
  });

  it('survives a configuration that is not an object', () => {
    expect(parseBasemapConfig('nonsense').basemaps.map((b) => b.id)).toEqual(['offline']);
  });
});
