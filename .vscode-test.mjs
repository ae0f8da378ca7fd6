// `npx vscode-test` (@vscode/test-cli): the integration suite in desktop VS Code, for a machine with
// Node 22 that can download VS Code. Build and compile first: `npm run build && npm run compile-tests`.
// Here, where VS Code cannot be downloaded, `npm run test:integration` runs the same files in code-server.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'integration',
  // The version code-server 4.100.3 embeds, and the oldest the manifest's engine accepts.
  version: '1.100.3',
  files: 'out/test/integration/**/*.test.js',
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: {
    ui: 'bdd',
    timeout: 60_000,
    forbidOnly: true,
    // INTEGRATION_GREP works as with npm run test:integration.
    ...(process.env.INTEGRATION_GREP ? { grep: process.env.INTEGRATION_GREP } : {}),
  },
});
