"""A CloudFormation ingress rule's ports may be written through parameters or functions: a parameter's default
is read; a port not known offline is reported as partial coverage, never a crash of the whole scan (a real
samples repository wrote `FromPort: {Ref: DBClusterPort}` in long form and stopped every scan of it)."""

from __future__ import annotations

from pathlib import Path

from auditor.scan import ScanOptions, run

_TEMPLATE = """AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  GraphPort:
    Type: String
    Default: "22"
  AdminPort:
    Type: Number
Mappings:
  Ports:
    prod: {web: 3389}
Resources:
  GraphAccess:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: graph database
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort:
            Ref: GraphPort
          ToPort: !Ref GraphPort
          CidrIp: 0.0.0.0/0
  AdminAccess:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admin
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: !Ref AdminPort
          ToPort: !FindInMap [Ports, prod, web]
          CidrIp: 0.0.0.0/0
"""


def test_ports_through_parameters_are_read_and_unknown_ones_are_partial(tmp_path: Path) -> None:
    (tmp_path / "network.yaml").write_text(_TEMPLATE, encoding="utf-8")
    result = run(ScanOptions(paths=(tmp_path,)))
    open_groups = [f for f in result.findings if f.rule_id == "BA-210"]
    assert [f.message for f in open_groups if "GraphAccess" in f.message and "22" in f.message]
    assert not [f for f in open_groups if "AdminAccess" in f.message]
    partial = [s for s in result.coverage.skipped if "network/AdminAccess" in s.reason]
    assert partial and partial[0].category == "partial" and "does not fix" in partial[0].reason
