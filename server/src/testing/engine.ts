import { initEngine } from '../engine/index';
import { loadEngineAssets } from '../node/assets';

/** Loads the grammars once per test process. */
export function ready(): Promise<void> {
  return initEngine(loadEngineAssets());
}
