/**
 * Runs every `bench/*.bench.ts` (or those whose name contains an argument): `npm run bench`,
 * `npm run bench -- bundle`. Prints each benchmark's figures; exits 1 only when one crashes.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Benchmark } from './types.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

let failed = false;
for (const file of files) {
  const bench = ((await import(pathToFileURL(join(dir, file)).href)) as { default: Benchmark }).default;
  console.log(`\n## ${bench.name} (${file})\n${bench.description}\n`);
  try {
    const rows = await bench.run();
    const width = Math.max(...rows.map((r) => r.label.length));
    for (const row of rows) {
      const value = Number.isInteger(row.value) ? String(row.value) : row.value.toFixed(2);
      console.log(`  ${row.label.padEnd(width)}  ${value.padStart(10)} ${row.unit}${row.note ? `  (${row.note})` : ''}`);
    }
  } catch (error) {
    failed = true;
    console.error(`  failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
if (files.length === 0) console.log(`no benchmark matches ${filters.join(', ')}`);
process.exitCode = failed ? 1 : 0;
