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


def apply() -> list[str]:
    return [_function_settings()]
