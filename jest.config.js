/** Unit tests beside the code, end-to-end tests in test/, all in native ESM through ts-jest. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    // The web app's unit tests compile as the web app does (bundler resolution, DOM), the rest as Node code.
    '^.+/apps/web/.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'apps/web/tsconfig.spec.json' }],
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  moduleNameMapper: {
    '^#(core|access|storage|queue|people|identity|training|films|upload-client|festivals|screenings|calendar|reports|funding)$':
      '<rootDir>/libs/$1/src/index.ts',
    '^#migrations$': '<rootDir>/migrations/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 30000,
};
