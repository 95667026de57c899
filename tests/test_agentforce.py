"""Agentforce agents in SFDX metadata (`bots/<Name>/<Name>.bot-meta.xml`): a service agent acts as its one
agent user for every customer; an employee agent acts as the signed-in user. Made-up metadata in the shape
the Salesforce CLI retrieves."""

from __future__ import annotations

from pathlib import Path

from auditor.model import Agent, AuthModel, Platform
from auditor.scan import ScanOptions, run

_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<Bot xmlns="http://soap.sforce.com/2006/04/metadata">\n'


def _bot(root: Path, name: str, body: str) -> None:
    folder = root / "force-app" / "main" / "default" / "bots" / name
    folder.mkdir(parents=True)
    (folder / f"{name}.bot-meta.xml").write_text(_HEAD + body + "</Bot>\n", encoding="utf-8")


def _agents(root: Path) -> dict[str, Agent]:
    return {a.name: a for a in run(ScanOptions(paths=(root,))).agents}


def _salesforce(agent: Agent) -> tuple[AuthModel, str | None]:
    (conn,) = [c for c in agent.connections if c.platform is Platform.SALESFORCE]
    return conn.auth_model, conn.identity_hint


def test_a_service_agent_runs_as_its_agent_user(tmp_path: Path) -> None:
    _bot(
        tmp_path,
        "Dock_Helper",
        "    <agentType>EinsteinServiceAgent</agentType>\n"
        "    <botUser>dock.agent@lakeside-moorings.com</botUser>\n"
        "    <label>Dock Helper</label>\n"
        "    <type>ExternalCopilot</type>\n",
    )
    agent = _agents(tmp_path)["Dock_Helper"]
    assert agent.kind == "salesforce_agent" and agent.multi_user
    assert _salesforce(agent) == (AuthModel.SERVICE_ACCOUNT_ROLE, "dock.agent@lakeside-moorings.com")


def test_an_employee_agent_acts_as_the_signed_in_user(tmp_path: Path) -> None:
    _bot(
        tmp_path,
        "Yard_Assistant",
        "    <agentType>AgentforceEmployeeAgent</agentType>\n"
        "    <contextVariables>\n        <dataType>Text</dataType>\n    </contextVariables>\n"
        "    <label>Yard Assistant</label>\n"
        "    <type>InternalCopilot</type>\n",
    )
    agent = _agents(tmp_path)["Yard_Assistant"]
    assert agent.kind == "salesforce_agent"
    assert _salesforce(agent) == (AuthModel.ON_BEHALF_OF, None)


def test_a_templated_agent_user_names_no_identity(tmp_path: Path) -> None:
    # Sample projects template the org's username in at deploy time.
    _bot(
        tmp_path,
        "Dock_Helper",
        "    <agentType>EinsteinServiceAgent</agentType>\n    <botUser>agent-%%ORG_USERNAME%%</botUser>\n",
    )
    assert _salesforce(_agents(tmp_path)["Dock_Helper"]) == (AuthModel.SERVICE_ACCOUNT_ROLE, None)


def test_other_xml_and_bot_files_outside_metadata_are_no_agent(tmp_path: Path) -> None:
    folder = tmp_path / "bots" / "Dock_Helper"
    folder.mkdir(parents=True)
    (folder / "Dock_Helper.bot-meta.xml").write_text(
        '<?xml version="1.0"?>\n<Bot xmlns="urn:example:chat">\n  <botUser>someone</botUser>\n</Bot>\n',
        encoding="utf-8",
    )
    (tmp_path / "notes.xml").write_text(_HEAD + "  <botUser>x@lakeside-moorings.com</botUser>\n</Bot>\n")
    assert _agents(tmp_path) == {}
