import type { KeepMode, RenderContext } from './context.js';

/** The keep mode of the child at `index` of `count` children of a block in `mode`. */
export function keepFor(mode: KeepMode, index: number, count: number): KeepMode {
  return mode === 'allButLast' && index < count - 1 ? 'all' : mode;
}

export function withKeep(ctx: RenderContext, keep: KeepMode): RenderContext {
  return keep === ctx.keep ? ctx : { ...ctx, keep };
}
