'use strict';
// The simulated cloud: one JSON file per scenario that outlives provider processes (Terraform starts
// a new plugin process for every command), and a journal of every change the provider made.
// Node runs one request at a time and every operation reads, changes and writes the file without
// awaiting, so concurrent RPCs of one process cannot interleave inside an operation. Terraform runs
// one process per provider configuration (a stack with an aliased provider has two), so an
// operation also holds a lock directory that other processes wait for, and the file is replaced
// by a rename, never read half-written.
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

  /** Runs fn on the current cloud and saves what it changed, holding the cross-process lock. */
  transact(fn) {
    const lock = `${this.file}.lock`;
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (let tries = 0; ; tries++) {
      try {
        fs.mkdirSync(lock);
        break;
      } catch (e) {
        if (e.code !== 'EEXIST' || tries > 20000) throw e;
        Atomics.wait(pause, 0, 0, 1); // 1 ms
      }
    }
    try {
      const cloud = fs.existsSync(this.file) ? JSON.parse(fs.readFileSync(this.file, 'utf8')) : {};
      const result = fn(cloud);
      fs.writeFileSync(`${this.file}.${process.pid}`, JSON.stringify(cloud, null, 1));
      fs.renameSync(`${this.file}.${process.pid}`, this.file);
      return result;
    } finally {
      fs.rmdirSync(lock);
    }
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
