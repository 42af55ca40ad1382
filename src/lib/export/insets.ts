import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { BAKU_INSET, LOCATOR_BOUNDS, needsBakuInset, type Bounds as CornerBounds } from '../map/frames';
import type { Rect } from './layout';
import { cameraBounds, fitCamera, projector, type Bounds, type Camera } from './mercator';

/** An inset in the map: where it sits (map-frame pixels), what it shows and its caption. */
export interface InsetPlan {
  id: 'baku' | 'locator';
  rect: Rect;
  camera: Camera;
  caption: string;
  /** Only the locator: the main view's extent, drawn as a rectangle. */
  view?: Bounds;
}

const flat = (b: CornerBounds): Bounds => [b[0][0], b[0][1], b[1][0], b[1][1]];
const EPS = 1e-6;
const contains = (outer: Bounds, inner: Bounds) => outer[0] <= inner[0] + EPS && outer[1] <= inner[1] + EPS && outer[2] >= inner[2] - EPS && outer[3] >= inner[3] - EPS;
const covers = (r: Rect, p: readonly number[], margin: number) => p[0]! >= r.x - margin && p[0]! <= r.x + r.w + margin && p[1]! >= r.y - margin && p[1]! <= r.y + r.h + margin;

/**
 * The insets an export shows: Baku and the monument when the main view does not hold them, and,
 * when the view does not hold the story's extent (`story`, from `storyExtent`) whole, a locator of
 * the region with the view's rectangle. Each goes in a corner of the map where it covers no story symbol (`avoid`,
 * map-frame pixels); an inset that finds no such corner is left out.
 */
export function planInsets(camera: Camera, avoid: readonly (readonly number[])[], base: number, story: Bounds): InsetPlan[] {
  const view = cameraBounds(camera);
  const wanted: Omit<InsetPlan, 'rect' | 'camera'>[] = [];
  if (needsBakuInset([[view[0], view[1]], [view[2], view[3]]])) wanted.push({ id: 'baku', caption: 'Inset: Baku' });
  if (!contains(view, story)) wanted.push({ id: 'locator', caption: 'Where the map lies', view });
  const w = Math.round(Math.max(96, Math.min(camera.width * 0.3, 15 * base, 260)));
  const h = Math.round(w * 0.72);
  const gap = Math.round(0.5 * base);
  const scaleBar = 2.6 * base;
  const corners: Rect[] = [
    { x: camera.width - w - gap, y: gap, w, h },
    { x: camera.width - w - gap, y: camera.height - h - gap, w, h },
    { x: gap, y: gap, w, h },
    { x: gap, y: camera.height - h - gap - scaleBar, w, h }
  ];
  const used: Rect[] = [];
  const plans: InsetPlan[] = [];
  for (const inset of wanted) {
    const rect = corners.find((r) => r.y >= 0 && r.x >= 0 && !used.includes(r) && !avoid.some((p) => covers(r, p, 24)));
    if (!rect || w * 2 > camera.width || h * 2 > camera.height) continue;
    used.push(rect);
    const bounds = inset.id === 'baku' ? flat(BAKU_INSET.bounds) : flat(LOCATOR_BOUNDS);
    plans.push({ ...inset, rect, camera: fitCamera(bounds, rect.w, rect.h) });
  }
  return plans;
}

/** The style layers an inset draws: the Baku inset everything; the locator the basemap only. */
export function insetLayers(style: Pick<StyleSpecification, 'layers'>, inset: InsetPlan): LayerSpecification[] {
  return inset.id === 'baku' ? style.layers : style.layers.filter((l) => !l.id.startsWith('story-') && !/town-labels|water-labels/.test(l.id));
}

/** The locator's rectangle of the main view, in the inset's pixels (at least a few pixels wide). */
export function viewRect(inset: InsetPlan): Rect | null {
  if (!inset.view) return null;
  const project = projector(inset.camera);
  const [x0, y1] = project([inset.view[0], inset.view[1]]);
  const [x1, y0] = project([inset.view[2], inset.view[3]]);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const w = Math.max(x1 - x0, 6);
  const h = Math.max(y1 - y0, 6);
  return { x: cx - w / 2, y: cy - h / 2, w, h };
}
