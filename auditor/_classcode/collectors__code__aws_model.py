"""`auditor.collectors.code.aws_model`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.kind,self.name,self.address,self.rel,self.line,self.path,self.documents,self.managed,self.groups,self.boundary,self.trust,self.tags,self.max_session_duration,self.login_profile,self.keys,self.unresolved,)==(other.kind,other.name,other.address,other.rel,other.line,other.path,other.documents,other.managed,other.groups,other.boundary,other.trust,other.tags,other.max_session_duration,other.login_profile,other.keys,other.unresolved,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.kind,self.name,self.address,self.rel,self.line,self.path,self.documents,self.managed,self.groups,self.boundary,self.trust,self.tags,self.max_session_duration,self.login_profile,self.keys,self.unresolved,)==(other.kind,other.name,other.address,other.rel,other.line,other.path,other.documents,other.managed,other.groups,other.boundary,other.trust,other.tags,other.max_session_duration,other.login_profile,other.keys,other.unresolved,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(kind={self.kind!r}, name={self.name!r}, address={self.address!r}, rel={self.rel!r}, line={self.line!r}, path={self.path!r}, documents={self.documents!r}, managed={self.managed!r}, groups={self.groups!r}, boundary={self.boundary!r}, trust={self.trust!r}, tags={self.tags!r}, max_session_duration={self.max_session_duration!r}, login_profile={self.login_profile!r}, keys={self.keys!r}, unresolved={self.unresolved!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(kind={self.kind!r}, name={self.name!r}, address={self.address!r}, rel={self.rel!r}, line={self.line!r}, path={self.path!r}, documents={self.documents!r}, managed={self.managed!r}, groups={self.groups!r}, boundary={self.boundary!r}, trust={self.trust!r}, tags={self.tags!r}, max_session_duration={self.max_session_duration!r}, login_profile={self.login_profile!r}, keys={self.keys!r}, unresolved={self.unresolved!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_kind, _type_name, _type_address, _type_rel, _type_line, _type_path, _type_documents, _type_managed, _type_groups, _type_boundary, _type_trust, _type_tags, _type_max_session_duration, _type_login_profile, _type_keys, _type_unresolved, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_path, _dflt_documents, _dflt_managed, _dflt_groups, _dflt_boundary, _dflt_trust, _dflt_tags, _dflt_max_session_duration, _dflt_login_profile, _dflt_keys, _dflt_unresolved, _return_type):
 def __init__(self,kind:_type_kind,name:_type_name,address:_type_address,rel:_type_rel,line:_type_line,path:_type_path=_dflt_path,documents:_type_documents=_HAS_DEFAULT_FACTORY,managed:_type_managed=_HAS_DEFAULT_FACTORY,groups:_type_groups=_HAS_DEFAULT_FACTORY,boundary:_type_boundary=_dflt_boundary,trust:_type_trust=_dflt_trust,tags:_type_tags=_HAS_DEFAULT_FACTORY,max_session_duration:_type_max_session_duration=_dflt_max_session_duration,login_profile:_type_login_profile=_dflt_login_profile,keys:_type_keys=_HAS_DEFAULT_FACTORY,unresolved:_type_unresolved=_HAS_DEFAULT_FACTORY)->_return_type:
  self.kind=kind
  self.name=name
  self.address=address
  self.rel=rel
  self.line=line
  self.path=path
  self.documents=_dflt_documents() if documents is _HAS_DEFAULT_FACTORY else documents
  self.managed=_dflt_managed() if managed is _HAS_DEFAULT_FACTORY else managed
  self.groups=_dflt_groups() if groups is _HAS_DEFAULT_FACTORY else groups
  self.boundary=boundary
  self.trust=trust
  self.tags=_dflt_tags() if tags is _HAS_DEFAULT_FACTORY else tags
  self.max_session_duration=max_session_duration
  self.login_profile=login_profile
  self.keys=_dflt_keys() if keys is _HAS_DEFAULT_FACTORY else keys
  self.unresolved=_dflt_unresolved() if unresolved is _HAS_DEFAULT_FACTORY else unresolved
 return __init__
TABLE['def __create_fn__(_type_kind, _type_name, _type_address, _type_rel, _type_line, _type_path, _type_documents, _type_managed, _type_groups, _type_boundary, _type_trust, _type_tags, _type_max_session_duration, _type_login_profile, _type_keys, _type_unresolved, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_path, _dflt_documents, _dflt_managed, _dflt_groups, _dflt_boundary, _dflt_trust, _dflt_tags, _dflt_max_session_duration, _dflt_login_profile, _dflt_keys, _dflt_unresolved, _return_type):\n def __init__(self,kind:_type_kind,name:_type_name,address:_type_address,rel:_type_rel,line:_type_line,path:_type_path=_dflt_path,documents:_type_documents=_HAS_DEFAULT_FACTORY,managed:_type_managed=_HAS_DEFAULT_FACTORY,groups:_type_groups=_HAS_DEFAULT_FACTORY,boundary:_type_boundary=_dflt_boundary,trust:_type_trust=_dflt_trust,tags:_type_tags=_HAS_DEFAULT_FACTORY,max_session_duration:_type_max_session_duration=_dflt_max_session_duration,login_profile:_type_login_profile=_dflt_login_profile,keys:_type_keys=_HAS_DEFAULT_FACTORY,unresolved:_type_unresolved=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.kind=kind\n  self.name=name\n  self.address=address\n  self.rel=rel\n  self.line=line\n  self.path=path\n  self.documents=_dflt_documents() if documents is _HAS_DEFAULT_FACTORY else documents\n  self.managed=_dflt_managed() if managed is _HAS_DEFAULT_FACTORY else managed\n  self.groups=_dflt_groups() if groups is _HAS_DEFAULT_FACTORY else groups\n  self.boundary=boundary\n  self.trust=trust\n  self.tags=_dflt_tags() if tags is _HAS_DEFAULT_FACTORY else tags\n  self.max_session_duration=max_session_duration\n  self.login_profile=login_profile\n  self.keys=_dflt_keys() if keys is _HAS_DEFAULT_FACTORY else keys\n  self.unresolved=_dflt_unresolved() if unresolved is _HAS_DEFAULT_FACTORY else unresolved\n return __init__'] = (__create_fn__, ())
