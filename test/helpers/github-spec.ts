import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './cli.ts';
import type { RequiredInput } from './required-input.ts';

/**
 * GitHub's REST description (`@octokit/openapi`), which the bench and the real-world corpus each
 * pin in their own `package.json`: a clean clone's `npm ci` does not install it. Either copy.
 */
const COPIES = ['bench', 'test/corpus'].map((folder) => join(repoRoot, folder, 'node_modules/@octokit/openapi/generated/api.github.com.json'));

export const githubSpec = COPIES.find((path) => existsSync(path)) ?? COPIES[0]!;

export const githubSpecInput: RequiredInput = {
  what: `GitHub's REST description (${COPIES.join(' or ')})`,
  present: existsSync(githubSpec),
  hint: 'npm ci --prefix test/corpus --ignore-scripts installs it; so do npm run bench and npm run corpus',
};
