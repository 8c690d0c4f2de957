// Jest's globalSetup/teardown do not use moduleNameMapper: resolve the @dvc/* aliases to the
// TypeScript sources here (Jest transforms them), then hand over to the testing lib.
const path = require('node:path');
const { compilerOptions } = require('../tsconfig.base.json');
require('tsconfig-paths').register({ baseUrl: path.resolve(__dirname, '..'), paths: compilerOptions.paths });

module.exports = {
  setup: () => require('../libs/shared/testing/src/lib/global-setup').default(),
  teardown: () => require('../libs/shared/testing/src/lib/global-teardown').default(),
};
