/**
 * Credits the map adds to those its sources carry (the offline basemap's sources name Natural
 * Earth, GSHHG and GeoNames themselves): the shipped font and where story coordinates come from.
 */
export const STORY_ATTRIBUTION = ['Font: Noto Sans (OFL 1.1)', 'Places: Wikipedia, GeoNames; quotes from the sources listed'];

/** Credits as plain text, for images and PDFs. */
export function plainAttribution(entries: string[]): string {
  return entries.map((e) => e.replace(/<[^>]*>/g, '')).join(' · ');
}
