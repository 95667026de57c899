"""`auditor.baseline`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.entries,self.fingerprint_scheme,)==(other.entries,other.fingerprint_scheme,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.entries,self.fingerprint_scheme,)==(other.entries,other.fingerprint_scheme,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.fingerprint,self.rule_id,self.path,self.identity,)==(other.fingerprint,other.rule_id,other.path,other.identity,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.fingerprint,self.rule_id,self.path,self.identity,)==(other.fingerprint,other.rule_id,other.path,other.identity,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __ge__(self,other):
  if other.__class__ is self.__class__:
   return (self.fingerprint,self.rule_id,self.path,self.identity,)>=(other.fingerprint,other.rule_id,other.path,other.identity,)
  return NotImplemented
 return __ge__
TABLE['def __create_fn__():\n def __ge__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.fingerprint,self.rule_id,self.path,self.identity,)>=(other.fingerprint,other.rule_id,other.path,other.identity,)\n  return NotImplemented\n return __ge__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __gt__(self,other):
  if other.__class__ is self.__class__:
   return (self.fingerprint,self.rule_id,self.path,self.identity,)>(other.fingerprint,other.rule_id,other.path,other.identity,)
  return NotImplemented
 return __gt__
TABLE['def __create_fn__():\n def __gt__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.fingerprint,self.rule_id,self.path,self.identity,)>(other.fingerprint,other.rule_id,other.path,other.identity,)\n  return NotImplemented\n return __gt__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.entries,self.fingerprint_scheme,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.entries,self.fingerprint_scheme,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __hash__(self):
  return hash((self.fingerprint,self.rule_id,self.path,self.identity,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.fingerprint,self.rule_id,self.path,self.identity,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __le__(self,other):
  if other.__class__ is self.__class__:
   return (self.fingerprint,self.rule_id,self.path,self.identity,)<=(other.fingerprint,other.rule_id,other.path,other.identity,)
  return NotImplemented
 return __le__
TABLE['def __create_fn__():\n def __le__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.fingerprint,self.rule_id,self.path,self.identity,)<=(other.fingerprint,other.rule_id,other.path,other.identity,)\n  return NotImplemented\n return __le__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __lt__(self,other):
  if other.__class__ is self.__class__:
   return (self.fingerprint,self.rule_id,self.path,self.identity,)<(other.fingerprint,other.rule_id,other.path,other.identity,)
  return NotImplemented
 return __lt__
TABLE['def __create_fn__():\n def __lt__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.fingerprint,self.rule_id,self.path,self.identity,)<(other.fingerprint,other.rule_id,other.path,other.identity,)\n  return NotImplemented\n return __lt__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(entries={self.entries!r}, fingerprint_scheme={self.fingerprint_scheme!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(entries={self.entries!r}, fingerprint_scheme={self.fingerprint_scheme!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(fingerprint={self.fingerprint!r}, rule_id={self.rule_id!r}, path={self.path!r}, identity={self.identity!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(fingerprint={self.fingerprint!r}, rule_id={self.rule_id!r}, path={self.path!r}, identity={self.identity!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_entries, _type_fingerprint_scheme, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_entries, _dflt_fingerprint_scheme, _return_type):
 def __init__(self,entries:_type_entries=_dflt_entries,fingerprint_scheme:_type_fingerprint_scheme=_dflt_fingerprint_scheme)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'entries',entries)
  __dataclass_builtins_object__.__setattr__(self,'fingerprint_scheme',fingerprint_scheme)
 return __init__
TABLE["def __create_fn__(_type_entries, _type_fingerprint_scheme, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_entries, _dflt_fingerprint_scheme, _return_type):\n def __init__(self,entries:_type_entries=_dflt_entries,fingerprint_scheme:_type_fingerprint_scheme=_dflt_fingerprint_scheme)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'entries',entries)\n  __dataclass_builtins_object__.__setattr__(self,'fingerprint_scheme',fingerprint_scheme)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_fingerprint, _type_rule_id, _type_path, _type_identity, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_path, _dflt_identity, _return_type):
 def __init__(self,fingerprint:_type_fingerprint,rule_id:_type_rule_id,path:_type_path=_dflt_path,identity:_type_identity=_dflt_identity)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'fingerprint',fingerprint)
  __dataclass_builtins_object__.__setattr__(self,'rule_id',rule_id)
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'identity',identity)
 return __init__
TABLE["def __create_fn__(_type_fingerprint, _type_rule_id, _type_path, _type_identity, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_path, _dflt_identity, _return_type):\n def __init__(self,fingerprint:_type_fingerprint,rule_id:_type_rule_id,path:_type_path=_dflt_path,identity:_type_identity=_dflt_identity)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'fingerprint',fingerprint)\n  __dataclass_builtins_object__.__setattr__(self,'rule_id',rule_id)\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'identity',identity)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('entries','fingerprint_scheme',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'entries\',\'fingerprint_scheme\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('fingerprint','rule_id','path','identity',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'fingerprint\',\'rule_id\',\'path\',\'identity\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('entries','fingerprint_scheme',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'entries\',\'fingerprint_scheme\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('fingerprint','rule_id','path','identity',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'fingerprint\',\'rule_id\',\'path\',\'identity\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
