/** A camera position as it appears in URLs: `zoom/lat/lng`. */
export interface View {
  zoom: number;
  lat: number;
  lng: number;
}
