"""`auditor.collectors.code.sfdx`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.grants,self.users,self.apps,self.errors,)==(other.grants,other.users,other.apps,other.errors,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.grants,self.users,self.apps,self.errors,)==(other.grants,other.users,other.apps,other.errors,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(grants={self.grants!r}, users={self.users!r}, apps={self.apps!r}, errors={self.errors!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(grants={self.grants!r}, users={self.users!r}, apps={self.apps!r}, errors={self.errors!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_grants, _type_users, _type_apps, _type_errors, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_grants, _dflt_users, _dflt_apps, _dflt_errors, _return_type):
 def __init__(self,grants:_type_grants=_HAS_DEFAULT_FACTORY,users:_type_users=_HAS_DEFAULT_FACTORY,apps:_type_apps=_HAS_DEFAULT_FACTORY,errors:_type_errors=_HAS_DEFAULT_FACTORY)->_return_type:
  self.grants=_dflt_grants() if grants is _HAS_DEFAULT_FACTORY else grants
  self.users=_dflt_users() if users is _HAS_DEFAULT_FACTORY else users
  self.apps=_dflt_apps() if apps is _HAS_DEFAULT_FACTORY else apps
  self.errors=_dflt_errors() if errors is _HAS_DEFAULT_FACTORY else errors
 return __init__
TABLE['def __create_fn__(_type_grants, _type_users, _type_apps, _type_errors, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_grants, _dflt_users, _dflt_apps, _dflt_errors, _return_type):\n def __init__(self,grants:_type_grants=_HAS_DEFAULT_FACTORY,users:_type_users=_HAS_DEFAULT_FACTORY,apps:_type_apps=_HAS_DEFAULT_FACTORY,errors:_type_errors=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.grants=_dflt_grants() if grants is _HAS_DEFAULT_FACTORY else grants\n  self.users=_dflt_users() if users is _HAS_DEFAULT_FACTORY else users\n  self.apps=_dflt_apps() if apps is _HAS_DEFAULT_FACTORY else apps\n  self.errors=_dflt_errors() if errors is _HAS_DEFAULT_FACTORY else errors\n return __init__'] = (__create_fn__, ())
