import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { configFileIn } from '../config/load.ts';
import { fail } from '../diagnostics/diagnostic.ts';
import { defaultLimits } from '../load/limits.ts';
import { isUrlInput, loadFrom } from '../load/from.ts';
import { NPM_NAME, packageNameFromTitle } from '../package-identity.ts';
import type { SpecDocument } from '../spec-context.ts';
import { configFileText } from './config-file.ts';
import { githubWorkflowText } from './workflow.ts';

export interface InitOptions {
  readonly cwd: string;
  /** A file path (relative to `cwd`) or an http(s) URL. */
  readonly spec?: string;
  readonly out?: string;
  readonly name?: string;
  readonly ci?: string;
  readonly upstream?: string;
}

/** One file `init` considered: written, or kept because it exists. */
export interface InitStep {
  readonly path: string;
  readonly action: 'wrote' | 'kept' | 'uses' | 'needs';
  readonly note: string;
}

export const CONFIG_FILE = 'openapi-morph.config.ts';
export const WORKFLOW_FILE = '.github/workflows/openapi-morph.yml';
const PLACED_SPEC = 'spec/openapi';

/**
 * `init`: a commented config (`defineConfig`), the spec placed (a URL downloaded, a file outside
 * the folder copied in) or pointed to, and optionally a CI workflow. Non-interactive; checks every
 * input before writing anything, and never overwrites a file.
 */
export async function init(options: InitOptions): Promise<InitStep[]> {
  if (options.name !== undefined && !NPM_NAME.test(options.name)) fail('OM100', `--name ${JSON.stringify(options.name)} is not a valid npm package name`);
  if (options.ci !== undefined && options.ci !== 'github') fail('OM100', `--ci ${JSON.stringify(options.ci)}: the only CI init writes is github`);
  if (options.upstream !== undefined && options.ci === undefined) fail('OM100', '--upstream is the URL the CI job syncs from; it needs --ci github');
  if (options.upstream !== undefined) checkUpstream(options.upstream);
  const out = options.out ?? 'generated';
  if (out === '' || isAbsolute(out) || relative(options.cwd, resolve(options.cwd, out)).startsWith('..') || resolve(options.cwd, out) === resolve(options.cwd)) {
    fail('OM100', `--out ${JSON.stringify(out)} must be a folder inside the project`);
  }

  const steps: InitStep[] = [];
  const spec = await placeSpec(options, steps);
  const name = options.name ?? (spec.document ? packageNameFromTitle(titleOf(spec.document)) : undefined);

  const existing = configFileIn(options.cwd);
  if (existing) steps.push({ path: basename(existing), action: 'kept', note: 'a config exists; not overwritten' });
  else {
    await writeFile(join(options.cwd, CONFIG_FILE), configFileText({ spec: spec.path, out, name }));
    steps.push({ path: CONFIG_FILE, action: 'wrote', note: `spec ${spec.path}, output ${out}${name ? `, package ${name}` : ''}` });
  }

  if (options.ci === 'github') {
    const target = join(options.cwd, WORKFLOW_FILE);
    if (existsSync(target)) steps.push({ path: WORKFLOW_FILE, action: 'kept', note: 'exists; not overwritten' });
    else {
      await mkdir(join(options.cwd, '.github/workflows'), { recursive: true });
      await writeFile(target, githubWorkflowText({ upstream: options.upstream }));
      steps.push({ path: WORKFLOW_FILE, action: 'wrote', note: options.upstream ? 'check on pull requests; weekly sync from upstream as a pull request' : 'check on pull requests' });
    }
  }
  return steps;
}

/** Where the config's `spec` points: a file in the folder as is; a URL or a file elsewhere, placed under spec/. */
async function placeSpec(options: InitOptions, steps: InitStep[]): Promise<{ path: string; document: SpecDocument | undefined }> {
  const cwd = options.cwd;
  if (options.spec === undefined) {
    const path = `${PLACED_SPEC}.yaml`;
    const found = existsSync(join(cwd, path));
    steps.push({ path, action: found ? 'uses' : 'needs', note: found ? 'the spec, where it is' : 'missing: put your OpenAPI document there, or run init with --spec' });
    return { path, document: undefined };
  }
  // Loading checks it is an OpenAPI 3.x document (and downloads a URL, with the usual limits).
  const document = await loadFrom(options.spec, cwd, defaultLimits);
  if (!isUrlInput(options.spec)) {
    const source = resolve(cwd, options.spec);
    const inside = relative(cwd, source);
    if (!inside.startsWith('..') && !isAbsolute(inside)) {
      steps.push({ path: inside.split('\\').join('/'), action: 'uses', note: 'the spec, where it is' });
      return { path: inside.split('\\').join('/'), document };
    }
    const path = `spec/${basename(source)}`;
    if (existsSync(join(cwd, path))) steps.push({ path, action: 'kept', note: 'exists; not overwritten' });
    else {
      await mkdir(join(cwd, 'spec'), { recursive: true });
      await copyFile(source, join(cwd, path));
      steps.push({ path, action: 'wrote', note: `copied from ${basename(source)}` });
    }
    return { path, document };
  }
  const path = `${PLACED_SPEC}.${/^\s*\{/.test(document.source.text) ? 'json' : 'yaml'}`;
  if (existsSync(join(cwd, path))) steps.push({ path, action: 'kept', note: 'exists; not overwritten' });
  else {
    await mkdir(join(cwd, 'spec'), { recursive: true });
    await writeFile(join(cwd, path), document.source.text);
    steps.push({ path, action: 'wrote', note: `downloaded from ${document.source.name}` });
  }
  return { path, document };
}

function titleOf(spec: SpecDocument): string | undefined {
  const info = spec.document['info'] as { title?: unknown } | undefined;
  return typeof info?.title === 'string' ? info.title : undefined;
}

/** The workflow file is committed: a URL with credentials would publish them. */
function checkUpstream(upstream: string): void {
  let url: URL | undefined;
  try {
    url = new URL(upstream);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) fail('OM100', '--upstream must be an http(s) URL');
  if (url.username !== '' || url.password !== '') fail('OM100', '--upstream has credentials, which the committed workflow would publish; use a URL without them');
  // A query often carries a credential (`?access_token=...`): messages hide it, a committed file would not.
  if (url.search !== '') fail('OM100', '--upstream has a query string, which the committed workflow would publish (it may hold a credential); use a URL without one, or set UPSTREAM in the workflow from a repository secret');
}
