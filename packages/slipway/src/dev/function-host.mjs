// Runs one call of a function's handler for `slipway dev`, in a process of its own, so a crash or
// a process.exit() in the team's code ends this process and not the local loop. The handler's
// TypeScript loads through tsx, as the config does. The parent sends one message
// { entry, handler, event, context } over IPC and gets back { ok, result } or { ok, error }.
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();

process.once('message', async (call) => {
  try {
    const module = await import(pathToFileURL(call.entry).href);
    const handler = module[call.handler];
    if (typeof handler !== 'function') {
      throw new Error(
        `${call.entry} has no export named ${call.handler} that is a function (exports: ${Object.keys(module).join(', ') || 'none'})`,
      );
    }
    const deadline = Date.now() + call.context.timeoutMs;
    const context = {
      functionName: call.context.functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: call.context.functionArn,
      memoryLimitInMB: String(call.context.memoryMb),
      awsRequestId: call.context.requestId,
      logGroupName: `/aws/lambda/${call.context.functionName}`,
      logStreamName: 'local',
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    const result = await handler(call.event, context);
    process.send({ ok: true, result: result ?? null });
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.send({ ok: false, error: message });
  }
});
