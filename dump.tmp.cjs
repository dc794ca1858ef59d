const v = require('/work/main/dist/generator/schema-validators/v'+process.argv[3]+'.cjs');
const doc = require('/work/main/node_modules/js-yaml').load(require('fs').readFileSync(process.argv[2], 'utf8'));
(v.default||v)(doc); for (const e of (v.default||v).errors) console.log(e.keyword, e.instancePath, e.schemaPath, JSON.stringify(e.params));
