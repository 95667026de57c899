"""A remote MCP server with no credential configured signs its user in with OAuth (MCP authorization), except
a server documented as public: it needs no sign-in and reaches no account, so it is no connection at all."""

from __future__ import annotations

import json
from pathlib import Path

from auditor.model import AuthModel, Platform
from auditor.scan import ScanOptions, run


def test_the_public_aws_knowledge_mcp_server_is_no_aws_connection(tmp_path: Path) -> None:
    # Documented as needing no authentication and reading public AWS content: no OAuth sign-in, no account.
    (tmp_path / ".mcp.json").write_text(
        json.dumps(
            {
                "mcpServers": {
                    "awsknowledge": {"type": "http", "url": "https://knowledge-mcp.global.api.aws"},
                    "costs": {"type": "http", "url": "https://mcp.costs.aws-tools.example/mcp"},
                }
            }
        ),
        encoding="utf-8",
    )
    agents = {a.name: a for a in run(ScanOptions(paths=(tmp_path,))).agents}
    assert agents["awsknowledge"].connections == ()
    # Another remote server with no credential still signs in with OAuth (MCP authorization).
    assert [(c.platform, c.auth_model) for c in agents["costs"].connections] == [
        (Platform.AWS, AuthModel.OAUTH_PKCE)
    ]
