/** Whether the on-screen map's WebGL context is lost (the browser or GPU reset it); set by the map view. */
class GpuState {
  /** True between a `webglcontextlost` and the matching `webglcontextrestored`. */
  lost = $state(false);
}

/** The one GPU state: the map view writes it, the notice and raster exports read it. */
export const gpu = new GpuState();
