import type { IIoHost, IoMessage, IoRequest, StackActivity } from '@aws-cdk/toolkit-lib';
import type { DeployEvent } from './deploy-events.js';
import type { FailedResource } from './errors.js';

/** toolkit-lib's message code for one CloudFormation stack event. */
const STACK_ACTIVITY = 'CDK_TOOLKIT_I5502';

/**
 * Receives toolkit-lib's messages: each CloudFormation resource event becomes a `resource` event
 * for our progress output, failed ones are kept to explain a failure, and the toolkit's own text
 * output (it would otherwise print tables and banners) is dropped. Slipway asks its own questions,
 * so toolkit prompts get their default answer. `SLIPWAY_DEBUG=1` echoes everything on stderr.
 */
export class DeployIoHost implements IIoHost {
  private readonly failed = new Map<string, FailedResource[]>();
  private lastError: string | undefined;

  constructor(
    private readonly onEvent: (event: DeployEvent) => void,
    private readonly debug: boolean = process.env.SLIPWAY_DEBUG === '1',
  ) {}

  async notify(message: IoMessage<unknown>): Promise<void> {
    if (this.debug) process.stderr.write(`[${message.level} ${message.code ?? ''}] ${message.message}\n`);
    if (message.code === STACK_ACTIVITY) {
      this.activity(message.data as StackActivity);
    } else if (message.level === 'error' && !/^CDK_ASSEMBLY/.test(message.code ?? '')) {
      this.lastError = message.message;
    }
  }

  async requestResponse<T>(request: IoRequest<unknown, T>): Promise<T> {
    return request.defaultResponse;
  }

  /** Failed resource events seen for `stack` since the last call, and forgets them. */
  takeFailures(stack: string): FailedResource[] {
    const found = this.failed.get(stack) ?? [];
    this.failed.delete(stack);
    return found;
  }

  /** The last error the toolkit reported, if any. */
  takeLastError(): string | undefined {
    const error = this.lastError;
    this.lastError = undefined;
    return error;
  }

  private activity(activity: StackActivity): void {
    const e = activity.event;
    const stack = e.StackName ?? '';
    // The stack's own events repeat what its resources say.
    if (e.ResourceType === 'AWS::CloudFormation::Stack') return;
    const status = e.ResourceStatus ?? '';
    const resource = {
      logicalId: e.LogicalResourceId ?? '',
      type: e.ResourceType ?? '',
      status,
      reason: e.ResourceStatusReason ?? undefined,
    };
    this.onEvent({ kind: 'resource', stack, ...resource });
    if (status.endsWith('_FAILED')) {
      const list = this.failed.get(stack) ?? [];
      if (!list.some((r) => r.logicalId === resource.logicalId && r.status === status)) {
        list.push({ ...resource, reason: resource.reason ?? 'no reason given' });
      }
      this.failed.set(stack, list);
    }
  }
}
