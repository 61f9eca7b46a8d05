/**
 * The browser pool alone, for a caller that starts the browser before it loads the rest of the pipeline (the CLI
 * launches it first, so that it starts while the renderers load and the records are read and composed).
 */
export { BrowserPool, type BrowserPoolOptions } from '../render/pdf/browser-pool.js';
