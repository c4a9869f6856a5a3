/** ESM TypeScript through ts-jest; type errors are caught by `npm run typecheck`, so tests only transpile. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 60000,
  // Integration tests share one Redis and one PostgreSQL server; two workers keep a 2-core machine responsive.
  maxWorkers: 2,
  // Each checkout keeps its own transform cache, so a clean clone never reads another checkout's transforms.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
};
