import modelJson from 'virtual:geodata-model';
import type { Model } from './types';

/**
 * The shipped geodata's model. The build loads and validates the files through the one loader
 * (`scripts/model-plugin.ts`) and ships the model as JSON; each call parses a fresh copy.
 */
export function bundledModel(): Model {
  return JSON.parse(modelJson) as Model;
}
