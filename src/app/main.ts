// The editor's entry point (bundled by scripts/build-app.mjs); built in this issue.
export {};
