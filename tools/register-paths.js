// Resolves the workspace's @dvc/* path aliases for the compiled server code in dist/server.
// tsc does not rewrite aliases, so the api, worker and simulator start with
// `node -r ./tools/register-paths.js dist/server/apps/<app>/src/main.js`.
const path = require('node:path');
const tsConfigPaths = require('tsconfig-paths');
const base = require('../tsconfig.base.json');

const paths = {};
for (const [alias, targets] of Object.entries(base.compilerOptions.paths)) {
  paths[alias] = targets.map((t) => t.replace(/\.ts$/, '.js'));
}
tsConfigPaths.register({ baseUrl: path.resolve(__dirname, '..', 'dist', 'server'), paths });
