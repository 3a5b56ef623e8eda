'use strict';
// The simulated cloud: one JSON file per scenario that outlives provider processes (Terraform starts
// a new plugin process for every command), and a journal of every change the provider made.
// Node runs one request at a time and every operation reads, changes and writes the file without
// awaiting, so concurrent RPCs of one process cannot interleave inside an operation.
const fs = require('fs');
const path = require('path');

class CloudError extends Error {
  constructor(code, message) {
    super(`${code}: ${message}`);
    this.code = code;
  }
}

class Store {
  constructor(dir) {
    this.dir = dir;
    this.file = path.join(dir, 'cloud.json');
    this.journalFile = path.join(dir, 'journal.jsonl');
  }

  /** Runs fn on the current cloud and saves what it changed. */
  transact(fn) {
    const cloud = fs.existsSync(this.file) ? JSON.parse(fs.readFileSync(this.file, 'utf8')) : {};
    const result = fn(cloud);
    fs.writeFileSync(this.file, JSON.stringify(cloud, null, 1));
    return result;
  }

  journal(entry) {
    const line = JSON.stringify({ ...entry, step: process.env.SIM_STEP || '' });
    fs.appendFileSync(this.journalFile, line + '\n');
  }
}

/** A table of the cloud (e.g. functions), created on first use. */
function table(cloud, name) {
  return (cloud[name] ??= {});
}

/** A counter that only grows (version numbers, generated names), per key. */
function next(cloud, key) {
  const counters = table(cloud, 'counters');
  counters[key] = (counters[key] ?? 0) + 1;
  return counters[key];
}

module.exports = { Store, CloudError, table, next };
