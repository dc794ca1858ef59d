import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './cli.ts';

export const PETS_PATH = join(repoRoot, 'test/fixtures/pets.yaml');

/** Our small pets spec (not a vendor's): one tag, one operation, one schema; info.version `v2.1`. */
export const PETS = readFileSync(PETS_PATH, 'utf8');

/** The pets spec with a second tag, so a narrower selection removes files. */
export const PETS_AND_STORES = PETS.replace(
  'components:',
  `  /stores:
    get:
      operationId: list-stores
      tags: [Stores]
      responses:
        '204':
          description: No content.
components:`,
);
