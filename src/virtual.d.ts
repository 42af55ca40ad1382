declare module 'virtual:route-corridors' {
  import type { Corridors } from './lib/map/style/corridors';
  /** The route corridors of the shipped geodata, computed at build time. */
  const corridors: Corridors;
  export default corridors;
}

declare module 'virtual:geodata-model' {
  /** The shipped geodata's model as JSON text, loaded and validated at build time. */
  const modelJson: string;
  export default modelJson;
}
