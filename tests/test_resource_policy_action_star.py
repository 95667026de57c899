"""`Action: "*"` in code is an over-broad grant (BA-111) in an identity policy; in a resource-based policy (a
statement naming a `Principal`: an API Gateway, bucket or queue policy) it covers only the actions of the
resource it is attached to and grants the code that writes it nothing."""

from __future__ import annotations

from pathlib import Path

from auditor.scan import ScanOptions, run

_IDENTITY = """
api_key = os.environ["TIDE_API_KEY"]
policy = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
}
iam.put_role_policy(RoleName="tide-bot", PolicyName="all", PolicyDocument=json.dumps(policy))
"""

_RESOURCE = """
api_key = os.environ["TIDE_API_KEY"]
resource_policy = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "*",
            "Resource": "*",
        }
    ],
}
apigw.update_rest_api(restApiId=api_id, patchOperations=[{"op": "replace", "path": "/policy",
                                                           "value": json.dumps(resource_policy)}])
"""


def _ba111(tmp_path: Path, text: str) -> list[int]:
    (tmp_path / "deploy_api.py").write_text(text, encoding="utf-8")
    result = run(ScanOptions(paths=(tmp_path,)))
    return [f.location.line for f in result.findings if f.rule_id == "BA-111" and f.location]


def test_an_identity_policy_allowing_every_action_is_reported(tmp_path: Path) -> None:
    assert _ba111(tmp_path, _IDENTITY) == [5]


def test_a_resource_policy_statement_is_not_an_identity_grant(tmp_path: Path) -> None:
    assert _ba111(tmp_path, _RESOURCE) == []


def test_a_principal_in_another_statement_does_not_excuse_this_one(tmp_path: Path) -> None:
    both = _RESOURCE.replace(
        '"Resource": "*",\n        }\n    ],',
        '"Resource": "*",\n        },\n        {"Effect": "Allow", "Action": "*", "Resource": "*"}\n    ],',
    )
    assert _ba111(tmp_path, both) == [12]
