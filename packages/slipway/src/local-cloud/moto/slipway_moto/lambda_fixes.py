"""A CloudFormation Lambda function's architecture and tracing, as Lambda describes them."""

from typing import Any

from moto.awslambda.models import LambdaFunction


def _function_settings() -> str:
    """moto's `AWS::Lambda::Function` handler copies a fixed list of properties into the function.

    `Architectures` and `TracingConfig` are not on it, so a function a stack made on arm64 with
    active tracing showed x86_64 and PassThrough in `GetFunction`, though moto's own API keeps
    both. They are set on the function moto made, with the values the template gives.
    """
    original = LambdaFunction.create_from_cloudformation_json.__func__

    def create(
        cls: Any,
        resource_name: str,
        cloudformation_json: Any,
        account_id: str,
        region_name: str,
        **kwargs: Any,
    ) -> Any:
        fn = original(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
        properties = cloudformation_json.get("Properties", {})
        if "Architectures" in properties:
            fn.architectures = list(properties["Architectures"])
        if "TracingConfig" in properties:
            fn.tracing_config = dict(properties["TracingConfig"])
        return fn

    LambdaFunction.create_from_cloudformation_json = classmethod(create)
    return "AWS::Lambda::Function: Architectures and TracingConfig kept on the function"


def _streams_stay_readable() -> str:
    """moto hands each new stream record of a table with an event source mapping to the function
    at once (in a container, which does not run here) and then empties the shard.

    The functions a stack deploys are stored, never run, in the emulator; `slipway dev` reads the
    stream itself and calls the handler on this machine. With moto's behaviour the records were
    gone before it could read them, and the next record's sequence number repeated an earlier
    one. The record is kept in the shard, as DynamoDB keeps it, and nothing is invoked.
    """
    from moto.dynamodb.models.table import StreamRecord, StreamShard

    def add(self: Any, old: Any, new: Any) -> None:
        view = self.table.stream_specification["StreamViewType"]
        event_name = "INSERT" if old is None else "REMOVE" if new is None else "MODIFY"
        sequence = len(self.items) + self.starting_sequence_number
        self.items.append(StreamRecord(self.table, view, event_name, old, new, sequence))

    StreamShard.add = add
    return "DynamoDB streams: records stay in the shard for readers; no function is invoked from them"


def apply() -> list[str]:
    return [_function_settings(), _streams_stay_readable()]
