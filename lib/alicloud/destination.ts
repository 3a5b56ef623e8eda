import { IQueueContract } from '../core/contracts';
import type { IFunction } from './function';
import { MessageServiceQueue } from '../generated/alicloud/message-service-queue';

/** An MNS queue made elsewhere (FC names MNS queues by name; the ARNs are built from region and account). */
export interface IQueue extends IQueueContract<'alicloud'> {
  /** Queue name. */
  readonly queueName: string;
}

/**
 * Where the result of an asynchronous invocation goes. Each kind of target implements it and grants
 * the invoking function exactly what sending to it needs.
 */
export interface IDestination {
  /** Grants `fn` the right to send here and returns the ARN FC sends to. */
  bind(fn: IFunction): string;
}

/** An MNS queue as a destination: `mns:SendMessage` on `acs:mns:<region>:<account>:/queues/<name>/messages`. */
export class QueueDestination implements IDestination {
  constructor(private readonly queue: MessageServiceQueue | IQueue) {}

  public bind(fn: IFunction): string {
    const { region, account } = fn.location;
    const arn = `acs:mns:${region}:${account}:/queues/${this.queue.queueName}/messages`;
    fn.addToRolePolicy({ actions: ['mns:SendMessage'], resources: [arn] });
    return arn;
  }
}

/** A function as a destination: `fc:InvokeFunction` on `acs:fc:<region>:<account>:functions/<name>`. */
export class FunctionDestination implements IDestination {
  constructor(private readonly target: IFunction) {}

  public bind(fn: IFunction): string {
    const { region, account } = fn.location;
    const arn = `acs:fc:${region}:${account}:functions/${this.target.functionName}`;
    fn.addToRolePolicy({ actions: ['fc:InvokeFunction'], resources: [arn] });
    return arn;
  }
}

/** A destination from what the props accept: a destination, a function, or a queue. */
export function destinationOf(target: IDestination | IFunction | MessageServiceQueue | IQueue): IDestination {
  if ('bind' in target && typeof target.bind === 'function') return target as IDestination;
  if ('addToRolePolicy' in target) return new FunctionDestination(target as IFunction);
  return new QueueDestination(target as MessageServiceQueue | IQueue);
}
