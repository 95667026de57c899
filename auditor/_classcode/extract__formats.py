"""`auditor.extract.formats`: written by `python -m auditor._classcode --write` (auditor/classcode.py)."""

# ruff: noqa
# mypy: ignore-errors
# No `from __future__ import annotations`: `exec` compiles the texts without it; so must this.

TABLE = {}

def __create_fn__():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.format,self.context,self.in_test_path,self.known,self.jsonc,)==(other.format,other.context,other.in_test_path,other.known,other.jsonc,)
  return NotImplemented
 return __eq__
TABLE['def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.format,self.context,self.in_test_path,self.known,self.jsonc,)==(other.format,other.context,other.in_test_path,other.known,other.jsonc,)\n  return NotImplemented\n return __eq__'] = (__create_fn__, ('NotImplemented',))

def __create_fn__():
 def __hash__(self):
  return hash((self.format,self.context,self.in_test_path,self.known,self.jsonc,))
 return __hash__
TABLE['def __create_fn__():\n def __hash__(self):\n  return hash((self.format,self.context,self.in_test_path,self.known,self.jsonc,))\n return __hash__'] = (__create_fn__, ('hash',))

def __create_fn__():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(format={self.format!r}, context={self.context!r}, in_test_path={self.in_test_path!r}, known={self.known!r}, jsonc={self.jsonc!r})"
 return __repr__
TABLE['def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(format={self.format!r}, context={self.context!r}, in_test_path={self.in_test_path!r}, known={self.known!r}, jsonc={self.jsonc!r})"\n return __repr__'] = (__create_fn__, ())

def __create_fn__(_type_format, _type_context, _type_in_test_path, _type_known, _type_jsonc, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_jsonc, _return_type):
 def __init__(self,format:_type_format,context:_type_context,in_test_path:_type_in_test_path,known:_type_known,jsonc:_type_jsonc=_dflt_jsonc)->_return_type:
  __dataclass_builtins_object__.__setattr__(self,'format',format)
  __dataclass_builtins_object__.__setattr__(self,'context',context)
  __dataclass_builtins_object__.__setattr__(self,'in_test_path',in_test_path)
  __dataclass_builtins_object__.__setattr__(self,'known',known)
  __dataclass_builtins_object__.__setattr__(self,'jsonc',jsonc)
 return __init__
TABLE["def __create_fn__(_type_format, _type_context, _type_in_test_path, _type_known, _type_jsonc, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_jsonc, _return_type):\n def __init__(self,format:_type_format,context:_type_context,in_test_path:_type_in_test_path,known:_type_known,jsonc:_type_jsonc=_dflt_jsonc)->_return_type:\n  __dataclass_builtins_object__.__setattr__(self,'format',format)\n  __dataclass_builtins_object__.__setattr__(self,'context',context)\n  __dataclass_builtins_object__.__setattr__(self,'in_test_path',in_test_path)\n  __dataclass_builtins_object__.__setattr__(self,'known',known)\n  __dataclass_builtins_object__.__setattr__(self,'jsonc',jsonc)\n return __init__"] = (__create_fn__, ())

def __create_fn__(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('format','context','in_test_path','known','jsonc',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'format\',\'context\',\'in_test_path\',\'known\',\'jsonc\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__'] = (__create_fn__, ('super', 'type'))

def __create_fn__(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('format','context','in_test_path','known','jsonc',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__
TABLE['def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'format\',\'context\',\'in_test_path\',\'known\',\'jsonc\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__'] = (__create_fn__, ('super', 'type'))
