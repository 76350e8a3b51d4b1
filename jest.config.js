const fs = require('node:fs');
const path = require('node:path');

/**
 * jsdom and linkedom pull in packages that ship ES modules only. Node loads them natively,
 * but jest's CommonJS module system needs them transpiled, so find them once here.
 */
function esmPackages(root = path.join(__dirname, 'node_modules')) {
  const names = [];
  const consider = (name) => {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(root, name, 'package.json'), 'utf8'));
      const main = String(pkg.main ?? '');
      if (pkg.type === 'module' || main.endsWith('.mjs')) names.push(name);
    } catch {
      // not a package directory
    }
  };
  for (const entry of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) for (const sub of fs.readdirSync(path.join(root, entry))) consider(`${entry}/${sub}`);
    else consider(entry);
  }
  return names;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const esm = `(${esmPackages().map(escape).join('|') || '$^'})`;

const shared = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    // Type errors are caught once by `npm run build` (tsc), not per test file.
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
    [`^.+/node_modules/(${esm}/.+\\.js|.+\\.mjs)$`]: [
      'ts-jest',
      { diagnostics: false, tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!${esm}/)(?!.+\\.mjs$)`],
};

/**
 * Two tiers. `unit` is what to run while editing: pure code, golden cases and CDK templates, with
 * sockets refused by its setup file so a test that needs a server cannot hide there.
 * `integration` starts real local servers (S3, DynamoDB, a browser) and drives the handlers.
 */
const UNIT_DIRS = ['unit', 'golden', 'cdk'];

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  maxWorkers: 2,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: UNIT_DIRS.map((d) => `<rootDir>/test/${d}`),
      testMatch: ['**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/no-network.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: UNIT_DIRS.map((d) => `<rootDir>/test/${d}/`),
    },
  ],
};
