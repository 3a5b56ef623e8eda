// The cdktn project's source tree: lib/ with the fork's renamed imports and the Alibaba Cloud
// bindings of the fork's generator (scripts/build.js), made once before the suites run; and the
// fork's AWS bindings (scripts/cdktn-deps.js), installed on first use.
const { prepareCdktnSource } = require('../../scripts/build');
const { ensureCdktnDeps } = require('../../scripts/cdktn-deps');

module.exports = async () => {
  ensureCdktnDeps();
  prepareCdktnSource();
};
