/** The shape of every id: layers, places, basemaps, messages. Lower-case words joined by single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The longest id accepted from outside (URL, host messages). */
const MAX_ID_LENGTH = 64;

/** Whether a value from outside is a well-formed id. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);
}
