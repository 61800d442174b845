"""Optional waits that make a stack take as long to finish as it would on AWS (off by default).

moto creates and updates a stack inside the API call, so a deploy tool never waits and deploying
stacks in parallel gains nothing. With these set, the work is still done at once, but the stack is
reported *_IN_PROGRESS (DescribeStacks, ListStacks, DescribeStackEvents) until its time has passed;
then its held-back events appear and it completes. Deploy tools poll, so they wait as on AWS.

Read from the environment the launcher starts the server with, in seconds (decimals allowed):

- `SLIPWAY_EMULATOR_STACK_SECONDS`: every create or update of a stack.
- `SLIPWAY_EMULATOR_SERVICE_SECONDS`: added when the operation creates or updates ECS services.
  The services of one stack stabilize together, as on AWS, so it is added once per stack.
- `SLIPWAY_EMULATOR_CANARY_BAKE_SECONDS`: added when one of those services deploys with ECS's
  CANARY strategy (the canary serves its share for the bake time before the rest moves).

Failed operations and deletes finish at once.
"""

import os
import sys
import threading
import time
from datetime import datetime, timezone
from typing import Any

from moto.cloudformation import models as cfn_models

from .stack_events import keep_order

STACK_VARIABLE = "SLIPWAY_EMULATOR_STACK_SECONDS"
SERVICE_VARIABLE = "SLIPWAY_EMULATOR_SERVICE_SECONDS"
CANARY_BAKE_VARIABLE = "SLIPWAY_EMULATOR_CANARY_BAKE_SECONDS"

_SERVICE_TYPE = "AWS::ECS::Service"
_STACK_TYPE = "AWS::CloudFormation::Stack"
_SETTLED = ("CREATE_COMPLETE", "UPDATE_COMPLETE")
# Requests are served on several threads; a stack settles once.
_lock = threading.RLock()


def _seconds(variable: str) -> float:
    text = os.environ.get(variable, "").strip()
    if not text:
        return 0.0
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value < 0:
        print(f"warning: {variable}={text!r} is not a number of seconds; ignored", file=sys.stderr)
        return 0.0
    return value


class Delays:
    def __init__(self, stack: float, service: float, canary_bake: float):
        self.stack = stack
        self.service = service
        self.canary_bake = canary_bake

    def any(self) -> bool:
        return self.stack > 0 or self.service > 0 or self.canary_bake > 0


def delays_from_environment() -> Delays:
    return Delays(_seconds(STACK_VARIABLE), _seconds(SERVICE_VARIABLE), _seconds(CANARY_BAKE_VARIABLE))


def _settled_services(stack: Any, since: int) -> list[str]:
    """Logical ids of the ECS services this operation created or updated (from its resource events)."""
    return [
        event.logical_resource_id
        for event in stack._slipway_events[since:]
        if event.resource_type == _SERVICE_TYPE and event.resource_status in _SETTLED
    ]


def _is_canary(stack: Any, logical_id: str) -> bool:
    resource = stack.template_dict.get("Resources", {}).get(logical_id, {})
    deployment = resource.get("Properties", {}).get("DeploymentConfiguration", {})
    return isinstance(deployment, dict) and deployment.get("Strategy") == "CANARY"


def operation_seconds(delays: Delays, stack: Any, since: int) -> float:
    services = _settled_services(stack, since)
    seconds = delays.stack
    if services:
        seconds += delays.service
        if any(_is_canary(stack, logical_id) for logical_id in services):
            seconds += delays.canary_bake
    return seconds


def _hold(stack: Any, since: int, seconds: float) -> None:
    """Reports the finished operation as in progress for `seconds`, keeping back its last events."""
    final_status = stack._slipway_status
    events = stack._slipway_events
    held = [
        event
        for event in events[since:]
        if event.resource_status in _SETTLED
        and (event.resource_type == _SERVICE_TYPE or event.resource_type == _STACK_TYPE)
    ]
    stack._slipway_events = [event for event in events if not any(event is h for h in held)]
    stack._slipway_status = final_status.replace("_COMPLETE", "_IN_PROGRESS")
    stack._slipway_pending = (time.monotonic() + seconds, final_status, held)


def _settle(stack: Any, now: bool = False) -> None:
    pending = stack.__dict__.get("_slipway_pending")
    if pending is None:
        return
    with _lock:
        pending = stack.__dict__.get("_slipway_pending")
        if pending is None:
            return
        due, final_status, held = pending
        if not now and time.monotonic() < due:
            return
        stack._slipway_pending = None
        for event in held:
            # The events happen now, when the services have settled, after what was already shown.
            event.timestamp = datetime.now(timezone.utc).replace(tzinfo=None)
            stack._slipway_events.append(event)
            keep_order(stack._slipway_events)
        stack._slipway_status = final_status


def _get_status(self: Any) -> str:
    _settle(self)
    return self.__dict__.get("_slipway_status", "")


def _set_status(self: Any, value: str) -> None:
    self._slipway_status = value


def _get_events(self: Any) -> list[Any]:
    _settle(self)
    return self.__dict__.setdefault("_slipway_events", [])


def _set_events(self: Any, value: list[Any]) -> None:
    self._slipway_events = value


def _delayed(original: Any, delays: Delays) -> Any:
    def wrapped(self: Any, *args: Any, **kwargs: Any) -> Any:
        # A new operation finds the previous one finished, whatever time is left.
        _settle(self, now=True)
        since = len(self._slipway_events)
        result = original(self, *args, **kwargs)
        if self._slipway_status in _SETTLED:
            seconds = operation_seconds(delays, self, since)
            if seconds > 0:
                with _lock:
                    _hold(self, since, seconds)
        return result

    return wrapped


def apply() -> list[str]:
    delays = delays_from_environment()
    if not delays.any():
        return []
    # Wraps whatever `stack_operations` installed, so it must run after it.
    cfn_models.Stack.status = property(_get_status, _set_status)
    cfn_models.Stack.events = property(_get_events, _set_events)
    cfn_models.Stack.create_resources = _delayed(cfn_models.Stack.create_resources, delays)
    cfn_models.Stack.update = _delayed(cfn_models.Stack.update, delays)
    return [
        f"stack: reported in progress for {delays.stack:g} s per create or update, "
        f"{delays.service:g} s more with ECS services, {delays.canary_bake:g} s more with a canary"
    ]
