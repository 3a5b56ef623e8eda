import { App } from 'cdktf';

/** Prints warning annotations the way `cdktf synth` does, for runs through `npm run synth`. */
export function printWarnings(app: App): void {
  for (const c of app.node.findAll()) {
    for (const entry of c.node.metadata) {
      if (entry.type === '@cdktf/warn') console.warn(`[WARNING] ${c.node.path}: ${entry.data}`);
    }
  }
}
