// Runs the library's TypeScript source on CDK Terrain in a plain Node process (node -r this file):
// `cdktf` and `@cdktf/provider-aws/...` resolve to the fork's packages, and the Alibaba Cloud
// bindings to those the fork's generator made in build/cdktn/src (scripts/build.js).
const Module = require('module');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const bindings = path.join(root, 'lib', 'generated', 'alicloud');
// build/cdktn/<CDKTN_SOURCE> (default src): each user of this hook prepares its own tree.
const forkBindings = path.join(root, 'build', 'cdktn', process.env.CDKTN_SOURCE || 'src', 'generated', 'alicloud');
const { cdktnProviderAws } = require('../../scripts/cdktn-deps');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  let mapped = request;
  if (request === 'cdktf') mapped = 'cdktn';
  else if (request.startsWith('@cdktf/provider-aws/')) mapped = cdktnProviderAws(request.slice('@cdktf/provider-aws/'.length));
  else if (request.startsWith('.') && parent && parent.filename) {
    const absolute = path.resolve(path.dirname(parent.filename), request);
    if (absolute.startsWith(bindings + path.sep)) mapped = path.join(forkBindings, path.relative(bindings, absolute));
  }
  return resolve.call(this, mapped, parent, ...rest);
};
