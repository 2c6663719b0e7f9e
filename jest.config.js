const { loadEnv } = require("@medusajs/utils")
loadEnv("test", process.cwd())

// Tiers (STYLE §13). `npm test` runs them in order through scripts/run-tests.mjs:
//   unit                 pure functions, the SP-API client against the sandbox — no database
//   integration:modules  the amazon module's service against Postgres (moduleIntegrationTestRunner)
//   integration:http     the admin API end to end (medusaIntegrationTestRunner + sandbox)
//   reliability          fuzzed Amazon input and lost authorization mid-run (npm run test:reliability)
const tiers = {
  unit: ["<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s", "<rootDir>/sandbox/**/__tests__/**/*.unit.spec.[jt]s"],
  "integration:modules": ["<rootDir>/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
  reliability: ["<rootDir>/integration-tests/reliability/**/*.spec.[jt]s"],
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true } } }],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  setupFiles: ["./integration-tests/setup.js"],
  testTimeout: 60_000,
  testMatch: tiers[process.env.TEST_TYPE] ?? Object.values(tiers).flat(),
  testPathIgnorePatterns: process.env.TEST_TYPE === "integration:modules" ? ["\\.unit\\.spec\\."] : ["/node_modules/"],
}
