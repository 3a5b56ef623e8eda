import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';

Testing.setupJest();
// Every test file packages into its own cache, so cache behaviour is tested from a known state.
process.env.CDKTF_SERVERLESS_CACHE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-cache-'));
// The library prints its warnings to stderr when an app is synthesized outside `cdktf synth`, and
// in-process suites synthesize many stacks with warnings on purpose: jest would show each of them.
// Turned off here with the users' own switch, the context key (App reads CDKTF_CONTEXT_JSON, as
// from cdktf.json), rather than by detecting jest in the library: the printing itself is tested in
// child processes with an environment of their own (test/warnings.test.ts).
process.env.CDKTF_CONTEXT_JSON = JSON.stringify({ ...JSON.parse(process.env.CDKTF_CONTEXT_JSON ?? '{}'), 'cdktf-serverless:printWarnings': false });
