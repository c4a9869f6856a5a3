import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = process.cwd();
const TSC = resolve(ROOT, 'node_modules/typescript/bin/tsc');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** Every emitted JavaScript file below a folder. */
function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(dir, name));
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; relative paths and Node's own modules → undefined. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const name = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
  return builtinModules.includes(name) ? undefined : name;
}

// import … from 'x', export … from 'x', import 'x' (a module loaded when the file is), and import('x').
const STATIC_IMPORT = /^\s*(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
/** A CommonJS package loaded on first use through `createRequire`: `createRequire(import.meta.url)('x')`, `requireLazily('x')`. */
const LAZY_REQUIRE = /(?:\brequire\w*|\bcreateRequire\([^)]*\))\(\s*['"]([^'"]+)['"]\s*\)/g;
const packagesIn = (code: string, pattern: RegExp) => [...code.matchAll(pattern)].flatMap((m) => packageOf(m[1]!) ?? []);

/**
 * What `npm run build` compiles (tsconfig.build.json) is what the npm package and the Docker image ship.
 * It must hold the service alone: the simulators stay in a development checkout, with the packages only
 * they use, and the demo reaches them only when it runs.
 */
describe('the production build', () => {
  let work: string;
  let dist: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'donegate-build-'));
    dist = join(work, 'dist');
    await run(process.execPath, [TSC, '-p', 'tsconfig.build.json', '--outDir', dist], { cwd: ROOT });
  }, 240_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('compiles files under src/ only, so no simulator, test or benchmark code reaches dist', async () => {
    const { stdout } = await run(process.execPath, [TSC, '-p', 'tsconfig.build.json', '--listFilesOnly'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    const ours = stdout
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.includes('/node_modules/'))
      .map((file) => relative(ROOT, file));

    expect(ours.length).toBeGreaterThan(100);
    expect(ours.filter((file) => !file.startsWith('src/'))).toEqual([]);
  }, 120_000);

  it('imports, when a module loads, only packages listed in dependencies', () => {
    const declared = new Set(Object.keys(manifest.dependencies));
    const undeclared = jsFiles(dist).flatMap((file) =>
      packagesIn(readFileSync(file, 'utf8'), STATIC_IMPORT)
        .filter((name) => !declared.has(name))
        .map((name) => `${relative(dist, file)} imports ${name}`),
    );

    expect(undeclared).toEqual([]);
  });

  it('uses every package listed in dependencies, so none is installed only for tests or the demo', () => {
    const used = new Set(jsFiles(dist).flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      return [...packagesIn(code, STATIC_IMPORT), ...packagesIn(code, DYNAMIC_IMPORT), ...packagesIn(code, LAZY_REQUIRE)];
    }));

    expect(Object.keys(manifest.dependencies).filter((name) => !used.has(name))).toEqual([]);
  });

  it('packs no simulator, test or TypeScript source into the npm package', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    const [pack] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
    const paths = pack!.files.map((file) => file.path);

    expect(paths).toContain('bin/donegate.js');
    expect(paths.filter((path) => /^(simulators|src|test|bench)\//.test(path))).toEqual([]);
  }, 60_000);

  /** What the Dockerfile's runtime stage copies from the checkout (beside the build's dist and node_modules). */
  function runtimeStageCopies(): string[] {
    const dockerfile = readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8');
    const runtimeStage = dockerfile.slice(dockerfile.search(/^FROM .* AS runtime$/m));
    return [...runtimeStage.matchAll(/^COPY (?!--from)(\S+) /gm)].map((m) => m[1]!);
  }

  it('builds an image whose runtime stage copies nothing only tests or the demo use (simulators, tests, sources, sample deliveries)', () => {
    expect(runtimeStageCopies()).toEqual(expect.arrayContaining(['bin', 'config', 'package.json']));
    expect(runtimeStageCopies().filter((source) => /^(\.|simulators|src|test|bench|webhooks)\/?$/.test(source))).toEqual([]);
  });

  it('ships an image whose node_modules hold no devDependencies: pruned after the build, and installed nowhere else', () => {
    const dockerfile = readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8');
    const runtimeAt = dockerfile.search(/^FROM .* AS runtime$/m);
    const buildStage = dockerfile.slice(0, runtimeAt);
    const runtimeStage = dockerfile.slice(runtimeAt);
    const lastRun = [...buildStage.matchAll(/^RUN (.+)$/gm)].at(-1)?.[1] ?? '';

    expect(lastRun).toMatch(/npm run build && npm prune --omit=dev$/);
    expect(runtimeStage).toMatch(/^COPY --from=build \/app\/node_modules \.\/node_modules$/m);
    expect(runtimeStage).not.toMatch(/\bnpm (ci|install|i)\b/);
    expect(runtimeStage).toMatch(/NODE_ENV=production/);
  });

  /** The image's layout: the build, its dependencies and what the runtime stage copies (plus, in a checkout, simulators/). */
  function installation(withSimulators: boolean): string {
    const dir = mkdtempSync(join(work, withSimulators ? 'checkout-' : 'installed-'));
    cpSync(dist, join(dir, 'dist'), { recursive: true });
    for (const copied of runtimeStageCopies()) cpSync(resolve(ROOT, copied), join(dir, copied), { recursive: true });
    symlinkSync(resolve(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    if (withSimulators) symlinkSync(resolve(ROOT, 'simulators'), join(dir, 'simulators'), 'dir');
    return dir;
  }

  it('answers `donegate demo` without simulators with exit 2 and the way to a development checkout', async () => {
    const dir = installation(false);

    const failure = await run(process.execPath, [join(dir, 'bin/donegate.js'), 'demo'], { cwd: dir, env: { ...process.env, LOG_LEVEL: 'silent' } }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );

    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/development checkout.*npm ci/);
  }, 60_000);

  it('loads the simulators through tsx when the compiled CLI runs in a development checkout', async () => {
    const dir = installation(true);
    const loader = join(dir, 'dist/demo/load-demo-trackers.js');
    const script = `const { loadDemoTrackers } = await import(${JSON.stringify(loader)});
const trackers = await (await loadDemoTrackers())();
process.stdout.write(trackers.trackers.map((tracker) => tracker.simulatorUrl).join('\\n'));
await trackers.close();`;

    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: dir });

    // One simulator per registered tracker, each on loopback.
    const loopback = expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout.split('\n')).toEqual([loopback, loopback, loopback]);
  }, 60_000);
});
