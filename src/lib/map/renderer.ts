/** Renderer names of WebGL implementations that draw on the CPU, where every pixel costs main-thread time. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver|microsoft basic/i;

/** Whether a WebGL renderer name (`UNMASKED_RENDERER_WEBGL` or `RENDERER`) is a software rasteriser. */
export function isSoftwareRenderer(name: string): boolean {
  return SOFTWARE.test(name);
}

/** The renderer name of a WebGL context: the unmasked one where the browser gives it. */
export function rendererName(gl: WebGLRenderingContext | WebGL2RenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
}

/**
 * The pixel ratio the on-screen map draws at: the device's, except that a software renderer draws
 * at most one canvas pixel per CSS pixel (it pays for each pixel; a GPU keeps the sharp canvas).
 */
export function screenPixelRatio(devicePixelRatio: number, software: boolean): number {
  return software ? Math.min(1, devicePixelRatio) : devicePixelRatio;
}
