import 'cdktf/lib/testing/adapters/jest';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { App, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';

/** A folder tree written to a fresh temp dir: `{ 'a/b.txt': 'content' }`. */
export function makeFolder(files: { [relPath: string]: string | Buffer }, name = 'fixture'): string {
  const root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'csc-fix-')), name);
  fs.mkdirSync(root, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

/** A stack with the AWS provider, for constructs under test. */
export function awsStack(id = 'test'): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  return { app, stack };
}

/** Synthesizes with validations and returns the parsed JSON. */
export function synth(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** The resources of one type, by logical id. */
export function resources(json: any, type: string): { [id: string]: any } {
  return json.resource?.[type] ?? {};
}

/** The single resource of a type (fails when there are several). */
export function only(json: any, type: string): any {
  const all = Object.values(resources(json, type));
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

/** Warning messages annotated on a construct and its children. */
export function warnings(scope: Construct): string[] {
  return scope.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data)));
}

/** Statements of an IAM policy JSON string. */
export function statements(policy: string): any[] {
  return JSON.parse(policy).Statement;
}

/** Reads a zip's entries (name, unix mode, date/time fields, content) with a minimal reader. */
export function readZip(file: string): { name: string; mode: number; dosTime: number; dosDate: number; data: Buffer }[] {
  const buf = fs.readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const dosTime = buf.readUInt16LE(p + 12);
    const dosDate = buf.readUInt16LE(p + 14);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const mode = buf.readUInt32LE(p + 38) >>> 16;
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + csize);
    out.push({ name, mode, dosTime, dosDate, data: method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

let expressions = 0;
/** The Terraform expression a token stands for, as the stack would synthesize it (e.g. `${aws_lambda_alias.live.arn}`). */
export function expressionOf(stack: TerraformStack, token: string | undefined): string {
  const id = `expression_${expressions++}`;
  new TerraformOutput(stack, id, { value: token });
  return JSON.parse(Testing.synth(stack)).output[id].value;
}
