/**
 * The diff stage: what changed between two documents for the selected operations, and whether it
 * breaks a client. `diffSpecs` applies the rules table to the documents (synchronous, light);
 * `diffPackages` adds the generated packages' TypeScript API. `renderText` is the human output,
 * `toReleaseChanges` the changelog entries.
 */
export { diffSpecs } from './spec-diff.ts';
export { diffPackages } from './packages.ts';
export { toReleaseChanges } from './report.ts';
export { renderText, summary } from './render-text.ts';
