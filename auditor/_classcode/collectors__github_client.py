"""`auditor.collectors.github_client`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.body,self.headers,self.not_modified,)==(other.body,other.headers,other.not_modified,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.body,self.headers,self.not_modified,)==(other.body,other.headers,other.not_modified,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.directory,self._memory,)==(other.directory,other._memory,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.directory,self._memory,)==(other.directory,other._memory,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.body,self.headers,self.not_modified,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.body,self.headers,self.not_modified,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(body={self.body!r}, headers={self.headers!r}, not_modified={self.not_modified!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(body={self.body!r}, headers={self.headers!r}, not_modified={self.not_modified!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(directory={self.directory!r}, _memory={self._memory!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(directory={self.directory!r}, _memory={self._memory!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_body, _type_headers, _type_not_modified, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_not_modified, _return_type):
 def __init__(self,body:_type_body,headers:_type_headers,not_modified:_type_not_modified=_dflt_not_modified)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'body',body)
  __dataclass_builtins_object__.__setattr__(self,'headers',headers)
  __dataclass_builtins_object__.__setattr__(self,'not_modified',not_modified)
 return __init__
TABLE["def __create_fn__(_type_body, _type_headers, _type_not_modified, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_not_modified, _return_type):\n def __init__(self,body:_type_body,headers:_type_headers,not_modified:_type_not_modified=_dflt_not_modified)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'body',body)\n  __dataclass_builtins_object__.__setattr__(self,'headers',headers)\n  __dataclass_builtins_object__.__setattr__(self,'not_modified',not_modified)\n return __init__"] = (__create_fn__, ())

def __create_fn__(_type_directory, _type__memory, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_directory, _dflt__memory, _return_type):
 def __init__(self,directory:_type_directory=_dflt_directory,_memory:_type__memory=_HAS_DEFAULT_FACTORY)->_return_type:
  self.directory=directory
  self._memory=_dflt__memory() if _memory is _HAS_DEFAULT_FACTORY else _memory
 return __init__
TABLE['def __create_fn__(_type_directory, _type__memory, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_directory, _dflt__memory, _return_type):\n def __init__(self,directory:_type_directory=_dflt_directory,_memory:_type__memory=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.directory=directory\n  self._memory=_dflt__memory() if _memory is _HAS_DEFAULT_FACTORY else _memory\n return __init__'] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('body','headers','not_modified',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'body\',\'headers\',\'not_modified\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('body','headers','not_modified',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'body\',\'headers\',\'not_modified\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
