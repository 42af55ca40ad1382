import { addProtocol } from 'maplibre-gl';
import { offlineBasemap, type BasemapPart } from './style';
import type { Theme } from './basemap';
import type { BasemapChoice } from '../data/basemap-config';

let pmtilesReady: Promise<void> | null = null;

/** Registers the `pmtiles://` protocol once, loading the PMTiles reader only when a PMTiles basemap is used. */
function registerPmtiles(): Promise<void> {
  pmtilesReady ??= import('pmtiles').then(({ Protocol }) => {
    addProtocol('pmtiles', new Protocol().tile);
  });
  return pmtilesReady;
}

/** Turns a basemap choice into the part of the style under the story layers. */
export async function resolveBasemap(choice: BasemapChoice, theme: Theme): Promise<BasemapPart> {
  if (choice.type === 'offline') return offlineBasemap(theme);
  if (choice.type === 'pmtiles') {
    const [{ pmtilesBasemapLayers, pmtilesBasemapSources }] = await Promise.all([import('./basemap'), registerPmtiles()]);
    return { sources: pmtilesBasemapSources(new URL(choice.url, window.location.href).href), layers: pmtilesBasemapLayers(theme) };
  }
  const response = await fetch(choice.url);
  if (!response.ok) throw new Error(`basemap style ${choice.url}: HTTP ${response.status}`);
  const style = (await response.json()) as BasemapPart & { sprite?: BasemapPart['sprite'] };
  return { sources: style.sources, layers: style.layers, glyphs: style.glyphs, sprite: style.sprite };
}
