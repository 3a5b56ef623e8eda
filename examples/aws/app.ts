import { App } from 'cdktf';
import { OrdersStack } from './orders-stack';
import { SharedLayersStack } from './layers-stack';
import { ProductionStack } from './production-stack';

/** The AWS example: layers in a shared stack, used by the functions of another stack; and what production adds. */
export function buildAwsExample(app: App): void {
  const layers = new SharedLayersStack(app, 'aws-shared-layers');
  new OrdersStack(app, 'aws-orders', { layers });
  new ProductionStack(app, 'aws-production');
}
