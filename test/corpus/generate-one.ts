/**
 * One corpus document: `openapi-morph generate` in the working folder (run.ts writes the
 * project), then its peak memory, on a line run.ts reads: `corpus-stats <ms> <maxRSS KiB>`.
 */
import { main } from '../../generator/cli/main.ts';

const started = performance.now();
const code = await main(['generate'], { cwd: process.cwd(), out: (text) => console.log(text), err: (text) => console.error(text), color: false });
console.log(`corpus-stats ${Math.round(performance.now() - started)} ${process.resourceUsage().maxRSS}`);
process.exitCode = code;
