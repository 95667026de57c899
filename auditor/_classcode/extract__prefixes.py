"""`auditor.extract.prefixes`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.detector,self.truncated,)==(other.detector,other.truncated,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.detector,self.truncated,)==(other.detector,other.truncated,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.detector,self.truncated,self.prefixed,self.altered,)==(other.detector,other.truncated,other.prefixed,other.altered,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.detector,self.truncated,self.prefixed,self.altered,)==(other.detector,other.truncated,other.prefixed,other.altered,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.literal,self.min_len,)==(other.literal,other.min_len,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.literal,self.min_len,)==(other.literal,other.min_len,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.detector,self.truncated,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.detector,self.truncated,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __hash__(self):
  return hash((self.detector,self.truncated,self.prefixed,self.altered,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.detector,self.truncated,self.prefixed,self.altered,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __hash__(self):
  return hash((self.literal,self.min_len,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.literal,self.min_len,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(detector={self.detector!r}, truncated={self.truncated!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(detector={self.detector!r}, truncated={self.truncated!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(detector={self.detector!r}, truncated={self.truncated!r}, prefixed={self.prefixed!r}, altered={self.altered!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(detector={self.detector!r}, truncated={self.truncated!r}, prefixed={self.prefixed!r}, altered={self.altered!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(literal={self.literal!r}, min_len={self.min_len!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(literal={self.literal!r}, min_len={self.min_len!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_detector, _type_truncated, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,detector:_type_detector,truncated:_type_truncated)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'detector',detector)
  __dataclass_builtins_object__.__setattr__(self,'truncated',truncated)
 return __init__
TABLE["def __create_fn__(_type_detector, _type_truncated, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,detector:_type_detector,truncated:_type_truncated)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'detector',detector)\n  __dataclass_builtins_object__.__setattr__(self,'truncated',truncated)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_detector, _type_truncated, _type_prefixed, _type_altered, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_prefixed, _dflt_altered, _return_type):
 def __init__(self,detector:_type_detector,truncated:_type_truncated,prefixed:_type_prefixed=_dflt_prefixed,altered:_type_altered=_dflt_altered)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'detector',detector)
  __dataclass_builtins_object__.__setattr__(self,'truncated',truncated)
  __dataclass_builtins_object__.__setattr__(self,'prefixed',prefixed)
  __dataclass_builtins_object__.__setattr__(self,'altered',altered)
 return __init__
TABLE["def __create_fn__(_type_detector, _type_truncated, _type_prefixed, _type_altered, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_prefixed, _dflt_altered, _return_type):\n def __init__(self,detector:_type_detector,truncated:_type_truncated,prefixed:_type_prefixed=_dflt_prefixed,altered:_type_altered=_dflt_altered)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'detector',detector)\n  __dataclass_builtins_object__.__setattr__(self,'truncated',truncated)\n  __dataclass_builtins_object__.__setattr__(self,'prefixed',prefixed)\n  __dataclass_builtins_object__.__setattr__(self,'altered',altered)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_literal, _type_min_len, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,literal:_type_literal,min_len:_type_min_len)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'literal',literal)
  __dataclass_builtins_object__.__setattr__(self,'min_len',min_len)
 return __init__
TABLE["def __create_fn__(_type_literal, _type_min_len, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,literal:_type_literal,min_len:_type_min_len)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'literal',literal)\n  __dataclass_builtins_object__.__setattr__(self,'min_len',min_len)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('detector','truncated','prefixed','altered',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'detector\',\'truncated\',\'prefixed\',\'altered\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('detector','truncated',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'detector\',\'truncated\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('literal','min_len',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'literal\',\'min_len\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('detector','truncated','prefixed','altered',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'detector\',\'truncated\',\'prefixed\',\'altered\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('detector','truncated',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'detector\',\'truncated\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('literal','min_len',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'literal\',\'min_len\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
