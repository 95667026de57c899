"""`auditor.collectors.code.azure_iac`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.address,self.name,self.rel,self.line,self.kind,self.resource_type,self.existing,self.roles,self.bots,self.access,)==(other.address,other.name,other.rel,other.line,other.kind,other.resource_type,other.existing,other.roles,other.bots,other.access,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.address,self.name,self.rel,self.line,self.kind,self.resource_type,self.existing,self.roles,self.bots,self.access,)==(other.address,other.name,other.rel,other.line,other.kind,other.resource_type,other.existing,other.roles,other.bots,other.access,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(address={self.address!r}, name={self.name!r}, rel={self.rel!r}, line={self.line!r}, kind={self.kind!r}, resource_type={self.resource_type!r}, existing={self.existing!r}, roles={self.roles!r}, bots={self.bots!r}, access={self.access!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(address={self.address!r}, name={self.name!r}, rel={self.rel!r}, line={self.line!r}, kind={self.kind!r}, resource_type={self.resource_type!r}, existing={self.existing!r}, roles={self.roles!r}, bots={self.bots!r}, access={self.access!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_address, _type_name, _type_rel, _type_line, _type_kind, _type_resource_type, _type_existing, _type_roles, _type_bots, _type_access, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_existing, _dflt_roles, _dflt_bots, _dflt_access, _return_type):
 def __init__(self,address:_type_address,name:_type_name,rel:_type_rel,line:_type_line,kind:_type_kind,resource_type:_type_resource_type,existing:_type_existing=_dflt_existing,roles:_type_roles=_HAS_DEFAULT_FACTORY,bots:_type_bots=_HAS_DEFAULT_FACTORY,access:_type_access=_HAS_DEFAULT_FACTORY)->_return_type:
  self.address=address
  self.name=name
  self.rel=rel
  self.line=line
  self.kind=kind
  self.resource_type=resource_type
  self.existing=existing
  self.roles=_dflt_roles() if roles is _HAS_DEFAULT_FACTORY else roles
  self.bots=_dflt_bots() if bots is _HAS_DEFAULT_FACTORY else bots
  self.access=_dflt_access() if access is _HAS_DEFAULT_FACTORY else access
 return __init__
TABLE['def __create_fn__(_type_address, _type_name, _type_rel, _type_line, _type_kind, _type_resource_type, _type_existing, _type_roles, _type_bots, _type_access, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_existing, _dflt_roles, _dflt_bots, _dflt_access, _return_type):\n def __init__(self,address:_type_address,name:_type_name,rel:_type_rel,line:_type_line,kind:_type_kind,resource_type:_type_resource_type,existing:_type_existing=_dflt_existing,roles:_type_roles=_HAS_DEFAULT_FACTORY,bots:_type_bots=_HAS_DEFAULT_FACTORY,access:_type_access=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.address=address\n  self.name=name\n  self.rel=rel\n  self.line=line\n  self.kind=kind\n  self.resource_type=resource_type\n  self.existing=existing\n  self.roles=_dflt_roles() if roles is _HAS_DEFAULT_FACTORY else roles\n  self.bots=_dflt_bots() if bots is _HAS_DEFAULT_FACTORY else bots\n  self.access=_dflt_access() if access is _HAS_DEFAULT_FACTORY else access\n return __init__'] = (__create_fn__, ())
