// The cdktn project's source tree: lib/ with the fork's renamed imports and the Alibaba Cloud
// bindings of the fork's generator (scripts/build.js), made once before the suites run.
const { prepareCdktnSource } = require('../../scripts/build');

module.exports = async () => {
  prepareCdktnSource();
};
