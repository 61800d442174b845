import type { AppModel } from '../model/types.js';
import type { SynthesizedStack } from '../template/types.js';
import { deliveryDiagram } from './delivery-graph.js';
import { environmentDiagram } from './diagram/from-templates.js';
import { type LaidOutDiagram, layoutDiagram } from './diagram/layout.js';
import { renderDiagramSvg } from './diagram/render-svg.js';
import type { Diagram } from './diagram/types.js';

/** An environment's diagram, and its layout as the drawing thread will answer it. */
export interface EnvironmentDrawing {
  readonly diagram: Diagram;
  readonly layout: Promise<LaidOutDiagram>;
}

/** The delivery graph, laid out and drawn. */
export interface DeliveryDrawing {
  readonly diagram: Diagram;
  readonly svg: string;
}

/**
 * The report's drawings, each asked of the drawing thread as soon as its input exists. The
 * delivery graph needs only the config, so it is asked for at once; an environment's diagram needs
 * its templates, which a plan hands over as soon as it has synthesized them (`templatesReady`), so
 * ELK lays the environments out while the plan's checks still run on this thread. A report drawn
 * from a plan file asks for each environment when it gets there.
 */
export class ReportDrawings {
  /** Undefined without a config: a plan file alone does not say what the CI is. */
  readonly delivery?: Promise<DeliveryDrawing>;
  private readonly environments = new Map<string, EnvironmentDrawing>();

  /**
   * `configPath` is the config as the workflows name it, relative to the repository root. Nothing
   * here throws: a drawing that fails is a rejected promise, reported when the report awaits it,
   * so starting the drawings before a plan never stops the plan.
   */
  constructor(model?: AppModel, configPath = 'slipway.config.ts') {
    if (model === undefined) return;
    let diagram: Diagram;
    try {
      diagram = deliveryDiagram(model, configPath);
    } catch (error) {
      this.delivery = awaitedLater(Promise.reject(error as Error));
      return;
    }
    this.delivery = awaitedLater(
      layoutDiagram(diagram).then((laid) => ({
        diagram,
        svg: renderDiagramSvg(laid, { idPrefix: 'delivery-' }),
      })),
    );
  }

  /**
   * Draws the environments these stacks belong to and asks for their layouts. The account-level
   * stacks (no environment) are not drawn. An environment whose diagram fails is left undrawn, so
   * the report draws it again and says why, after the plan. Arrow form, to hand a plan as its
   * `onTemplates`.
   */
  readonly templatesReady = (stacks: readonly SynthesizedStack[]): void => {
    const byEnvironment = new Map<string, SynthesizedStack[]>();
    for (const stack of stacks) {
      if (stack.environment === undefined) continue;
      byEnvironment.set(stack.environment, [...(byEnvironment.get(stack.environment) ?? []), stack]);
    }
    for (const [name, envStacks] of byEnvironment) {
      // A stack synthesized by its app knows its region; one that does not is drawn from the plan.
      const region = envStacks[0]?.region;
      if (region === undefined) continue;
      try {
        this.environment(name, region, () => envStacks);
      } catch {
        // Drawn again by the report, which then reports the failure.
      }
    }
  };

  /**
   * The environment's drawing: the one already asked for, or one drawn now from `stacks` (read
   * only when it is not drawn yet).
   */
  environment(name: string, region: string, stacks: () => SynthesizedStack[]): EnvironmentDrawing {
    const known = this.environments.get(name);
    if (known !== undefined) return known;
    const diagram = environmentDiagram({ name, region, stacks: stacks() });
    const drawing = { diagram, layout: awaitedLater(layoutDiagram(diagram)) };
    this.environments.set(name, drawing);
    return drawing;
  }
}

/**
 * Marks a promise as handled now, for one that is awaited only after other work that may throw
 * (the plan, the rest of the report): its failure then still reaches the await, and an earlier
 * throw is reported as itself rather than as this promise's unhandled rejection.
 */
export function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
