/**
 * The architecture the README's "The code" section describes, one rule per claim.
 * Layers, lowest first: data → state → (sources, map style) → map controller → ui / embed / export.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const LIB = '^src/lib/';
const MAP_STYLE = '^src/lib/map/(style/|basemap/|symbols\\.ts|attribution\\.ts|camera\\.ts|frames\\.ts)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No module depends on itself through others.',
      severity: 'error',
      from: {},
      to: { circular: true }
    },
    {
      name: 'data-is-the-lowest-layer',
      comment: 'src/lib/data (files → validated model, shared types) imports no other layer.',
      severity: 'error',
      from: { path: '^src/lib/(data/|title\\.ts)' },
      to: { path: `${LIB}(i18n|state|sources|map|ui|embed|export)/` }
    },
    {
      name: 'i18n-imports-nothing',
      comment: 'src/lib/i18n (the interface strings) imports no other module of the app.',
      severity: 'error',
      from: { path: '^src/lib/i18n/' },
      to: { path: `${LIB}(data|state|sources|map|ui|embed|export)/` }
    },
    {
      name: 'state-only-reads-data',
      comment: 'src/lib/state (AppState, URL hash) imports only the data layer and the interface strings: no map, no maplibre-gl, no views.',
      severity: 'error',
      from: { path: '^src/lib/state/' },
      to: { path: [`${LIB}(sources|map|ui|embed|export)/`, '^node_modules/(maplibre-gl|pmtiles)/'] }
    },
    {
      name: 'sources-only-read-data',
      comment: 'src/lib/sources (mentions, segmentation) imports only the data layer.',
      severity: 'error',
      from: { path: '^src/lib/sources/' },
      to: { path: `${LIB}(state|map|ui|embed|export)/` }
    },
    {
      name: 'map-knows-no-state-or-views',
      comment: 'src/lib/map draws what it is given: it imports the data layer, never AppState, the sources, the UI, the embed or the exports.',
      severity: 'error',
      from: { path: '^src/lib/map/' },
      to: { path: `${LIB}(state|sources|ui|embed|export)/` }
    },
    {
      name: 'style-is-pure',
      comment: 'The style (map/style, map/basemap, symbols, attribution, camera, frames) uses only types from maplibre-gl and never the controller or the modules that drive a map.',
      severity: 'error',
      from: { path: MAP_STYLE },
      to: {
        path: ['^node_modules/maplibre-gl/', '^src/lib/map/(controller|offscreen|icons|basemaps)\\.ts$'],
        dependencyTypesNot: ['type-only']
      }
    },
    {
      name: 'only-map-runs-maplibre',
      comment: 'Only src/lib/map imports maplibre-gl at run time.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/lib/map/' },
      to: { path: '^node_modules/maplibre-gl/', dependencyTypesNot: ['type-only'] }
    },
    {
      name: 'only-mapview-holds-the-controller',
      comment: 'One component (ui/MapView.svelte) owns the MapLibre map through map/controller.ts.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/lib/(ui/MapView\\.svelte|map/)' },
      to: { path: '^src/lib/map/controller\\.ts$' }
    },
    {
      name: 'export-does-not-import-ui',
      comment: 'The exports are plain modules the UI loads on demand; they import no component.',
      severity: 'error',
      from: { path: '^src/lib/export/' },
      to: { path: `${LIB}ui/` }
    },
    {
      name: 'embed-does-not-import-ui-or-export',
      comment: 'src/lib/embed (options, protocol, bridge) imports neither components nor exports.',
      severity: 'error',
      from: { path: '^src/lib/embed/' },
      to: { path: `${LIB}(ui|export)/` }
    },
    {
      name: 'app-code-imports-no-tests-or-scripts',
      comment: 'The app never depends on test or build code.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|scripts)/' }
    },
    {
      name: 'unit-tests-run-without-a-browser',
      comment: 'Unit tests import neither the browser tests nor Playwright.',
      severity: 'error',
      from: { path: '^tests/unit/' },
      to: { path: ['^tests/e2e/', '^node_modules/@playwright/', '^node_modules/playwright'] }
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (the type-only packages geojson and topojson-specification, provided by @types, excepted).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(geojson|topojson-specification)$' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.svelte', '.json'] },
    builtInModules: { add: ['virtual:route-corridors', 'virtual:geodata-model'] },
    reporterOptions: { text: { highlightFocused: true } }
  }
};
