"""Secrets Manager dynamic references (`{{resolve:secretsmanager:<secret>:SecretString...}}`).

CloudFormation reads the secret while it creates the resource, so the value never sits in the
template; the alarm topic's PagerDuty subscription takes its URL this way. moto passed the reference
on as literal text. It is resolved from moto's Secrets Manager backend as CloudFormation does: the
whole SecretString, or one key of it as JSON, and a missing secret fails the resource. The secret
may be named or given by ARN; version stages and ids are taken as written.
"""

import json
import re
from typing import Any

from moto.cloudformation import parsing
from moto.secretsmanager.models import secretsmanager_backends

# secret-id may be an ARN (colons inside), so it is matched up to ':SecretString'.
_REFERENCE = re.compile(
    r"\{\{resolve:secretsmanager:(?P<secret>.+?):SecretString"
    r"(?::(?P<key>[^:}]*)(?::(?P<stage>[^:}]*)(?::(?P<version>[^:}]*))?)?)?\}\}"
)


def _resolve(text: str, account_id: str, region_name: str) -> str:
    def value(match: re.Match[str]) -> str:
        backend = secretsmanager_backends[account_id][region_name]
        found = backend.get_secret_value(
            match["secret"], match["version"] or None, match["stage"] or None
        )
        secret = found["SecretString"]
        if not match["key"]:
            return secret
        return str(json.loads(secret)[match["key"]])

    return _REFERENCE.sub(value, text)


def _resolving_clean_json(original: Any) -> Any:
    def clean_json(resource_json: Any, resources_map: Any) -> Any:
        cleaned = original(resource_json, resources_map)
        if isinstance(cleaned, str) and "{{resolve:secretsmanager:" in cleaned:
            return _resolve(cleaned, resources_map._account_id, resources_map._region_name)
        return cleaned

    return clean_json


def apply() -> list[str]:
    # clean_json calls itself through the module, so every nested string passes through here.
    parsing.clean_json = _resolving_clean_json(parsing.clean_json)
    return ["CloudFormation: secretsmanager dynamic references resolved from the emulator's secrets"]
