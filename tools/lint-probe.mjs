// Lints a piece of code as if it were at the given path and prints the module-boundary messages
// as JSON. Used by tools/module-boundaries.spec.ts (ESLint's flat config cannot load inside Jest's VM).
import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

const [file, code] = process.argv.slice(2);
const root = resolve(import.meta.dirname, '..');
// The boundary rule reads the cached project graph and is silently skipped without one: build it first.
process.chdir(root);
await createProjectGraphAsync({ exitOnError: true });
const eslint = new ESLint({ cwd: root });
const [res] = await eslint.lintText(code, { filePath: resolve(root, file) });
process.stdout.write(JSON.stringify(res.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message)));
