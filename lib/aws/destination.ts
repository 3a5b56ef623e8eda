import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { IQueueContract } from '../core/contracts';
import type { IFunction } from './function';

/** An SQS queue made elsewhere. */
export interface IQueue extends IQueueContract<'aws'> {
  /** Queue ARN. */
  readonly arn: string;
}

/**
 * Where the result of an asynchronous invocation goes. Each kind of target implements it and grants
 * the invoking function exactly what sending to it needs (as aws-cdk's IDestination does).
 */
export interface IDestination {
  /** Grants `fn` the right to send here (statement id `sid`) and returns the ARN Lambda sends to. */
  bind(fn: IFunction, sid: string): string;
}

/** A queue as a destination: `sqs:SendMessage` on that queue. */
export class QueueDestination implements IDestination {
  constructor(private readonly queue: SqsQueue | IQueue) {}

  public bind(fn: IFunction, sid: string): string {
    fn.addToRolePolicy({ sid, actions: ['sqs:SendMessage'], resources: [this.queue.arn] });
    return this.queue.arn;
  }
}

/** A function as a destination: `lambda:InvokeFunction` on that function. */
export class FunctionDestination implements IDestination {
  constructor(private readonly target: IFunction) {}

  public bind(fn: IFunction, sid: string): string {
    fn.addToRolePolicy({ sid, actions: ['lambda:InvokeFunction'], resources: [this.target.arn] });
    return this.target.arn;
  }
}

/** A destination from what the props accept: a destination, a function, or a queue. */
export function destinationOf(target: IDestination | IFunction | SqsQueue | IQueue): IDestination {
  if ('bind' in target && typeof target.bind === 'function') return target as IDestination;
  if ('addToRolePolicy' in target) return new FunctionDestination(target as IFunction);
  return new QueueDestination(target as SqsQueue | IQueue);
}
