#!/usr/bin/env node
// The CLI as installed: compiled JavaScript in dist/, no TypeScript loader. Configs and team
// templates in TypeScript load through jiti (generator/import-module.ts), on demand.
import { main } from '../cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
