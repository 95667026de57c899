"""`auditor.collectors.code.vault_model`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.kind,self.name,self.mount,self.rel,self.line,self.address,self.policies,self.settings,)==(other.kind,other.name,other.mount,other.rel,other.line,other.address,other.policies,other.settings,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.kind,self.name,self.mount,self.rel,self.line,self.address,self.policies,self.settings,)==(other.kind,other.name,other.mount,other.rel,other.line,other.address,other.policies,other.settings,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.policies,self.policy_origin,self.policy_errors,self.roles,self.auth_mounts,self.mounts,self.audit_devices,self.agent_configs,)==(other.policies,other.policy_origin,other.policy_errors,other.roles,other.auth_mounts,other.mounts,other.audit_devices,other.agent_configs,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.policies,self.policy_origin,self.policy_errors,self.roles,self.auth_mounts,self.mounts,self.audit_devices,self.agent_configs,)==(other.policies,other.policy_origin,other.policy_errors,other.roles,other.auth_mounts,other.mounts,other.audit_devices,other.agent_configs,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(kind={self.kind!r}, name={self.name!r}, mount={self.mount!r}, rel={self.rel!r}, line={self.line!r}, address={self.address!r}, policies={self.policies!r}, settings={self.settings!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(kind={self.kind!r}, name={self.name!r}, mount={self.mount!r}, rel={self.rel!r}, line={self.line!r}, address={self.address!r}, policies={self.policies!r}, settings={self.settings!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(policies={self.policies!r}, policy_origin={self.policy_origin!r}, policy_errors={self.policy_errors!r}, roles={self.roles!r}, auth_mounts={self.auth_mounts!r}, mounts={self.mounts!r}, audit_devices={self.audit_devices!r}, agent_configs={self.agent_configs!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(policies={self.policies!r}, policy_origin={self.policy_origin!r}, policy_errors={self.policy_errors!r}, roles={self.roles!r}, auth_mounts={self.auth_mounts!r}, mounts={self.mounts!r}, audit_devices={self.audit_devices!r}, agent_configs={self.agent_configs!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_kind, _type_name, _type_mount, _type_rel, _type_line, _type_address, _type_policies, _type_settings, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_settings, _return_type):
 def __init__(self,kind:_type_kind,name:_type_name,mount:_type_mount,rel:_type_rel,line:_type_line,address:_type_address,policies:_type_policies,settings:_type_settings=_HAS_DEFAULT_FACTORY)->_return_type:
  self.kind=kind
  self.name=name
  self.mount=mount
  self.rel=rel
  self.line=line
  self.address=address
  self.policies=policies
  self.settings=_dflt_settings() if settings is _HAS_DEFAULT_FACTORY else settings
 return __init__
TABLE['def __create_fn__(_type_kind, _type_name, _type_mount, _type_rel, _type_line, _type_address, _type_policies, _type_settings, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_settings, _return_type):\n def __init__(self,kind:_type_kind,name:_type_name,mount:_type_mount,rel:_type_rel,line:_type_line,address:_type_address,policies:_type_policies,settings:_type_settings=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.kind=kind\n  self.name=name\n  self.mount=mount\n  self.rel=rel\n  self.line=line\n  self.address=address\n  self.policies=policies\n  self.settings=_dflt_settings() if settings is _HAS_DEFAULT_FACTORY else settings\n return __init__'] = (__create_fn__, ())

def __create_fn__(_type_policies, _type_policy_origin, _type_policy_errors, _type_roles, _type_auth_mounts, _type_mounts, _type_audit_devices, _type_agent_configs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_policies, _dflt_policy_origin, _dflt_policy_errors, _dflt_roles, _dflt_auth_mounts, _dflt_mounts, _dflt_audit_devices, _dflt_agent_configs, _return_type):
 def __init__(self,policies:_type_policies=_HAS_DEFAULT_FACTORY,policy_origin:_type_policy_origin=_HAS_DEFAULT_FACTORY,policy_errors:_type_policy_errors=_HAS_DEFAULT_FACTORY,roles:_type_roles=_HAS_DEFAULT_FACTORY,auth_mounts:_type_auth_mounts=_HAS_DEFAULT_FACTORY,mounts:_type_mounts=_HAS_DEFAULT_FACTORY,audit_devices:_type_audit_devices=_HAS_DEFAULT_FACTORY,agent_configs:_type_agent_configs=_HAS_DEFAULT_FACTORY)->_return_type:
  self.policies=_dflt_policies() if policies is _HAS_DEFAULT_FACTORY else policies
  self.policy_origin=_dflt_policy_origin() if policy_origin is _HAS_DEFAULT_FACTORY else policy_origin
  self.policy_errors=_dflt_policy_errors() if policy_errors is _HAS_DEFAULT_FACTORY else policy_errors
  self.roles=_dflt_roles() if roles is _HAS_DEFAULT_FACTORY else roles
  self.auth_mounts=_dflt_auth_mounts() if auth_mounts is _HAS_DEFAULT_FACTORY else auth_mounts
  self.mounts=_dflt_mounts() if mounts is _HAS_DEFAULT_FACTORY else mounts
  self.audit_devices=_dflt_audit_devices() if audit_devices is _HAS_DEFAULT_FACTORY else audit_devices
  self.agent_configs=_dflt_agent_configs() if agent_configs is _HAS_DEFAULT_FACTORY else agent_configs
 return __init__
TABLE['def __create_fn__(_type_policies, _type_policy_origin, _type_policy_errors, _type_roles, _type_auth_mounts, _type_mounts, _type_audit_devices, _type_agent_configs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_policies, _dflt_policy_origin, _dflt_policy_errors, _dflt_roles, _dflt_auth_mounts, _dflt_mounts, _dflt_audit_devices, _dflt_agent_configs, _return_type):\n def __init__(self,policies:_type_policies=_HAS_DEFAULT_FACTORY,policy_origin:_type_policy_origin=_HAS_DEFAULT_FACTORY,policy_errors:_type_policy_errors=_HAS_DEFAULT_FACTORY,roles:_type_roles=_HAS_DEFAULT_FACTORY,auth_mounts:_type_auth_mounts=_HAS_DEFAULT_FACTORY,mounts:_type_mounts=_HAS_DEFAULT_FACTORY,audit_devices:_type_audit_devices=_HAS_DEFAULT_FACTORY,agent_configs:_type_agent_configs=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.policies=_dflt_policies() if policies is _HAS_DEFAULT_FACTORY else policies\n  self.policy_origin=_dflt_policy_origin() if policy_origin is _HAS_DEFAULT_FACTORY else policy_origin\n  self.policy_errors=_dflt_policy_errors() if policy_errors is _HAS_DEFAULT_FACTORY else policy_errors\n  self.roles=_dflt_roles() if roles is _HAS_DEFAULT_FACTORY else roles\n  self.auth_mounts=_dflt_auth_mounts() if auth_mounts is _HAS_DEFAULT_FACTORY else auth_mounts\n  self.mounts=_dflt_mounts() if mounts is _HAS_DEFAULT_FACTORY else mounts\n  self.audit_devices=_dflt_audit_devices() if audit_devices is _HAS_DEFAULT_FACTORY else audit_devices\n  self.agent_configs=_dflt_agent_configs() if agent_configs is _HAS_DEFAULT_FACTORY else agent_configs\n return __init__'] = (__create_fn__, ())
