import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { RequiredInput } from './required-input.ts';

/** Chromium the way .ci/run finds it: `chromium` on PATH, else Debian's /usr/bin/chromium. */
function findChromium(): string | undefined {
  try {
    const onPath = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (onPath) return onPath;
  } catch {
    // not on PATH
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export const chromiumPath = findChromium();

export const chromiumInput: RequiredInput = {
  what: 'Chromium (`command -v chromium`, then /usr/bin/chromium)',
  present: chromiumPath !== undefined,
  hint: 'apt-get install -y chromium; .ci/run installs it',
};
