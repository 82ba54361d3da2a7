import type { ToolsLoader } from './services';

/** The coordinator's tools (split, compile, charts), a chunk loaded on first use. */
export const loadTools: ToolsLoader = () => import(/* webpackChunkName: "tools" */ './tools').then((m) => m.tools);
