import { format } from 'prettier/standalone';
import * as typescript from 'prettier/plugins/typescript';
import * as estree from 'prettier/plugins/estree';
import * as babel from 'prettier/plugins/babel';
import * as markdown from 'prettier/plugins/markdown';
import { readFileSync } from 'node:fs';
const plugins = [markdown, typescript, estree, babel];
const L = readFileSync('/tmp/w/pr4/dump.jsonl', 'utf8').trim().split('\n').map(JSON.parse);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let r = 0; r < 2; r++) for (const j of L) await format(j.text, { parser: j.p, filepath: j.f, plugins }).catch(() => {});
const by = {};
for (const j of L) { const t = cpu(); await format(j.text, { parser: j.p, filepath: j.f, plugins }).catch(() => {}); const k = j.f.startsWith('docs') ? 'docs' : j.f.startsWith('src/apis') ? 'src/apis' : j.f; (by[k] ??= [0, 0, 0]); by[k][0]++; by[k][1] += j.text.length; by[k][2] += cpu() - t; }
console.log(Object.entries(by).sort((a, b) => b[1][2] - a[1][2]).map(([k, v]) => `${k.padEnd(28)} ${v[0]} calls ${v[1]} chars ${v[2].toFixed(0)} ms`).join('\n'));
