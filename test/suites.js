/**
 * The suites that run on cdktf only, each with the reason. Every other suite under test/ runs in both
 * jest projects (cdktf and CDK Terrain): a new construct suite is on both frameworks without anyone
 * having to remember it, and test/jest-projects.test.ts fails when a suite is in neither list's reach.
 */
module.exports.cdktfOnly = {
  'alicloud-bindings.test.ts': 'checks the committed cdktf bindings; the cdktn ones are generated at build time',
  'api-docs.test.ts': 'regenerates docs/api from lib/ with typedoc (framework independent: one run is enough)',
  'api.test.ts': 'the public API as the compiler reads lib/ (framework independent: one run is enough)',
  'aws-schema.test.ts': 'checks a schema file derived from both provider packages (one run is enough)',
  'schema-subsets.test.ts': 'checks the schema files against their sources (framework independent)',
  'cdktn-package.test.ts': 'builds and packs the cdktn flavour itself, from the cdktf project',
  'examples.test.ts': 'the cdktn project synthesizes the same examples in cdktn/flavour.test.ts and compares them',
  'load.test.ts': 'measures what loading the cdktf build requires',
  'package.test.ts': 'packs and installs the cdktf package',
  'readme.test.ts': 'type-checks the README against lib/ (framework independent)',
  'terraform/': 'Terraform runs: cdktn.terraform.test.ts deploys the cdktn flavour from the cdktf project',
};

/** Jest `testPathIgnorePatterns` for the cdktn project. */
module.exports.cdktnIgnorePatterns = Object.keys(module.exports.cdktfOnly).map(
  (name) => `/test/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${name.endsWith('/') ? '' : '$'}`,
);
