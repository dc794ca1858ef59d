import { readFileSync } from 'node:fs';
import { defineTemplate } from 'openapi-morph';

/**
 * A new output, as a folder template: `files/house.ts` is real TypeScript (type-checked with the
 * rest of the team's code) copied into the package as `src/house.ts`.
 */
export default defineTemplate({
  apiVersion: 1,
  name: 'house',
  description: "src/house.ts: Acme's x-team-id header and onRequest/onResponse hooks, as a fetch wrapper",
  scope: 'document',
  render() {
    return { kind: 'text', path: 'src/house.ts', content: readFileSync(new URL('./files/house.ts', import.meta.url), 'utf8') };
  },
});
