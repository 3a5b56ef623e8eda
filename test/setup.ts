import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';

Testing.setupJest();
// Every test file packages into its own cache, so cache behaviour is tested from a known state.
process.env.CDKTF_SERVERLESS_CACHE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'csc-cache-'));
