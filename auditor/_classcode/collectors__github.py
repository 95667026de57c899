"""`auditor.collectors.github`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.login,self.repos,self.junior_permissions,self.members,self.facts,)==(other.login,other.repos,other.junior_permissions,other.members,other.facts,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.login,self.repos,self.junior_permissions,self.members,self.facts,)==(other.login,other.repos,other.junior_permissions,other.members,other.facts,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.visibility,self.archived,self.default_branch,self.protected,)==(other.visibility,other.archived,other.default_branch,other.protected,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.visibility,self.archived,self.default_branch,self.protected,)==(other.visibility,other.archived,other.default_branch,other.protected,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(login={self.login!r}, repos={self.repos!r}, junior_permissions={self.junior_permissions!r}, members={self.members!r}, facts={self.facts!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(login={self.login!r}, repos={self.repos!r}, junior_permissions={self.junior_permissions!r}, members={self.members!r}, facts={self.facts!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(visibility={self.visibility!r}, archived={self.archived!r}, default_branch={self.default_branch!r}, protected={self.protected!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(visibility={self.visibility!r}, archived={self.archived!r}, default_branch={self.default_branch!r}, protected={self.protected!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_login, _type_repos, _type_junior_permissions, _type_members, _type_facts, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_repos, _dflt_junior_permissions, _dflt_members, _dflt_facts, _return_type):
 def __init__(self,login:_type_login,repos:_type_repos=_HAS_DEFAULT_FACTORY,junior_permissions:_type_junior_permissions=_dflt_junior_permissions,members:_type_members=_dflt_members,facts:_type_facts=_HAS_DEFAULT_FACTORY)->_return_type:
  self.login=login
  self.repos=_dflt_repos() if repos is _HAS_DEFAULT_FACTORY else repos
  self.junior_permissions=junior_permissions
  self.members=members
  self.facts=_dflt_facts() if facts is _HAS_DEFAULT_FACTORY else facts
 return __init__
TABLE['def __create_fn__(_type_login, _type_repos, _type_junior_permissions, _type_members, _type_facts, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_repos, _dflt_junior_permissions, _dflt_members, _dflt_facts, _return_type):\n def __init__(self,login:_type_login,repos:_type_repos=_HAS_DEFAULT_FACTORY,junior_permissions:_type_junior_permissions=_dflt_junior_permissions,members:_type_members=_dflt_members,facts:_type_facts=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.login=login\n  self.repos=_dflt_repos() if repos is _HAS_DEFAULT_FACTORY else repos\n  self.junior_permissions=junior_permissions\n  self.members=members\n  self.facts=_dflt_facts() if facts is _HAS_DEFAULT_FACTORY else facts\n return __init__'] = (__create_fn__, ())

def __create_fn__(_type_visibility, _type_archived, _type_default_branch, _type_protected, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,visibility:_type_visibility,archived:_type_archived,default_branch:_type_default_branch,protected:_type_protected)->_return_type:
  self.visibility=visibility
  self.archived=archived
  self.default_branch=default_branch
  self.protected=protected
 return __init__
TABLE['def __create_fn__(_type_visibility, _type_archived, _type_default_branch, _type_protected, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,visibility:_type_visibility,archived:_type_archived,default_branch:_type_default_branch,protected:_type_protected)->_return_type:\n  self.visibility=visibility\n  self.archived=archived\n  self.default_branch=default_branch\n  self.protected=protected\n return __init__'] = (__create_fn__, ())
