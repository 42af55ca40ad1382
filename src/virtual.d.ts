declare module 'virtual:route-corridors' {
  import type { Corridors } from './lib/map/style/corridors';
  /** The route corridors of the shipped geodata, computed at build time. */
  const corridors: Corridors;
  export default corridors;
}
