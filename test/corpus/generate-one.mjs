/**
 * One corpus document: `openapi-morph generate` in the working folder (run.ts writes the
 * project), then its peak memory, on a line run.ts reads: `corpus-stats <ms> <maxRSS KiB>`.
 * Runs the compiled toolkit (dist/, as users run it; `npm run corpus` builds it first): plain
 * JavaScript, so no TypeScript loader transpiles the generator in every one of the processes.
 */
import { main } from '../../dist/generator/cli/main.js';

const started = performance.now();
const code = await main(['generate'], { cwd: process.cwd(), out: (text) => console.log(text), err: (text) => console.error(text), color: false });
console.log(`corpus-stats ${Math.round(performance.now() - started)} ${process.resourceUsage().maxRSS}`);
process.exitCode = code;
