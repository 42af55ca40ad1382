import type { StyleSpecification } from 'maplibre-gl';
import { eventPlaces } from '../data/events';
import type { Model } from '../data/types';
import { buildStyle, type BasemapPart } from '../map/style';
import type { ExportRequest } from './types';

/**
 * The style an export draws from: the map's own, for the request's layers, theme, selected place and
 * selected event (its global state, as on screen: the screen's hover ring is never part of it).
 */
export function exportStyle(model: Model, request: Pick<ExportRequest, 'theme' | 'layers' | 'place' | 'event'>, basemap?: BasemapPart): StyleSpecification {
  return buildStyle({ model, theme: request.theme, visible: request.layers, selected: request.place, marked: eventPlaces(model, request.event), basemap });
}
