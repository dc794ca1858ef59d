/**
 * The GitHub Actions workflow `init --ci github` writes: `check` on every pull request and, with
 * an upstream URL, a weekly `sync --from <URL>` that opens a pull request with the sync report
 * (the changes, classified, and the release it recorded). Actions pinned by major version.
 */
export function githubWorkflowText(options: { readonly upstream: string | undefined }): string {
  const setup = [
    `      - uses: actions/checkout@v4`,
    `      - uses: actions/setup-node@v4`,
    `        with:`,
    `          node-version: 20`,
    `      - run: npm ci`,
  ];
  const lines = [
    `# Written by \`openapi-morph init --ci github\`.`,
    `name: openapi-morph`,
    ``,
    `on:`,
    `  pull_request:`,
    ...(options.upstream === undefined ? [] : [`  schedule:`, `    - cron: '17 6 * * 1' # Mondays, 06:17 UTC`, `  workflow_dispatch:`]),
    ``,
    `permissions:`,
    `  contents: read`,
    ``,
    `jobs:`,
    `  check:`,
    `    # The generated package must be exactly what the spec, config and templates give.`,
    ...(options.upstream === undefined ? [] : [`    if: github.event_name == 'pull_request'`]),
    `    runs-on: ubuntu-latest`,
    `    steps:`,
    ...setup,
    `      - run: npx openapi-morph check`,
  ];
  if (options.upstream !== undefined) {
    lines.push(
      ``,
      `  sync:`,
      `    # Takes the selected operations from upstream, regenerates, and opens (or updates) a pull request.`,
      `    if: github.event_name != 'pull_request'`,
      `    runs-on: ubuntu-latest`,
      `    permissions:`,
      `      contents: write`,
      `      pull-requests: write`,
      `    steps:`,
      ...setup,
      `      - name: openapi-morph sync`,
      `        env:`,
      `          UPSTREAM: ${JSON.stringify(options.upstream)}`,
      `        run: |`,
      `          { echo '\`\`\`text'; npx openapi-morph sync --from "$UPSTREAM"; echo '\`\`\`'; } > "$RUNNER_TEMP/openapi-morph-sync.md"`,
      `      - uses: peter-evans/create-pull-request@v7`,
      `        with:`,
      `          branch: openapi-morph/sync`,
      `          title: 'openapi-morph: sync from upstream'`,
      `          commit-message: 'openapi-morph sync from upstream'`,
      `          body-path: \${{ runner.temp }}/openapi-morph-sync.md`,
      `          delete-branch: true`,
    );
  }
  return `${lines.join('\n')}\n`;
}
