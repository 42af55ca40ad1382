import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import { CLUSTER_LAYERS } from './style/clusters';

/**
 * Lets a click on a cluster zoom the map in until the cluster splits (MapLibre's expansion zoom),
 * with a pointer cursor over clusters. Clusters are not places: a click on one selects nothing.
 */
export function zoomIntoClusters(map: MapLibreMap, animate: () => boolean): void {
  const [layer] = CLUSTER_LAYERS;
  map.on('click', layer, (e: MapLayerMouseEvent) => {
    const cluster = e.features?.[0];
    const id = cluster?.properties.cluster_id as number | undefined;
    if (!cluster || id === undefined || cluster.geometry.type !== 'Point') return;
    const center = cluster.geometry.coordinates as [number, number];
    void map
      .getSource<GeoJSONSource>(cluster.source)
      ?.getClusterExpansionZoom(id)
      .then((zoom) => map.easeTo({ center, zoom, animate: animate() }));
  });
  map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
  map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
}
