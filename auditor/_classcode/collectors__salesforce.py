"""`auditor.collectors.salesforce`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.users,self.assignments,self.permission_sets,self.object_permissions,self.ip_ranges,self.apps,self.tokens,self.assignments_complete,self.permission_sets_complete,self.object_permissions_complete,)==(other.users,other.assignments,other.permission_sets,other.object_permissions,other.ip_ranges,other.apps,other.tokens,other.assignments_complete,other.permission_sets_complete,other.object_permissions_complete,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.users,self.assignments,self.permission_sets,self.object_permissions,self.ip_ranges,self.apps,self.tokens,self.assignments_complete,self.permission_sets_complete,self.object_permissions_complete,)==(other.users,other.assignments,other.permission_sets,other.object_permissions,other.ip_ranges,other.apps,other.tokens,other.assignments_complete,other.permission_sets_complete,other.object_permissions_complete,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(users={self.users!r}, assignments={self.assignments!r}, permission_sets={self.permission_sets!r}, object_permissions={self.object_permissions!r}, ip_ranges={self.ip_ranges!r}, apps={self.apps!r}, tokens={self.tokens!r}, assignments_complete={self.assignments_complete!r}, permission_sets_complete={self.permission_sets_complete!r}, object_permissions_complete={self.object_permissions_complete!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(users={self.users!r}, assignments={self.assignments!r}, permission_sets={self.permission_sets!r}, object_permissions={self.object_permissions!r}, ip_ranges={self.ip_ranges!r}, apps={self.apps!r}, tokens={self.tokens!r}, assignments_complete={self.assignments_complete!r}, permission_sets_complete={self.permission_sets_complete!r}, object_permissions_complete={self.object_permissions_complete!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_users, _type_assignments, _type_permission_sets, _type_object_permissions, _type_ip_ranges, _type_apps, _type_tokens, _type_assignments_complete, _type_permission_sets_complete, _type_object_permissions_complete, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_users, _dflt_assignments, _dflt_permission_sets, _dflt_object_permissions, _dflt_ip_ranges, _dflt_apps, _dflt_tokens, _dflt_assignments_complete, _dflt_permission_sets_complete, _dflt_object_permissions_complete, _return_type):
 def __init__(self,users:_type_users=_HAS_DEFAULT_FACTORY,assignments:_type_assignments=_HAS_DEFAULT_FACTORY,permission_sets:_type_permission_sets=_HAS_DEFAULT_FACTORY,object_permissions:_type_object_permissions=_HAS_DEFAULT_FACTORY,ip_ranges:_type_ip_ranges=_dflt_ip_ranges,apps:_type_apps=_dflt_apps,tokens:_type_tokens=_dflt_tokens,assignments_complete:_type_assignments_complete=_dflt_assignments_complete,permission_sets_complete:_type_permission_sets_complete=_dflt_permission_sets_complete,object_permissions_complete:_type_object_permissions_complete=_dflt_object_permissions_complete)->_return_type:
  self.users=_dflt_users() if users is _HAS_DEFAULT_FACTORY else users
  self.assignments=_dflt_assignments() if assignments is _HAS_DEFAULT_FACTORY else assignments
  self.permission_sets=_dflt_permission_sets() if permission_sets is _HAS_DEFAULT_FACTORY else permission_sets
  self.object_permissions=_dflt_object_permissions() if object_permissions is _HAS_DEFAULT_FACTORY else object_permissions
  self.ip_ranges=ip_ranges
  self.apps=apps
  self.tokens=tokens
  self.assignments_complete=assignments_complete
  self.permission_sets_complete=permission_sets_complete
  self.object_permissions_complete=object_permissions_complete
 return __init__
TABLE['def __create_fn__(_type_users, _type_assignments, _type_permission_sets, _type_object_permissions, _type_ip_ranges, _type_apps, _type_tokens, _type_assignments_complete, _type_permission_sets_complete, _type_object_permissions_complete, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_users, _dflt_assignments, _dflt_permission_sets, _dflt_object_permissions, _dflt_ip_ranges, _dflt_apps, _dflt_tokens, _dflt_assignments_complete, _dflt_permission_sets_complete, _dflt_object_permissions_complete, _return_type):\n def __init__(self,users:_type_users=_HAS_DEFAULT_FACTORY,assignments:_type_assignments=_HAS_DEFAULT_FACTORY,permission_sets:_type_permission_sets=_HAS_DEFAULT_FACTORY,object_permissions:_type_object_permissions=_HAS_DEFAULT_FACTORY,ip_ranges:_type_ip_ranges=_dflt_ip_ranges,apps:_type_apps=_dflt_apps,tokens:_type_tokens=_dflt_tokens,assignments_complete:_type_assignments_complete=_dflt_assignments_complete,permission_sets_complete:_type_permission_sets_complete=_dflt_permission_sets_complete,object_permissions_complete:_type_object_permissions_complete=_dflt_object_permissions_complete)->_return_type:\n  self.users=_dflt_users() if users is _HAS_DEFAULT_FACTORY else users\n  self.assignments=_dflt_assignments() if assignments is _HAS_DEFAULT_FACTORY else assignments\n  self.permission_sets=_dflt_permission_sets() if permission_sets is _HAS_DEFAULT_FACTORY else permission_sets\n  self.object_permissions=_dflt_object_permissions() if object_permissions is _HAS_DEFAULT_FACTORY else object_permissions\n  self.ip_ranges=ip_ranges\n  self.apps=apps\n  self.tokens=tokens\n  self.assignments_complete=assignments_complete\n  self.permission_sets_complete=permission_sets_complete\n  self.object_permissions_complete=object_permissions_complete\n return __init__'] = (__create_fn__, ())
