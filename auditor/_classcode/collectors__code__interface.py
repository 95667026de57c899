"""`auditor.collectors.code.interface`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.platform,self.identities,self.credentials,self.reach,self.facts,self.coverage,self.files,self.baseline,)==(other.platform,other.identities,other.credentials,other.reach,other.facts,other.coverage,other.files,other.baseline,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.platform,self.identities,self.credentials,self.reach,self.facts,self.coverage,self.files,self.baseline,)==(other.platform,other.identities,other.credentials,other.reach,other.facts,other.coverage,other.files,other.baseline,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(platform={self.platform!r}, identities={self.identities!r}, credentials={self.credentials!r}, reach={self.reach!r}, facts={self.facts!r}, coverage={self.coverage!r}, files={self.files!r}, baseline={self.baseline!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(platform={self.platform!r}, identities={self.identities!r}, credentials={self.credentials!r}, reach={self.reach!r}, facts={self.facts!r}, coverage={self.coverage!r}, files={self.files!r}, baseline={self.baseline!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_platform, _type_identities, _type_credentials, _type_reach, _type_facts, _type_coverage, _type_files, _type_baseline, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_identities, _dflt_credentials, _dflt_reach, _dflt_facts, _dflt_coverage, _dflt_files, _dflt_baseline, _return_type):
 def __init__(self,platform:_type_platform,identities:_type_identities=_HAS_DEFAULT_FACTORY,credentials:_type_credentials=_HAS_DEFAULT_FACTORY,reach:_type_reach=_HAS_DEFAULT_FACTORY,facts:_type_facts=_HAS_DEFAULT_FACTORY,coverage:_type_coverage=_HAS_DEFAULT_FACTORY,files:_type_files=_HAS_DEFAULT_FACTORY,baseline:_type_baseline=_dflt_baseline)->_return_type:
  self.platform=platform
  self.identities=_dflt_identities() if identities is _HAS_DEFAULT_FACTORY else identities
  self.credentials=_dflt_credentials() if credentials is _HAS_DEFAULT_FACTORY else credentials
  self.reach=_dflt_reach() if reach is _HAS_DEFAULT_FACTORY else reach
  self.facts=_dflt_facts() if facts is _HAS_DEFAULT_FACTORY else facts
  self.coverage=_dflt_coverage() if coverage is _HAS_DEFAULT_FACTORY else coverage
  self.files=_dflt_files() if files is _HAS_DEFAULT_FACTORY else files
  self.baseline=baseline
 return __init__
TABLE['def __create_fn__(_type_platform, _type_identities, _type_credentials, _type_reach, _type_facts, _type_coverage, _type_files, _type_baseline, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_identities, _dflt_credentials, _dflt_reach, _dflt_facts, _dflt_coverage, _dflt_files, _dflt_baseline, _return_type):\n def __init__(self,platform:_type_platform,identities:_type_identities=_HAS_DEFAULT_FACTORY,credentials:_type_credentials=_HAS_DEFAULT_FACTORY,reach:_type_reach=_HAS_DEFAULT_FACTORY,facts:_type_facts=_HAS_DEFAULT_FACTORY,coverage:_type_coverage=_HAS_DEFAULT_FACTORY,files:_type_files=_HAS_DEFAULT_FACTORY,baseline:_type_baseline=_dflt_baseline)->_return_type:\n  self.platform=platform\n  self.identities=_dflt_identities() if identities is _HAS_DEFAULT_FACTORY else identities\n  self.credentials=_dflt_credentials() if credentials is _HAS_DEFAULT_FACTORY else credentials\n  self.reach=_dflt_reach() if reach is _HAS_DEFAULT_FACTORY else reach\n  self.facts=_dflt_facts() if facts is _HAS_DEFAULT_FACTORY else facts\n  self.coverage=_dflt_coverage() if coverage is _HAS_DEFAULT_FACTORY else coverage\n  self.files=_dflt_files() if files is _HAS_DEFAULT_FACTORY else files\n  self.baseline=baseline\n return __init__'] = (__create_fn__, ())

def __create_fn__(_type_rel, _type_path, _type_kind, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,rel:_type_rel,path:_type_path,kind:_type_kind)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'rel',rel)
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
 return __init__
TABLE["def __create_fn__(_type_rel, _type_path, _type_kind, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,rel:_type_rel,path:_type_path,kind:_type_kind)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'rel',rel)\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('rel','path','kind',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'rel\',\'path\',\'kind\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('rel','path','kind',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'rel\',\'path\',\'kind\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
