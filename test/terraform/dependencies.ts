/**
 * The dependency rule: a resource that names another resource of its stack by a literal (function
 * name, queue name, role name, bucket, alias, layer) must depend on it, through a reference or
 * depends_on, directly or through other resources; otherwise Terraform may create it first.
 */

/** The attributes that name a resource of each type (what another resource would name it by). */
const NAMED_BY: { [type: string]: string[] } = {
  aws_lambda_function: ['function_name'],
  aws_lambda_alias: ['name'],
  aws_lambda_layer_version: ['layer_name'],
  aws_sqs_queue: ['name'],
  aws_iam_role: ['name'],
  aws_s3_bucket: ['bucket'],
  aws_iam_policy: ['name'],
  alicloud_fcv3_function: ['function_name'],
  alicloud_fcv3_alias: ['alias_name'],
  alicloud_fcv3_layer_version: ['layer_name'],
  alicloud_message_service_queue: ['queue_name'],
  alicloud_ram_role: ['role_name'],
  alicloud_ram_policy: ['policy_name'],
  alicloud_oss_bucket: ['bucket'],
};

interface Node {
  address: string;
  body: any;
}

function nodes(stack: any): Node[] {
  return Object.entries<any>(stack.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries<any>(byName).map(([name, body]) => ({ address: `${type}.${name}`, body })),
  );
}

/** Literal strings anywhere in a resource's arguments (not meta-arguments), with their path. */
function literals(value: unknown, where: string, out: [string, string][]): [string, string][] {
  if (typeof value === 'string') {
    if (!value.includes('${')) out.push([where, value]);
  } else if (Array.isArray(value)) value.forEach((v, i) => literals(v, `${where}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) literals(v, where ? `${where}.${k}` : k, out);
  return out;
}

/** Every violation in one synthesized stack: "<resource> names <other> (<attr> = "<value>") but does not depend on it". */
export function dependencyViolations(stack: any): string[] {
  const all = nodes(stack);
  const direct = new Map<string, Set<string>>();
  for (const n of all) {
    const text = JSON.stringify({ ...n.body, '//': undefined });
    direct.set(n.address, new Set(all.filter((m) => m !== n && (text.includes(`\${${m.address}.`) || text.includes(`"${m.address}"`))).map((m) => m.address)));
  }
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
    if (seen.has(from)) return false;
    seen.add(from);
    return [...(direct.get(from) ?? [])].some((d) => d === to || reaches(d, to, seen));
  };
  const names: { address: string; attr: string; value: string }[] = [];
  for (const n of all) {
    const type = n.address.split('.')[0];
    for (const attr of NAMED_BY[type] ?? [])
      if (typeof n.body[attr] === 'string' && !n.body[attr].includes('${')) names.push({ address: n.address, attr, value: n.body[attr] });
  }
  const violations: string[] = [];
  for (const n of all) {
    const { '//': _m, depends_on: _d, lifecycle: _l, provider: _p, ...args } = n.body;
    for (const [where, value] of literals(args, '', [])) {
      for (const named of names) {
        if (named.address === n.address || named.value !== value) continue;
        // A resource's own name attribute may equal another's (e.g. a role named like its function): only
        // attributes that point elsewhere count.
        if (NAMED_BY[n.address.split('.')[0]]?.includes(where)) continue;
        if (!reaches(n.address, named.address))
          violations.push(`${n.address} names ${named.address} (${where} = ${JSON.stringify(value)}) but does not depend on it`);
      }
    }
  }
  return violations;
}
