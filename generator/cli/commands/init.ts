import { init, CONFIG_FILE } from '../../init/index.ts';
import { commonFlags, parseFlags } from '../args.ts';
import type { Command } from '../command.ts';

const flags = {
  help: commonFlags.help,
  debug: commonFlags.debug,
  spec: { type: 'string' },
  out: { type: 'string' },
  name: { type: 'string' },
  ci: { type: 'string' },
  upstream: { type: 'string' },
} as const;

export const initCommand: Command = {
  help: `Usage: openapi-morph init [--spec <file | http(s) URL>] [--out DIR] [--name PKG] [--ci github] [--upstream URL]

Writes a commented ${CONFIG_FILE} (defineConfig from 'openapi-morph') in
the working folder. A spec file inside the folder is pointed to where it is; a
file elsewhere is copied to spec/, a URL downloaded to spec/openapi.yaml (or
.json). Non-interactive, and never overwrites a file: an existing one is kept,
and init says so. Then run \`npx openapi-morph generate\`.

Options:
  --spec SOURCE        the OpenAPI document: a file path or an http(s) URL
                       (default: spec/openapi.yaml, which you put there)
  --out DIR            the generated package's folder (default: generated)
  --name PKG           its npm name (default: the spec's info.title as an npm name)
  --ci github          also write .github/workflows/openapi-morph.yml: \`check\`
                       on every pull request
  --upstream URL       with --ci github: a weekly \`sync --from URL\` job that opens
                       a pull request with the changes and the new release
  --debug              print stack traces of internal errors
  -h, --help           this help`,
  async run(args, io) {
    const { values } = parseFlags(args, flags, 'init');
    if (values.help) {
      io.out(this.help);
      return 0;
    }
    const steps = await init({
      cwd: io.cwd,
      ...(values.spec !== undefined ? { spec: values.spec } : {}),
      ...(values.out !== undefined ? { out: values.out } : {}),
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.ci !== undefined ? { ci: values.ci } : {}),
      ...(values.upstream !== undefined ? { upstream: values.upstream } : {}),
    });
    const width = Math.max(...steps.map((s) => s.path.length));
    io.out([...steps.map((s) => `${s.action.padEnd(5)} ${s.path.padEnd(width)}  ${s.note}`), '', 'Next: npx openapi-morph generate'].join('\n'));
    return 0;
  },
};
