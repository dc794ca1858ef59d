import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../generator/config/load.ts';
import { sha256 } from '../generator/hash.ts';
import { render } from '../generator/pipeline.ts';
import { repoRoot, spawnCli } from './helpers/cli.ts';

describe('deterministic output', () => {
  it('two renders give the same bytes', async () => {
    const config = await loadConfig({ cwd: repoRoot });
    const [a, b] = [await render(config), await render(config)];
    expect([...a.files]).toStrictEqual([...b.files]);
  });

  it("a project whose release history and output folder lie outside it records the same inputs wherever it sits (no absolute path in the manifest's hash)", () => {
    const inputs = (depth: string) => {
      const base = mkdtempSync(join(tmpdir(), 'om-outside-'));
      try {
        const project = join(base, depth, 'project');
        mkdirSync(join(project, 'spec'), { recursive: true });
        cpSync(join(repoRoot, 'spec/openapi.yaml'), join(project, 'spec/openapi.yaml'));
        writeFileSync(join(project, 'openapi-morph.config.mjs'), `export default ${JSON.stringify({ spec: 'spec/openapi.yaml', output: { dir: '../out' }, package: { name: 'outside-client', releases: '../releases.json' } })};\n`);
        const run = spawnCli(['generate'], project);
        expect([run.code, run.stderr]).toStrictEqual([0, '']);
        return (JSON.parse(readFileSync(join(project, '../out/openapi-morph.manifest.json'), 'utf8')) as { inputs: string }).inputs;
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    };
    expect(inputs('a')).toBe(inputs('b/deeper'));
  });

  it('another time zone and locale give the same bytes (check passes)', () => {
    const run = spawnCli(['check'], repoRoot, { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('every file starts with the do-not-edit header naming the spec sha256 (LICENSE stays word for word); the manifest hashes every file', async () => {
    const specHash = sha256(readFileSync(join(repoRoot, 'spec/openapi.yaml')));
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'generated/openapi-morph.manifest.json'), 'utf8')) as {
      spec: { sha256: string };
      toolkit: { version: string };
      config: { path: string; sha256: string };
      templates: { name: string; source: string; sha256: string }[];
      files: Record<string, string>;
    };
    expect(manifest.spec.sha256).toBe(specHash);
    expect(manifest.config.path).toBe('openapi-morph.config.ts');
    expect(manifest.templates.map((t) => t.name)).toContain('api');
    expect(Object.keys(manifest.files).length).toBeGreaterThanOrEqual(15);
    for (const [path, hash] of Object.entries(manifest.files)) {
      const content = readFileSync(join(repoRoot, 'generated', path), 'utf8');
      expect(sha256(content), path).toBe(hash);
      const head = content.split('\n').slice(0, 3).join('\n');
      if (path === 'LICENSE') {
        expect(head).toBe('MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy');
        continue;
      }
      expect(head, path).toContain(`sha256 ${specHash}`);
      expect(head, path).toContain('Do not edit');
    }
  });
});
