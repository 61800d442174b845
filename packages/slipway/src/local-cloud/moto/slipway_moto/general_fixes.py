"""Fixes to moto's handling of SSM parameters and S3 bucket policies in Slipway's templates."""

import json
from typing import Any

from moto.s3.models import FakeBucket
from moto.ssm.models import Parameter

from .cfn_rewrites import convert_tags_on_create, rewrite_named_properties_on_create


def _ssm_parameter_tags() -> str:
    """`AWS::SSM::Parameter` takes `Tags` as a map; moto's handler expects a list of Key/Value."""
    convert_tags_on_create(Parameter, _tag_map_as_list)
    return "AWS::SSM::Parameter: Tags given as a map"


def _tag_map_as_list(tags: Any) -> Any:
    if isinstance(tags, dict):
        return [{"Key": key, "Value": str(value)} for key, value in tags.items()]
    return tags


def _ssm_parameter_generated_name() -> str:
    """A parameter without `Name` gets the physical name moto generated for it, as CloudFormation does.

    aws-eks-v2's cluster has such a parameter (its "kubectl ready" barrier); moto's handler passes
    the missing name on and fails.
    """

    def name_it(resource_name: str, properties: dict[str, Any]) -> None:
        if not properties.get("Name"):
            properties["Name"] = resource_name

    rewrite_named_properties_on_create(Parameter, name_it)
    return "AWS::SSM::Parameter: a generated name when the template gives none"


def _plain_http_is_not_denied() -> str:
    """Bucket policies that deny requests without TLS would deny every request to the emulator.

    The usual statement is `Deny s3:* when aws:SecureTransport is false`. moto cannot evaluate that
    condition and treats it as met, so the statement refuses every upload, including the templates
    a deploy stages in the bootstrap bucket. The emulator is plain HTTP on loopback: such statements
    are left out when moto checks a request, and kept in the policy the SDK reads back.
    """
    original = FakeBucket.get_permission

    def get_permission(self: Any, action: str, resource: str) -> Any:
        policy = self.policy
        if policy is None:
            return original(self, action, resource)
        document = json.loads(policy.decode())
        statements = document.get("Statement", [])
        if isinstance(statements, dict):
            statements = [statements]
        kept = [s for s in statements if not _denies_plain_http(s)]
        if len(kept) == len(statements):
            return original(self, action, resource)
        self.policy = json.dumps({**document, "Statement": kept}).encode()
        try:
            return original(self, action, resource)
        finally:
            self.policy = policy

    FakeBucket.get_permission = get_permission
    return "S3 bucket policies: deny-without-TLS statements not enforced on the plain-HTTP emulator"


def _denies_plain_http(statement: dict[str, Any]) -> bool:
    condition = statement.get("Condition") or {}
    plain_http = list(condition) == ["Bool"] and condition["Bool"] == {"aws:SecureTransport": "false"}
    return statement.get("Effect") == "Deny" and plain_http


def apply() -> list[str]:
    return [_ssm_parameter_tags(), _ssm_parameter_generated_name(), _plain_http_is_not_denied()]
