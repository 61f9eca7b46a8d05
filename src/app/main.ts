// The editor's entry point (bundled by scripts/build-app.mjs into dist/app/app.js).
import { startApp } from './start-app.js';

const root = document.getElementById('app');
if (root) void startApp(root);
