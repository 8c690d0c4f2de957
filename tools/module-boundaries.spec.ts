import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The boundary rules are real: ESLint with @nx/enforce-module-boundaries refuses imports that
 * cross the application reference model's layers (docs/adr/0002-libs-by-arm-layer.md).
 */
describe('module boundaries', () => {
  const root = join(__dirname, '..');
  const lint = async (file: string, code: string): Promise<string[]> => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'tools/lint-probe.mjs'), file, code], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
    return JSON.parse(stdout);
  };
  jest.setTimeout(60_000);

  it('refuses a browser (channel) lib importing a server lib', async () => {
    const errors = await lint('libs/channel/ui/src/index.ts', "import { AuthService } from '@dvc/platform/identity';\nexport const x = AuthService;\n");
    expect(errors.join('\n')).toMatch(/scope:channel.*can only depend on/);
  });

  it('refuses a platform lib importing a public-service lib (adapters depend on domains, not back)', async () => {
    // A platform lib the catalog does not depend on (catalog → national-portal → queue would be reported as a cycle).
    const errors = await lint('libs/platform/storage/src/index.ts', "import { CatalogService } from '@dvc/public-service/catalog';\nexport const x = CatalogService;\n");
    expect(errors.join('\n')).toMatch(/scope:platform.*can only depend on/);
  });

  it('refuses a pure domain lib importing a framework-bound feature lib', async () => {
    const errors = await lint('libs/one-stop/calendar/src/index.ts', "import { QueueModule } from '@dvc/platform/queue';\nexport const x = QueueModule;\n");
    expect(errors.length).toBeGreaterThan(0);
  });

  it('accepts an allowed import', async () => {
    expect(await lint('libs/public-service/catalog/src/index.ts', "import { foldVietnamese } from '@dvc/shared/util';\nexport const x = foldVietnamese;\n")).toEqual([]);
  });
});
