/**
 * The code's limits against the vendored API facts (lib/aws/api-facts.json from the Smithy models,
 * lib/alicloud/api-facts.json from the FC 3.0 API reference and the provider's validation): a limit
 * in limits.ts that disagrees with its source fails here.
 */
import awsFacts from '../lib/aws/api-facts.json';
import fcFacts from '../lib/alicloud/api-facts.json';
import { AWS_ALIAS_NAME, AWS_ENVIRONMENT_KEY, AWS_FUNCTION_NAME, AWS_LAYER_NAME, AWS_LIMITS, AWS_STATEMENT_ID, LOG_RETENTION_DAYS } from '../lib/aws/limits';
import { FC_DISK_SIZES, FC_ENVIRONMENT_KEY, FC_LIMITS, FC_NAME, FC_RESERVED_PREFIXES, FC_RUNTIMES } from '../lib/alicloud/limits';

type Fact = { length?: { min?: number; max?: number }; range?: { min?: number; max?: number }; pattern?: string; enum?: string[]; documentation?: string };
const aws = awsFacts.facts as unknown as { [key: string]: Fact };
const fc = fcFacts.facts as unknown as { [key: string]: any };

describe('AWS limits match the Smithy models', () => {
  test('the facts name their source', () => {
    expect(awsFacts.source.repository).toBe('aws/api-models-aws');
    expect(awsFacts.source.commit).toMatch(/^[0-9a-f]{40}$/);
    for (const fact of Object.values(aws)) expect(fact).toEqual(expect.objectContaining({ model: expect.stringMatching(/\.json$/) }));
  });

  test.each([
    ['memoryMin', 'lambda.MemorySize', 'range', 'min'],
    ['memoryMax', 'lambda.MemorySize', 'range', 'max'],
    ['timeoutMin', 'lambda.Timeout', 'range', 'min'],
    ['retriesMax', 'lambda.MaximumRetryAttempts', 'range', 'max'],
    ['eventAgeMin', 'lambda.MaximumEventAgeInSeconds', 'range', 'min'],
    ['eventAgeMax', 'lambda.MaximumEventAgeInSeconds', 'range', 'max'],
    ['ephemeralStorageMin', 'lambda.EphemeralStorageSize', 'range', 'min'],
    ['ephemeralStorageMax', 'lambda.EphemeralStorageSize', 'range', 'max'],
    ['descriptionMax', 'lambda.Description', 'length', 'max'],
    ['layerNameMax', 'lambda.LayerName', 'length', 'max'],
    ['aliasNameMax', 'lambda.Alias', 'length', 'max'],
    ['statementIdMax', 'lambda.StatementId', 'length', 'max'],
    ['handlerMax', 'lambda.Handler', 'length', 'max'],
    ['licenseMax', 'lambda.LicenseInfo', 'length', 'max'],
    ['workingDirectoryMax', 'lambda.WorkingDirectory', 'length', 'max'],
    ['imageArgsMax', 'lambda.StringList', 'length', 'max'],
    ['subnetsMax', 'lambda.SubnetIds', 'length', 'max'],
    ['securityGroupsMax', 'lambda.SecurityGroupIds', 'length', 'max'],
    ['corsOriginsMax', 'lambda.AllowOriginsList', 'length', 'max'],
    ['corsMethodsMax', 'lambda.AllowMethodsList', 'length', 'max'],
    ['corsOriginLengthMax', 'lambda.Origin', 'length', 'max'],
    ['corsMethodLengthMax', 'lambda.Method', 'length', 'max'],
    ['scheduleNameMax', 'scheduler.Name', 'length', 'max'],
    ['scheduleExpressionMax', 'scheduler.ScheduleExpression', 'length', 'max'],
    ['alarmNameMax', 'cloudwatch.AlarmName', 'length', 'max'],
    ['alarmActionsMax', 'cloudwatch.ResourceList', 'length', 'max'],
  ] as const)('AWS_LIMITS.%s is %s %s.%s', (limit, fact, trait, bound) => {
    expect(AWS_LIMITS[limit]).toBe(aws[fact][trait]![bound]);
  });

  test.each([
    ['functionNameMax', 'lambda.CreateFunctionRequest.FunctionName', /limited to (\d+) characters/],
    ['timeoutMax', 'lambda.CreateFunctionRequest.Timeout', /maximum allowed value is (\d+) seconds/],
    ['alarmEvaluationSecondsMax', 'cloudwatch.PutMetricAlarmInput.EvaluationPeriods', /cannot be more than ([\d,]+) seconds/],
    ['queueNameMax', 'sqs.CreateQueueRequest.QueueName.length', /up to (\d+) characters/],
    ['queueRetentionMax', 'sqs.CreateQueueRequest.Attributes.MessageRetentionPeriod', /to ([\d,]+) seconds/],
  ] as const)('AWS_LIMITS.%s is what %s documents', (limit, fact, sentence) => {
    const match = sentence.exec(aws[fact].documentation!);
    expect(match).not.toBeNull();
    expect(AWS_LIMITS[limit]).toBe(Number(match![1].replace(/,/g, '')));
  });

  test('patterns are the models’ (the function name is the name part of FunctionName’s)', () => {
    expect(AWS_ENVIRONMENT_KEY.source).toBe(aws['lambda.EnvironmentVariableName'].pattern);
    expect(AWS_STATEMENT_ID.source).toBe(aws['lambda.StatementId'].pattern);
    expect(AWS_ALIAS_NAME.source).toBe(aws['lambda.Alias'].pattern);
    expect(aws['lambda.FunctionName'].pattern).toContain(`(function:)?(${AWS_FUNCTION_NAME.source.slice(1, -1)})`);
    expect(aws['lambda.LayerName'].pattern).toContain(`|${AWS_LAYER_NAME.source.slice(1, -1)}$`);
  });

  test('log retention days are the values PutRetentionPolicy documents', () => {
    const listed = /Possible values are: (.*)\./.exec(aws['cloudwatchlogs.Days'].documentation!)![1];
    expect(LOG_RETENTION_DAYS).toEqual(listed.split(/, (?:and )?/).map(Number));
  });

  test('enums the constructs offer are the models’', () => {
    expect(aws['lambda.Architecture'].enum).toEqual(['x86_64', 'arm64']);
    expect(aws['lambda.LogFormat'].enum).toEqual(expect.arrayContaining(['JSON', 'Text']));
  });
});

describe('FC limits match the FC 3.0 API reference and the provider', () => {
  test('the facts name their source', () => {
    expect(fcFacts.sources.provider.commit).toMatch(/^[0-9a-f]{40}$/);
    for (const fact of Object.values(fc)) expect(fact.page ?? fact.file).toEqual(expect.any(String));
  });

  test('function name', () => {
    expect(FC_LIMITS.functionNameMax).toBe(fc['CreateFunction.functionName'].length.max);
    expect(FC_NAME.source).toBe(fc['CreateFunction.functionName'].pattern);
  });

  test('capacity', () => {
    expect([FC_LIMITS.memoryMin, FC_LIMITS.memoryMax, FC_LIMITS.memoryStep]).toEqual([
      fc['CreateFunction.memorySize'].range.min,
      fc['CreateFunction.memorySize'].range.max,
      fc['CreateFunction.memorySize'].multipleOf,
    ]);
    expect(FC_LIMITS.memoryMax).toBeLessThanOrEqual(fc['provider.fcv3_function.memory_size'].range.max);
    expect([FC_LIMITS.cpuMin, FC_LIMITS.cpuMax]).toEqual([fc['CreateFunction.cpu'].range.min, fc['CreateFunction.cpu'].range.max]);
    expect([...FC_DISK_SIZES]).toEqual(fc['CreateFunction.diskSize'].enum);
    expect(FC_LIMITS.timeoutMax).toBe(fc['provider.fcv3_function.timeout'].range.max);
    expect(FC_LIMITS.timeoutMax).toBe(fc['limits.functionExecutionDuration'].max);
    expect(FC_LIMITS.instanceConcurrencyMax).toBe(fc['provider.fcv3_function.instance_concurrency'].range.max);
  });

  test('async invocation: the narrower of the API and the provider', () => {
    expect(FC_LIMITS.retriesMax).toBe(fc.PutAsyncInvokeConfigInput.maxAsyncRetryAttempts.max);
    expect(FC_LIMITS.eventAgeMin).toBe(fc.PutAsyncInvokeConfigInput.maxAsyncEventAgeInSeconds.min);
    expect(FC_LIMITS.eventAgeMax).toBe(
      Math.min(fc.PutAsyncInvokeConfigInput.maxAsyncEventAgeInSeconds.max, fc['provider.fcv3_async_invoke_config.max_async_event_age_in_seconds'].range.max),
    );
  });

  test('tags', () => {
    expect([FC_LIMITS.tagsMax, FC_LIMITS.tagKeyMax, FC_LIMITS.tagValueMax]).toEqual([fc.tags.maxPerResource, fc.tags.keyMax, fc.tags.valueMax]);
  });

  test('environment variables', () => {
    expect(FC_LIMITS.environmentBytesMax).toBe(fc.environment.totalBytesMax);
    expect(FC_ENVIRONMENT_KEY.source).toBe(fc.environment.keyPattern);
    expect([...FC_RESERVED_PREFIXES]).toEqual(fc.environment.reservedPrefixes);
  });

  test('runtimes are ones the provider accepts', () => {
    for (const runtime of FC_RUNTIMES) expect(fc['provider.fcv3_function.runtime'].enum).toContain(runtime);
  });
});
