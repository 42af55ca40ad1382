/**
 * The interface in English: every string the app says in its own voice. Placeholders in braces
 * (`{name}`) are filled by {@link fill}. Source texts, quotations, place names and layer
 * descriptions come from the data and are never translated.
 */
export const en = {
  title: 'Khojaly, February 1992 and after',
  intro: 'Places named in two source texts, each linked to the passages that mention it. What it says about events is quoted, with the source named; its own map notes say only how places were drawn.',
  panelSections: 'Sections of the panel',
  skipToList: 'Skip to the list of places',
  places: 'Places',
  passageCount: '{n} passages',
  passageCountOne: '1 passage',
  approximate: 'approximate',
  hiddenLayerHint: 'In a hidden layer: selecting it shows the layer',
  layers: 'Layers',
  basemap: 'Basemap',
  selectPlace: 'Select a place',
  selectHint: 'Click a place on the map, choose one from the list, or follow a place name in a source text.',
  differencesAll: 'Where the two sources differ ({n})',
  differsLabel: 'Where the sources differ: {topic}',
  differsHeading: 'The sources differ: {topic}',
  clearSelection: 'Clear selection',
  alsoKnownAs: 'Also known as {names}',
  mapNote: 'Map note:',
  locationExact: 'Location: exact',
  locationApproximate: 'Location: approximate',
  schematicLine: 'a schematic line',
  fromReference: 'from {reference}.',
  alternativeGives: '{reference} gives {coordinates}.',
  passagesOf: 'Passages that mention {name}',
  previousPassage: 'Previous passage',
  nextPassage: 'Next passage',
  passageOf: 'Passage {n} of {total}',
  sources: 'Sources',
  chooseSource: 'Choose a source text',
  sourceTitle: 'Title',
  sourcePublisher: 'Publisher',
  sourceDate: 'Date',
  sourceUrl: 'URL',
  unknown: 'unknown',
  sourceText: 'Text of the source',
  mapLabel: 'Map of the places the sources mention. With the map focused, arrow keys pan, + and − zoom, N and P move through the places in view, Enter selects one.',
  mapError: 'The map cannot be drawn in this browser ({error}). The list of places and the source texts still work.',
  basemapError: 'The basemap “{label}” could not be loaded ({error}); showing the offline basemap.',
  noPlaceInView: 'No place in view. Zoom out or use the list of places.',
  placeInView: '{name}: {n} of {total} places in view. Press Enter to select.',
  selected: '{name} selected. Passage {n} of {total}, from {source}: {quote}',
  selectionCleared: 'Selection cleared.',
  embedPlace: 'Place',
  embedNone: 'None selected',
  fullScreen: 'Full screen',
  exitFullScreen: 'Exit full screen',
  embedLoadsNear: 'The map loads when it scrolls into view.',
  embedHint: 'Choose a place, or click one on the map, to read the passages that mention it.',
  openFullMap: 'Open the full map',
  opensNewTab: '(opens in a new tab)',
  legendAndLayers: 'Legend and layers',
  readSources: 'Read the sources',
  inTheSources: '{count} in the sources.',
  readInFullMap: 'Read them in the full map',
  exportFinished: 'Export finished: {file}',
  share: 'Share',
  embed: 'Embed',
  export: 'Export…'
} as const;

/** The keys of the interface strings. */
export type MessageKey = keyof typeof en;

/** One language's interface strings: every key, each a string. */
export type Messages = Record<MessageKey, string>;
