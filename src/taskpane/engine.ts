import type { EngineLoader } from './services';

/**
 * The plan engine, loaded as its own chunk: the pane's first screen does not wait for it,
 * and the browser fetches it in the background (prefetch) before the first click.
 */
export const loadEngine: EngineLoader = () => import(/* webpackChunkName: "engine", webpackPrefetch: true */ '../plan');
