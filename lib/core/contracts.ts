import { ITerraformDependable, TerraformProvider } from 'cdktf';
import { LayerRef } from './layers';
import { GrantInvokeOptions } from './function';

/**
 * The contracts both clouds implement: the same member names with the same meaning, so code (and a
 * parity test) can work with either cloud. Every contract carries the cloud it belongs to as a
 * literal type, which makes the clouds' types nominally distinct: an Alibaba Cloud function given to
 * an AWS alias is a compile error, not an `aws_lambda_alias` pointing at an FC version.
 */
export type Cloud = 'aws' | 'alicloud';

/** A function the other constructs can work with: one of the library's, or an existing one. */
export interface IFunctionContract<C extends Cloud, Statement> {
  /** The cloud the function runs on. */
  readonly cloud: C;
  /** Function name, as a reference when the function is made here (what names it waits for it). */
  readonly functionName: string;
  /** Unqualified function ARN. */
  readonly arn: string;
  /** Latest published version, when the function publishes versions. */
  readonly version?: string;
  /** Timeout in seconds, when known (queues in front size their visibility timeout from it). */
  readonly timeoutSeconds?: number;
  /** The resource that holds the grants; whatever needs a grant in place depends on it. */
  readonly policyDependency?: ITerraformDependable;
  /** The provider the function's resources use; constructs built on the function default to it. */
  readonly provider?: TerraformProvider;
  /** Grants the function's execution role a statement (concrete resources only). */
  addToRolePolicy(statement: Statement): void;
  /**
   * Lets another function (its role gets the statement) or a principal (a resource permission on
   * AWS, a RAM role on FC3) invoke this function.
   */
  grantInvoke(grantee: IFunctionContract<C, Statement> | string, options?: GrantInvokeOptions): void;
}

/** A layer version a function can use. */
export interface ILayerContract<C extends Cloud> extends LayerRef {
  /** The cloud the layer is published in. */
  readonly cloud: C;
}

/** A queue made elsewhere, as a dead-letter queue or a success destination. */
export interface IQueueContract<C extends Cloud> {
  /** The cloud the queue is in. */
  readonly cloud?: C;
  /** Message retention in seconds, when known (checked against the maximum event age). */
  readonly retention?: number;
}

/** An alias that splits traffic between a stable and a canary version. */
export interface ICanaryAliasContract<C extends Cloud, F extends IFunctionContract<C, unknown>> {
  /** The cloud the alias is in. */
  readonly cloud: C;
  /** Alias name (a literal). */
  readonly aliasName: string;
  /** Alias name as a reference: qualifiers that use it wait for the alias. */
  readonly qualifier: string;
  /** The function whose versions the alias points at. */
  readonly function: F;
  /** Lets another function or a principal invoke the function through this alias. */
  grantInvoke(grantee: F | string, options?: GrantInvokeOptions): void;
}

/** Asynchronous invocation with retries, a dead-letter queue and an optional buffer queue. */
export interface IAsyncWithDeadLetterContract<C extends Cloud> {
  /** The cloud the configuration is in. */
  readonly cloud: C;
  /** Name of the queue producers send to, when there is a buffer queue. */
  readonly bufferQueueName?: string;
}

/** Alarms on a function's errors, throttles and 99th percentile duration, and on its dead letters. */
export interface IFunctionAlarmsContract<C extends Cloud, A> {
  /** The cloud the alarms are in. */
  readonly cloud: C;
  /** The alarm on errors, when asked for. */
  readonly errors?: A;
  /** The alarm on throttled invocations, when asked for. */
  readonly throttles?: A;
  /** The alarm on the 99th percentile duration, when asked for. */
  readonly durationP99?: A;
  /** The alarm on the depth of a dead-letter queue, when asked for. */
  readonly deadLetterQueue?: A;
}
