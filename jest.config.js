/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type errors are caught once by `npm run build` (tsc), not per test file.
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
    // jsdom's encoding dependency ships ES modules only; jest's CommonJS runtime needs them transpiled.
    '^.+/node_modules/@exodus/bytes/.+\\.js$': [
      'ts-jest',
      { diagnostics: false, tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!@exodus/bytes/)'],
  testTimeout: 60000,
  maxWorkers: 2,
};
