import { format } from 'prettier/standalone';
import * as typescript from 'prettier/plugins/typescript';
import * as estree from 'prettier/plugins/estree';
import * as babel from 'prettier/plugins/babel';
const plugins = [typescript, estree, babel];
const line = (n) => { const base = 'export type A = components["schemas"]["'; const key = 'k'.repeat(n - base.length - 3); return `${base}${key}"];`; };
let text = 'import type { components } from "./schema.js";\n';
for (const n of [79, 80, 81, 82, 120]) text += line(n) + '\n';
text += '/**\n * a  \n   * b\n */\nexport type VeryLongNameeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee = components["schemas"]["x"];\n/** one */\n/* two */\nexport type B = C["a b"]["$x"];\n';
for (const parser of ['babel-ts', 'typescript']) { const out = await format(text, { parser, filepath: 'src/models.ts', plugins }); console.log(parser, JSON.stringify(out.split('\n').map((l) => l.length + ':' + l.slice(0, 30)))); }
