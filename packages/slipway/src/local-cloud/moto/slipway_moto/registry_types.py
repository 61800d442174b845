"""The CloudFormation registry calls a deploy makes for Datadog's public monitor type.

moto has no registry: `ActivateType`, `SetTypeConfiguration`, `DescribeType` and
`BatchDescribeTypeConfigurations` are unknown to it. These answer for the one public type Slipway
activates, `Datadog::Monitors::Monitor` by its publisher, from records kept per account and region
on moto's CloudFormation backend (so a reset clears them). Any other public type is not found, as
an unpublished one would be. A configuration is kept as given, dynamic references unresolved:
nothing calls Datadog.
"""

import json
from typing import Any

from moto.cloudformation.exceptions import CloudFormationError
from moto.cloudformation.models import cloudformation_backends
from moto.cloudformation.responses import CloudFormationResponse
from moto.core.responses import ActionResult
from moto.utilities.utils import get_partition

from .backend_records import records_on

DATADOG_PUBLISHER = "7171b96e5d207b947eb72ca9ce05247c246de623"
PUBLIC_TYPES = {"Datadog::Monitors::Monitor": DATADOG_PUBLISHER}
_RECORDS = "slipway_activated_types"


class TypeNotFound(CloudFormationError):
    code = "TypeNotFoundException"


class RegistryError(CloudFormationError):
    code = "CFNRegistryException"


def activated_types(account_id: str, region_name: str) -> dict[str, dict[str, Any]]:
    """Activated types by type name, each with its configuration once one is set."""
    backend = cloudformation_backends[account_id][region_name]
    return records_on(backend, _RECORDS)


def _dashed(type_name: str) -> str:
    return type_name.replace("::", "-")


def public_type_arn(region_name: str, type_name: str) -> str:
    publisher = PUBLIC_TYPES[type_name]
    return f"arn:{get_partition(region_name)}:cloudformation:{region_name}::type/resource/{publisher}/{_dashed(type_name)}"


def _type_arn(account_id: str, region_name: str, type_name: str) -> str:
    return f"arn:{get_partition(region_name)}:cloudformation:{region_name}:{account_id}:type/resource/{_dashed(type_name)}"


def _public_type_named(region_name: str, public_arn: str | None, publisher: str | None, name: str | None) -> str:
    for type_name in PUBLIC_TYPES:
        if public_arn == public_type_arn(region_name, type_name):
            return type_name
        if public_arn is None and name == type_name and publisher == PUBLIC_TYPES[type_name]:
            return type_name
    raise TypeNotFound(f"Type not found: {public_arn or f'{publisher}/{name}'}")


def _activate_type(self: Any) -> ActionResult:
    region = self.region
    type_name = _public_type_named(
        region, self._get_param("PublicTypeArn"), self._get_param("PublisherId"), self._get_param("TypeName")
    )
    records = activated_types(self.current_account, region)
    record = records.get(type_name, {})
    major = self._get_param("MajorVersion")
    record.update(
        {
            "Arn": _type_arn(self.current_account, region, type_name),
            "PublicTypeArn": public_type_arn(region, type_name),
            "MajorVersion": int(major) if major is not None else record.get("MajorVersion"),
            "AutoUpdate": str(self._get_param("AutoUpdate", "true")).lower() == "true",
        }
    )
    records[type_name] = record
    return ActionResult({"Arn": record["Arn"]})


def _activated_by(self: Any, arn: str | None, name: str | None) -> tuple[str, dict[str, Any]]:
    for type_name, record in activated_types(self.current_account, self.region).items():
        if arn == record["Arn"] or (arn is None and name == type_name):
            return type_name, record
    raise TypeNotFound(f"The type {arn or name} is not activated in {self.current_account}/{self.region}")


def _describe_type(self: Any) -> ActionResult:
    arn = self._get_param("Arn")
    name = self._get_param("TypeName")
    publisher = self._get_param("PublisherId")
    # The public type itself, by its public ARN or its publisher: is it activated here?
    if publisher is not None or (arn is not None and "::type/" in arn):
        type_name = _public_type_named(self.region, arn, publisher, name)
        record = activated_types(self.current_account, self.region).get(type_name)
        return ActionResult(_description(self.region, type_name, record, public=True))
    type_name, record = _activated_by(self, arn, name)
    return ActionResult(_description(self.region, type_name, record, public=False))


def _description(region: str, type_name: str, record: dict[str, Any] | None, public: bool) -> dict[str, Any]:
    described: dict[str, Any] = {
        "Type": "RESOURCE",
        "TypeName": type_name,
        "PublisherId": PUBLIC_TYPES[type_name],
        "Visibility": "PUBLIC",
        "IsActivated": record is not None,
        "DeprecatedStatus": "LIVE",
    }
    if record is not None and not public:
        described["Arn"] = record["Arn"]
        described["OriginalTypeName"] = type_name
        described["OriginalTypeArn"] = record["PublicTypeArn"]
        described["AutoUpdate"] = record["AutoUpdate"]
        if record.get("MajorVersion") is not None:
            # The emulator has no releases: the activated major's first version stands for it.
            described["PublicVersionNumber"] = f"{record['MajorVersion']}.0.0"
            described["LatestPublicVersion"] = f"{record['MajorVersion']}.0.0"
    elif public:
        described["Arn"] = public_type_arn(region, type_name)
    return described


def _set_type_configuration(self: Any) -> ActionResult:
    type_name, record = _activated_by(self, self._get_param("TypeArn"), self._get_param("TypeName"))
    given = self._get_param("Configuration")
    try:
        configuration = json.loads(given)
    except (TypeError, ValueError) as error:
        raise RegistryError(f"Configuration is not JSON: {error}") from error
    if not isinstance(configuration, dict):
        raise RegistryError("Configuration must be a JSON object")
    alias = self._get_param("ConfigurationAlias", "default")
    record.setdefault("Configurations", {})[alias] = given
    arn = record["Arn"].replace(":type/resource/", ":type-configuration/resource/") + f"/{alias}"
    return ActionResult({"ConfigurationArn": arn})


def _batch_describe_type_configurations(self: Any) -> ActionResult:
    found: list[dict[str, Any]] = []
    unprocessed: list[dict[str, Any]] = []
    identifiers = self._get_param("TypeConfigurationIdentifiers") or []
    for identifier in identifiers:
        try:
            type_name, record = _activated_by(self, identifier.get("TypeArn"), identifier.get("TypeName"))
        except TypeNotFound:
            unprocessed.append({"ErrorCode": "TypeNotFoundException", "TypeConfigurationIdentifier": identifier})
            continue
        for alias, configuration in record.get("Configurations", {}).items():
            found.append(
                {
                    "Alias": alias,
                    "Configuration": configuration,
                    "TypeArn": record["Arn"],
                    "TypeName": type_name,
                    "IsDefaultConfiguration": alias == "default",
                }
            )
    return ActionResult({"TypeConfigurations": found, "UnprocessedTypeConfigurations": unprocessed, "Errors": []})


def apply() -> list[str]:
    CloudFormationResponse.activate_type = _activate_type
    CloudFormationResponse.describe_type = _describe_type
    CloudFormationResponse.set_type_configuration = _set_type_configuration
    CloudFormationResponse.batch_describe_type_configurations = _batch_describe_type_configurations
    return ["CloudFormation: ActivateType, DescribeType, SetTypeConfiguration for Datadog::Monitors::Monitor"]
