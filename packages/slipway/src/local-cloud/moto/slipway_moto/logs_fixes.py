"""The KMS key of a CloudFormation log group, as CloudWatch Logs describes it."""

from typing import Any

from moto.logs.models import LogGroup

from .cfn_rewrites import rewrite_properties_on_create


def _log_group_kms_key() -> str:
    """`AWS::Logs::LogGroup` names its key `KmsKeyId`; moto's log group reads only `kmsKeyId`.

    moto's handler passes the CloudFormation properties on as they are, and the log group looks
    for the API's spelling, so a group created by a stack lost its key and `DescribeLogGroups`
    showed it unencrypted. The property is copied to the spelling the model reads.
    """

    def rewrite(properties: dict[str, Any]) -> None:
        if "KmsKeyId" in properties:
            properties["kmsKeyId"] = properties["KmsKeyId"]

    rewrite_properties_on_create(LogGroup, rewrite)
    return "AWS::Logs::LogGroup: KmsKeyId kept on the log group"


def apply() -> list[str]:
    return [_log_group_kms_key()]
